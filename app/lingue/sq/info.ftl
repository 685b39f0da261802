footer_privacy = Privatësia dhe kontrolluesi i të dhënave
footer_accessibility = Deklarata e aksesueshmërisë
translations_title = Përkthimet e Ponte
translations_text = Faqet për familjet, njoftimet automatike dhe letrat e shkollës përkthehen nga ekipi i Ponte, jo nga një shërbim përkthimi automatik: asnjë e dhënë nuk dërgohet gjetkë. Teksti që vlen është gjithmonë ai në italisht, me një prekje nën çdo njoftim dhe letër të përkthyer. Njoftimet që shkruan shkolla janë në italisht; sekretaria mund të shtojë një version në gjuhë të tjera.
translations_report = Nëse gjeni një gabim në një përkthim, shkruani te { $email } duke treguar gjuhën dhe faqen, ose sinjalizojeni në sekretarinë e shkollës.
translations_languages = Gjuhët në dispozicion
