footer_privacy = Privatësia dhe kontrolluesi i të dhënave
footer_accessibility = Deklarata e aksesueshmërisë
