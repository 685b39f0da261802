# Ponte — română. Traducere pregătită de echipa Ponte: textul care face fidelă este cel în
# italiană. Pentru a semnala o greșeală, vedeți pagina „Traduceri” (docs/lingue.md).
site_name = Ponte
site_tagline = Școală, familii și organizații-gazdă
skip_to_content = Mergeți la conținut
nav_label = Meniul principal
nav_hosts = Organizații-gazdă
nav_calculator = Calculul absențelor
footer_sources = Sursele datelor
footer_note = Ponte nu folosește cookie-uri de profilare și nu încarcă nimic de pe alte site-uri.
digit_group = .
decimal_mark = ,
lang_menu = Limba
nav_signin = Autentificare
nav_signout = Ieșire
nav_area = Zona mea
signed_in_prefix = Autentificat ca
signin_title = Autentificare în Ponte
signin_lead = Familiile și personalul școlii se autentifică cu identitatea digitală, SPID sau CIE. Ponte nu folosește parole.
signin_with = Intrați cu { $provider }
signin_none = Momentan nu este disponibil niciun serviciu de autentificare. Încercați mai târziu.
signin_hosts_note = Organizațiile-gazdă nu trebuie să se autentifice: își publică profilul prin PEC sau semnătură digitală.
signin_failed_title = Autentificarea nu a reușit
signin_retry = Autentificați-vă din nou
norole_title = Codul dumneavoastră fiscal nu este înregistrat
norole_text = V-ați autentificat ca { $name }, cod fiscal { $cf }. Nicio școală care folosește Ponte nu a înregistrat acest cod fiscal printre părinți, tutori sau personal.
norole_what = Dacă sunteți părinte sau tutore al unui elev, cereți secretariatului școlii să vă înregistreze codul fiscal în catalogul electronic: vă veți putea autentifica după următoarea actualizare a datelor.
norole_schools = Școlile care folosesc Ponte
norole_schools_lead = Fiecare școală trimite către Ponte datele catalogului său electronic: codul dumneavoastră fiscal apare după prima trimitere care urmează înregistrării la secretariat.
norole_search_label = Căutați o școală după nume sau localitate
norole_search_button = Căutare
norole_schools_none = Nicio școală care folosește Ponte nu corespunde căutării.
norole_schools_more = Sunt afișate primele { $n } școli: restrângeți căutarea.
norole_office_email = E-mailul secretariatului
norole_office_phone = Telefonul secretariatului
norole_no_contacts = Școala nu a indicat în Ponte datele de contact ale secretariatului.
norole_register_on = Catalog actualizat în Ponte la { $date }.
norole_register_usually = { $n ->
    [one] De obicei îl actualizează în fiecare zi.
    [few] De obicei îl actualizează o dată la { $n } zile.
   *[other] De obicei îl actualizează o dată la { $n } de zile.
}
norole_register_never = Școala nu a trimis încă absențele către Ponte.
norole_calculator = Între timp puteți calcula singur(ă) orele de absență încă posibile, fără autentificare:
norole_calculator_link = calculul absențelor
not_found_title = Pagina nu a fost găsită
not_found_text = Pagina cerută nu există sau profilul nu mai este publicat.
offline_note = Fără conexiune: acestea sunt datele salvate ultima dată când a fost deschisă pagina.
offline_title = Fără conexiune
offline_unsaved = Această pagină nu a fost încă salvată pe acest dispozitiv: va putea fi consultată fără conexiune după ce a fost deschisă cel puțin o dată online.
offline_retry = Încercați din nou să deschideți zona familiei
translation_note = Această pagină este o traducere: textul care face fidelă este cel în italiană.
translation_link = Traduceri și semnalarea greșelilor
original_italian = Textul original în italiană
