footer_privacy = Confidențialitate și operatorul datelor
footer_accessibility = Declarație de accesibilitate
translations_title = Traducerile Ponte
translations_text = Paginile pentru familii, anunțurile automate și scrisorile școlii sunt traduse de echipa Ponte, nu de un serviciu de traducere automată: nicio dată nu este trimisă în altă parte. Textul care face fidelă este întotdeauna cel în italiană, la o atingere sub fiecare anunț și scrisoare tradusă. Anunțurile scrise de școală sunt în italiană; secretariatul poate adăuga o versiune în alte limbi.
translations_report = Dacă găsiți o greșeală într-o traducere, scrieți la { $email } indicând limba și pagina, sau semnalați-o secretariatului școlii.
translations_languages = Limbi disponibile
