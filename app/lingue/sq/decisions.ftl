# Ponte — shqip (përkthim; teksti që vlen është ai në italisht).
refusals-0 = arsyeja e treguar nuk është ndër ato që pranon rregullorja e shkollës
refusals-1 = për këtë mungesë shkolla kërkon dokumente, që duhen dorëzuar në sekretari
refusals-2 = mungesa nuk përputhet me atë që rezulton në regjistër
refusals-3 = u dërgua pas afatit të caktuar nga rregullorja e shkollës
refusals-4 = dokumentet nuk kanë mbërritur në sekretari
refusals-5 = rasti nuk hyn në përjashtimet e miratuara nga shkolla
refusals-6 = për këshillin e klasës, frekuentimi nuk jep elemente të mjaftueshme për vlerësimin
refusals-7 = datat nuk përputhen me dokumentet e dorëzuara
family_refusal = Arsyeja: { $reason }.
family_council = Vendosur nga këshilli i klasës i datës { $date }.
