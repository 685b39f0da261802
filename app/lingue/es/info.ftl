footer_privacy = Privacidad y responsable del tratamiento
footer_accessibility = Declaración de accesibilidad
