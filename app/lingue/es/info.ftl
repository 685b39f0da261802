footer_privacy = Privacidad y responsable del tratamiento
footer_accessibility = Declaración de accesibilidad
translations_title = Las traducciones de Ponte
translations_text = Las páginas para las familias, los avisos automáticos y las cartas de la escuela las traduce el equipo de Ponte, no un servicio de traducción automática: ningún dato se envía a otro lugar. El texto que da fe es siempre el italiano, a un toque bajo cada aviso y carta traducidos. Los avisos que escribe la escuela están en italiano; la secretaría puede añadir una versión en otros idiomas.
translations_report = Si encuentra un error en una traducción, escriba a { $email } indicando el idioma y la página, o comuníquelo a la secretaría de la escuela.
translations_languages = Idiomas disponibles
