# Ponte — shqip (përkthim; teksti që vlen është ai në italisht).
channels-0 = letër
channels-1 = njoftim në Ponte me konfirmim leximi
family_notice = Më { $date } shkolla i komunikoi familjes mungesat pa arsye të justifikuara ({ $channel }): nxënësi/nxënësja duhet të rifillojë frekuentimin deri më { $by }.
family_resumed = Frekuentimi rifilloi më { $date }: rasti është mbyllur.
family_mayor = Më { $date } shkolla njoftoi kryetarin e bashkisë, siç e parashikon ligji.
