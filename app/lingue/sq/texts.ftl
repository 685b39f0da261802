# Ponte — shqip. Përkthim i përgatitur nga ekipi i Ponte: teksti që vlen është ai në
# italisht. Për të sinjalizuar një gabim, shihni faqen «Përkthimet» (docs/lingue.md).
site_name = Ponte
site_tagline = Shkolla, familjet dhe organizatat pritëse
skip_to_content = Shko te përmbajtja
nav_label = Menyja kryesore
nav_hosts = Organizatat pritëse
nav_calculator = Llogaritja e mungesave
footer_sources = Burimet e të dhënave
footer_note = Ponte nuk përdor cookie profilizuese dhe nuk ngarkon asgjë nga faqe të tjera.
digit_group = { " " }
decimal_mark = ,
lang_menu = Gjuha
nav_signin = Hyr
nav_signout = Dil
nav_area = Zona ime
signed_in_prefix = Keni hyrë si
signin_title = Hyni në Ponte
signin_lead = Familjet dhe personeli i shkollës hyjnë me identitetin e tyre dixhital, SPID ose CIE. Ponte nuk përdor fjalëkalime.
signin_with = Hyni me { $provider }
signin_none = Për momentin nuk ka asnjë shërbim hyrjeje të disponueshëm. Provoni më vonë.
signin_hosts_note = Organizatat pritëse nuk kanë nevojë të hyjnë: e publikojnë profilin me PEC ose me firmë dixhitale.
signin_failed_title = Hyrja nuk u krye
signin_retry = Hyni përsëri
norole_title = Kodi juaj fiskal nuk rezulton i regjistruar
norole_text = Keni hyrë si { $name }, kodi fiskal { $cf }. Asnjë shkollë që përdor Ponte nuk e ka regjistruar këtë kod fiskal midis prindërve, kujdestarëve ose personelit.
norole_what = Nëse jeni prind ose kujdestar i një nxënësi, kërkojini sekretarisë së shkollës të regjistrojë kodin tuaj fiskal në regjistrin elektronik: do të mund të hyni pas përditësimit të ardhshëm të të dhënave.
norole_schools = Shkollat që përdorin Ponte
norole_schools_lead = Çdo shkollë i dërgon Ponte të dhënat e regjistrit të saj elektronik: kodi juaj fiskal shfaqet pas dërgimit të parë që pason regjistrimin në sekretari.
norole_search_label = Kërkoni një shkollë sipas emrit ose komunës
norole_search_button = Kërko
norole_schools_none = Asnjë shkollë që përdor Ponte nuk përputhet me kërkimin.
norole_schools_more = Shfaqen { $n } shkollat e para: ngushtoni kërkimin.
norole_office_email = E-maili i sekretarisë
norole_office_phone = Telefoni i sekretarisë
norole_no_contacts = Shkolla nuk i ka treguar në Ponte kontaktet e sekretarisë.
norole_register_on = Regjistri u përditësua në Ponte më { $date }.
norole_register_usually = { $n ->
    [one] Zakonisht e përditëson çdo ditë.
   *[other] Zakonisht e përditëson çdo { $n } ditë.
}
norole_register_never = Shkolla nuk i ka dërguar ende mungesat në Ponte.
norole_calculator = Ndërkohë mund të llogaritni vetë orët e mungesës që janë ende të mundshme, pa hyrë:
norole_calculator_link = llogaritja e mungesave
not_found_title = Faqja nuk u gjet
not_found_text = Faqja e kërkuar nuk ekziston ose profili nuk është më i publikuar.
offline_note = Nuk ka lidhje: këto janë të dhënat e ruajtura herën e fundit që u hap faqja.
offline_title = Nuk ka lidhje
offline_unsaved = Kjo faqe nuk është ruajtur ende në këtë pajisje: do të mund të lexohet pa lidhje pasi të jetë hapur të paktën një herë në internet.
offline_retry = Provoni përsëri të hapni zonën e familjes
translation_note = Kjo faqe është përkthim: teksti që vlen është ai në italisht.
translation_link = Përkthimet dhe sinjalizimi i gabimeve
original_italian = Teksti origjinal në italisht
