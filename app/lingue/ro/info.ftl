footer_privacy = Confidențialitate și operatorul datelor
footer_accessibility = Declarație de accesibilitate
