# Ponte — shqip (përkthim; teksti që vlen është ai në italisht).
title = Gjendja e fëmijëve tuaj
lead = Mungesat, sa orë mund të mungojnë ende dhe çfarë duhet bërë.
saved_copy = Nuk ka lidhje: kjo është kopja e faqes e ruajtur më { $date } në orën { $time }.
register_updated = Regjistri u përditësua më { $date }.
register_missing = Shkolla nuk i ka ngarkuar ende mungesat në Ponte.
notices_link = Njoftimet e shkollës
notices_unread = { $n } për t'u lexuar
export_title = Të dhënat tuaja
export_text = Mund të shkarkoni gjithçka që Ponte ruan për ju dhe për fëmijët tuaj.
export_json = Shkarkoni të dhënat (JSON)
export_csv = Shkarkoni të dhënat (CSV, për fletën elektronike)
class_school = Klasa { $class } · { $school }
gauge_text = Orë mungese të llogaritura: { $counted } nga një maksimum prej { $max }.
annual_share = Ka humbur { $percent } të orëve të vitit; kufiri ligjor është { $limit }.
allowance_used-0 = nuk ka përdorur ende asnjë nga orët që mund të mungojë.
allowance_used-1 = ka përdorur pak nga orët që mund të mungojë.
allowance_used-2 = ka përdorur rreth një të katërtën e orëve që mund të mungojë.
allowance_used-3 = ka përdorur rreth një të tretën e orëve që mund të mungojë.
allowance_used-4 = ka përdorur rreth gjysmën e orëve që mund të mungojë.
allowance_used-5 = ka përdorur rreth dy të tretat e orëve që mund të mungojë.
allowance_used-6 = ka përdorur rreth tre të katërtat e orëve që mund të mungojë.
allowance_used-7 = ka përdorur pothuajse të gjitha orët që mund të mungojë.
allowance_used-8 = ka përdorur të gjitha orët që mund të mungojë.
allowance_used-9 = i ka kaluar orët që mund të mungojë.
counted = Orë mungese të llogaritura
remaining = Orë që mund të mungojë ende
remaining_days = Ditë të plota që mund të mungojë ende
derogated = Orë të hequra nga llogaritja me përjashtim
pending_deroga = Orë në përjashtim në pritje të vendimit
forecast = Parashikimi
forecast_on = Me ritmin aktual, kufiri do të kalohej më { $date }.
forecast_none = Me ritmin aktual, kufiri nuk kalohet.
crossed_on = Kufiri u kalua më { $date }.
law159 = Detyrimi shkollor (ligji 159/2023)
law159_days = { $n ->
    [one] { $n } ditë mungese e pajustifikuar në tre muajt e fundit: shkolla duhet të sinjalizojë kë i kalon 15.
   *[other] { $n } ditë mungese të pajustifikuara në tre muajt e fundit: shkolla duhet të sinjalizojë kë i kalon 15.
}
law159_flagged = Më { $date } u kaluan 15 ditë mungese të pajustifikuara në tre muaj: shkolla do të kontaktojë familjen.
law159_elusione = Më { $date } mungesat e pajustifikuara arritën një të katërtën e orëve vjetore.
status_ok = Larg kufirit
status_attention = Kujdes
status_at_risk = Në rrezik
status_exceeded = Kufiri u kalua
exceeded_consequence = Viti është i vlefshëm vetëm nëse këshilli i klasës njeh një përjashtim.
actions = Çfarë duhet bërë
actions_none = Asgjë për të bërë tani për tani.
action_justify = { $n ->
    [one] Justifikoni { $n } mungesë
   *[other] Justifikoni { $n } mungesa
}
action_acknowledge = { $n ->
    [one] Lexoni dhe konfirmoni { $n } njoftim
   *[other] Lexoni dhe konfirmoni { $n } njoftime
}
action_documents = { $n ->
    [one] Dorëzoni në sekretari dokumentet e { $n } kërkese për përjashtim
   *[other] Dorëzoni në sekretari dokumentet e { $n } kërkesave për përjashtim
}
action_documents_by = { $n ->
    [one] Dorëzoni në sekretari dokumentet e { $n } kërkese për përjashtim deri më { $date }
   *[other] Dorëzoni në sekretari dokumentet e { $n } kërkesave për përjashtim deri më { $date }
}
action_contact = Flisni me shkollën për gjendjen e mungesave dhe, nëse është rasti, kërkoni një përjashtim
details_link = Mungesat, justifikimet dhe përjashtimet e { $name }
hours_minutes = { $h } orë { $m } min
hours_only = { $h } orë
minutes_only = { $m } min
days = { $n ->
    [one] { $n } ditë
   *[other] { $n } ditë
}
day_of = { $n ->
    [one] (prej { $n } ore)
   *[other] (prej { $n } orësh)
}
absences_title = Të gjitha mungesat, muaj pas muaji ({ $n })
absences_none = Asnjë mungesë e regjistruar.
months-0 = Janar
months-1 = Shkurt
months-2 = Mars
months-3 = Prill
months-4 = Maj
months-5 = Qershor
months-6 = Korrik
months-7 = Gusht
months-8 = Shtator
months-9 = Tetor
months-10 = Nëntor
months-11 = Dhjetor
weekdays-0 = hën
weekdays-1 = mar
weekdays-2 = mër
weekdays-3 = enj
weekdays-4 = pre
weekdays-5 = sht
weekdays-6 = die
kinds-0 = Mungesë gjithë ditën
kinds-1 = Vonesë
kinds-2 = Hyrje e vonuar
kinds-3 = Dalje e parakohshme
kinds-4 = Abstenim nga mësimi
kinds-5 = Mospjesëmarrje në një dalje mësimore
kinds-6 = Pezullim pa detyrim frekuentimi
kinds-7 = Pezullim me detyrim frekuentimi
kinds-8 = Veprimtari e organizuar nga shkolla
justified_yes = E justifikuar
justified_no = E pajustifikuar
effect_counted = e llogaritur
effect_pending = e llogaritur, në pritje të përjashtimit
effect_derogated = e pallogaritur: përjashtim i pranuar
effect_not_counted = e pallogaritur sipas rregullores së shkollës
justification_pending = Justifikimi u dërgua, në pritje të shkollës
justification_approved = Justifikimi u pranua
justification_refused = Justifikimi u refuzua: mund të dërgoni një tjetër
to_justify_title = Për t'u justifikuar ({ $n })
to_justify_lead = Zgjidhni mungesat dhe një arsye të vetme për të gjitha: shkolla do të vendosë.
to_justify_legend = Mungesa për t'u justifikuar
to_justify_reason = Arsyeja e mungesave të zgjedhura
to_justify_button = Justifikoni mungesat e zgjedhura
to_justify_none = Nuk ka mungesa për t'u justifikuar.
to_justify_state = Për t'u justifikuar
justified_sent = { $n ->
    [one] Justifikimi u dërgua për { $n } mungesë ({ $dates }): shkolla do të vendosë.
   *[other] Justifikimet u dërguan për { $n } mungesa ({ $dates }): shkolla do të vendosë.
}
justify_privacy = Zgjidhni vetëm arsyen: mos shkruani hollësi për shëndetin. Nëse nevojiten dokumente, çojini në sekretari.
presence_school_activity = E pallogaritur: veprimtari e shkollës
presence_suspension = E pallogaritur: pezullim me detyrim frekuentimi, në shkollë
form_problem = Nuk u dërgua asgjë
deroga_open = Kërkoni një përjashtim
reasons-0 = Arsye personale
reasons-1 = Arsye familjare
reasons-2 = Probleme transporti ose mot i keq
reasons-3 = Veprimtari sportive, artistike ose kulturore
reasons-4 = Arsye tjetër (do të flas me shkollën)
deroga_title = Kërkesat për përjashtim
deroga_lead = Nëse mungesat hyjnë në një rast të parashikuar nga shkolla (për shembull një sëmundje e gjatë e dokumentuar), mund të kërkoni që të mos llogariten. Vendos shkolla.
deroga_none = Asnjë kërkesë për përjashtim.
deroga_category = Rasti i parashikuar nga shkolla
deroga_from = Nga data
deroga_to = Deri më
deroga_button = Kërkoni përjashtimin
deroga_documents = Dokumentet dorëzohen në sekretarinë e shkollës: nuk ngarkohen në Ponte.
deroga_range = nga { $from } deri më { $to }
status_pending = Në pritje të vendimit
status_approved = E pranuar
status_refused = E refuzuar
notices_title = Njoftimet e shkollës
notices_lead = Komunikimet e shkollës për fëmijët tuaj: së pari ato për t'u lexuar.
notices_none = Asnjë njoftim.
notice_unread = Për t'u lexuar
notice_read = I lexuar
notice_published = Publikuar më { $date }
notice_ack_needed = Shkolla kërkon konfirmimin e leximit.
notice_ack_done = Konfirmimi i leximit u regjistrua më { $date } në orën { $time }.
notice_ack_button = Konfirmoj që e kam lexuar
notice_for = Për: { $names }
auto_title = Njoftime për frekuentimin
auto_threshold = { $name }: u arritën { $hours } orë mungese ({ $date }). Shkolla ia sinjalizon gjendjen këshillit të klasës.
auto_exceeded = { $name }: u kalua kufiri i orëve të mungesës ({ $date }).
auto_law159 = { $name }: më shumë se 15 ditë mungese të pajustifikuara në tre muaj ({ $date }), ligji 159/2023.
auto_elusione = { $name }: mungesat e pajustifikuara arritën një të katërtën e orëve vjetore ({ $date }).
back_family = Kthehu te gjendja e fëmijëve
back_notices = Kthehu te njoftimet
error_title = Kërkesa nuk u krye
error_back = Kthehu mbrapa
notice_withdrawn = Shkolla e tërhoqi këtë njoftim më { $date }: nuk keni asgjë për të bërë.
notice_withdrawn_tag = Tërhequr nga shkolla
notice_reminded = Kujtesë e shkollës e { $date }
csv_columns-0 = Lloji
csv_columns-1 = Nxënësi
csv_columns-2 = Data
csv_columns-3 = Zëri
csv_columns-4 = Kohëzgjatja
csv_columns-5 = Gjendja
csv_columns-6 = Hollësi
csv_guardian = Prindi
csv_position = Gjendja
csv_absence = Mungesë
csv_notice = Njoftim
csv_full_name = Emri dhe mbiemri
csv_tax_code = Kodi fiskal
csv_annual_hours = Orët vjetore
csv_max_hours = Maksimumi i orëve të mungesës
csv_ack_of = Konfirmim leximi për { $name }: { $when }
rq_deroga = Kërkesë për përjashtim
sn_not_yet = ende jo
