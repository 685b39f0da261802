# Ponte — română (traducere; textul care face fidelă este cel în italiană).
title = Situația copiilor dumneavoastră
lead = Absențele, câte ore mai pot lipsi și ce este de făcut.
saved_copy = Fără conexiune: aceasta este copia paginii salvată la { $date }, ora { $time }.
register_updated = Catalog actualizat la { $date }.
register_missing = Școala nu a încărcat încă absențele în Ponte.
notices_link = Anunțurile școlii
notices_unread = { $n } de citit
export_title = Datele dumneavoastră
export_text = Puteți descărca tot ce păstrează Ponte despre dumneavoastră și despre copiii dumneavoastră.
export_json = Descărcați datele (JSON)
export_csv = Descărcați datele (CSV, pentru foaia de calcul)
class_school = Clasa { $class } · { $school }
gauge_text = Ore de absență numărate: { $counted } dintr-un maxim de { $max }.
annual_share = A lipsit { $percent } din orele anului; limita legală este { $limit }.
allowance_used-0 = nu a folosit încă niciuna dintre orele pe care le poate lipsi.
allowance_used-1 = a folosit puține dintre orele pe care le poate lipsi.
allowance_used-2 = a folosit aproximativ un sfert din orele pe care le poate lipsi.
allowance_used-3 = a folosit aproximativ o treime din orele pe care le poate lipsi.
allowance_used-4 = a folosit aproximativ jumătate din orele pe care le poate lipsi.
allowance_used-5 = a folosit aproximativ două treimi din orele pe care le poate lipsi.
allowance_used-6 = a folosit aproximativ trei sferturi din orele pe care le poate lipsi.
allowance_used-7 = a folosit aproape toate orele pe care le poate lipsi.
allowance_used-8 = a folosit toate orele pe care le poate lipsi.
allowance_used-9 = a depășit orele pe care le poate lipsi.
counted = Ore de absență numărate
remaining = Ore pe care le mai poate lipsi
remaining_days = Zile întregi pe care le mai poate lipsi
derogated = Ore scoase din calcul prin derogare
pending_deroga = Ore în derogare care așteaptă decizia
forecast = Prognoză
forecast_on = În ritmul actual, limita ar fi depășită la { $date }.
forecast_none = În ritmul actual, limita nu este depășită.
crossed_on = Limita a fost depășită la { $date }.
law159 = Obligația școlară (legea 159/2023)
law159_days = { $n ->
    [one] { $n } zi de absență nemotivată în ultimele trei luni: școala trebuie să semnaleze cine depășește 15.
    [few] { $n } zile de absență nemotivată în ultimele trei luni: școala trebuie să semnaleze cine depășește 15.
   *[other] { $n } de zile de absență nemotivată în ultimele trei luni: școala trebuie să semnaleze cine depășește 15.
}
law159_flagged = La { $date } au fost depășite 15 zile de absență nemotivată în trei luni: școala va contacta familia.
law159_elusione = La { $date } absențele nemotivate au atins un sfert din numărul anual de ore.
status_ok = Departe de limită
status_attention = Atenție
status_at_risk = În pericol
status_exceeded = Limită depășită
exceeded_consequence = Anul este valabil numai dacă consiliul clasei acordă o derogare.
actions = Ce este de făcut
actions_none = Nimic de făcut deocamdată.
action_justify = { $n ->
    [one] Motivați { $n } absență
    [few] Motivați { $n } absențe
   *[other] Motivați { $n } de absențe
}
action_acknowledge = { $n ->
    [one] Citiți și confirmați { $n } anunț
    [few] Citiți și confirmați { $n } anunțuri
   *[other] Citiți și confirmați { $n } de anunțuri
}
action_documents = { $n ->
    [one] Predați la secretariat documentele pentru { $n } cerere de derogare
    [few] Predați la secretariat documentele pentru { $n } cereri de derogare
   *[other] Predați la secretariat documentele pentru { $n } de cereri de derogare
}
action_documents_by = { $n ->
    [one] Predați la secretariat documentele pentru { $n } cerere de derogare până la { $date }
    [few] Predați la secretariat documentele pentru { $n } cereri de derogare până la { $date }
   *[other] Predați la secretariat documentele pentru { $n } de cereri de derogare până la { $date }
}
action_contact = Vorbiți cu școala despre situația absențelor și, dacă este cazul, cereți o derogare
details_link = Absențele, motivările și derogările lui { $name }
hours_minutes = { $h } h { $m } min
hours_only = { $h } h
minutes_only = { $m } min
days = { $n ->
    [one] { $n } zi
    [few] { $n } zile
   *[other] { $n } de zile
}
day_of = { $n ->
    [one] (de { $n } oră)
    [few] (de { $n } ore)
   *[other] (de { $n } de ore)
}
absences_title = Toate absențele, lună de lună ({ $n })
absences_none = Nicio absență înregistrată.
months-0 = Ianuarie
months-1 = Februarie
months-2 = Martie
months-3 = Aprilie
months-4 = Mai
months-5 = Iunie
months-6 = Iulie
months-7 = August
months-8 = Septembrie
months-9 = Octombrie
months-10 = Noiembrie
months-11 = Decembrie
weekdays-0 = lun.
weekdays-1 = mar.
weekdays-2 = mie.
weekdays-3 = joi
weekdays-4 = vin.
weekdays-5 = sâm.
weekdays-6 = dum.
kinds-0 = Absență o zi întreagă
kinds-1 = Întârziere
kinds-2 = Intrare amânată
kinds-3 = Plecare mai devreme
kinds-4 = Abținere de la lecții
kinds-5 = Neparticipare la o excursie școlară
kinds-6 = Suspendare fără obligația de a frecventa
kinds-7 = Suspendare cu obligația de a frecventa
kinds-8 = Activitate organizată de școală
justified_yes = Motivată
justified_no = Nemotivată
effect_counted = numărată
effect_pending = numărată, în așteptarea derogării
effect_derogated = nenumărată: derogare acordată
effect_not_counted = nenumărată conform regulamentului școlii
justification_pending = Motivare trimisă, în așteptarea școlii
justification_approved = Motivare acceptată
justification_refused = Motivare respinsă: puteți trimite alta
to_justify_title = De motivat ({ $n })
to_justify_lead = Alegeți absențele și un singur motiv pentru toate: școala va decide.
to_justify_legend = Absențe de motivat
to_justify_reason = Motivul absențelor alese
to_justify_button = Motivați absențele alese
to_justify_none = Nu există absențe de motivat.
to_justify_state = De motivat
justified_sent = { $n ->
    [one] Motivare trimisă pentru { $n } absență ({ $dates }): școala va decide.
    [few] Motivări trimise pentru { $n } absențe ({ $dates }): școala va decide.
   *[other] Motivări trimise pentru { $n } de absențe ({ $dates }): școala va decide.
}
justify_privacy = Alegeți doar motivul: nu scrieți detalii despre sănătate. Dacă sunt necesare documente, duceți-le la secretariat.
presence_school_activity = Nenumărată: activitate a școlii
presence_suspension = Nenumărată: suspendare cu obligația de a frecventa, la școală
form_problem = Nu s-a trimis nimic
deroga_open = Cereți o derogare
reasons-0 = Motive personale
reasons-1 = Motive familiale
reasons-2 = Probleme de transport sau vreme rea
reasons-3 = Activități sportive, artistice sau culturale
reasons-4 = Alt motiv (voi vorbi cu școala)
deroga_title = Cereri de derogare
deroga_lead = Dacă absențele intră într-un caz prevăzut de școală (de exemplu o boală lungă documentată), puteți cere să nu fie numărate. Decide școala.
deroga_none = Nicio cerere de derogare.
deroga_category = Caz prevăzut de școală
deroga_from = De la data
deroga_to = Până la data
deroga_button = Cereți derogarea
deroga_documents = Documentele se predau la secretariatul școlii: nu se încarcă în Ponte.
deroga_range = de la { $from } până la { $to }
status_pending = În așteptarea deciziei
status_approved = Acceptată
status_refused = Respinsă
notices_title = Anunțurile școlii
notices_lead = Comunicările școlii despre copiii dumneavoastră: mai întâi cele de citit.
notices_none = Niciun anunț.
notice_unread = De citit
notice_read = Citit
notice_published = Publicat la { $date }
notice_ack_needed = Școala cere confirmarea de luare la cunoștință.
notice_ack_done = Luare la cunoștință înregistrată la { $date }, ora { $time }.
notice_ack_button = Confirm că am luat la cunoștință
notice_for = Pentru: { $names }
auto_title = Anunțuri despre frecvență
auto_threshold = { $name }: s-au atins { $hours } ore de absență ({ $date }). Școala semnalează situația consiliului clasei.
auto_exceeded = { $name }: limita orelor de absență a fost depășită ({ $date }).
auto_law159 = { $name }: peste 15 zile de absență nemotivată în trei luni ({ $date }), legea 159/2023.
auto_elusione = { $name }: absențele nemotivate au atins un sfert din numărul anual de ore ({ $date }).
back_family = Înapoi la situația copiilor
back_notices = Înapoi la anunțuri
error_title = Cerere neexecutată
error_back = Înapoi
notice_withdrawn = Școala a retras acest anunț la { $date }: nu trebuie să faceți nimic.
notice_withdrawn_tag = Retras de școală
notice_reminded = Memento al școlii din { $date }
csv_columns-0 = Tip
csv_columns-1 = Elev
csv_columns-2 = Data
csv_columns-3 = Element
csv_columns-4 = Durată
csv_columns-5 = Stare
csv_columns-6 = Detalii
csv_guardian = Părinte
csv_position = Situație
csv_absence = Absență
csv_notice = Anunț
csv_full_name = Nume și prenume
csv_tax_code = Cod fiscal
csv_annual_hours = Număr anual de ore
csv_max_hours = Numărul maxim de ore de absență
csv_ack_of = Luare la cunoștință pentru { $name }: { $when }
rq_deroga = Cerere de derogare
sn_not_yet = încă nu
