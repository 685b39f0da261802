# Ponte — español. Traducción preparada por el equipo de Ponte: el texto que da fe es el
# italiano. Para señalar un error, véase la página «Traducciones» (docs/lingue.md).
site_name = Ponte
site_tagline = Escuela, familias y entidades de acogida
skip_to_content = Ir al contenido
nav_label = Menú principal
nav_hosts = Entidades de acogida
nav_calculator = Cálculo de ausencias
footer_sources = Fuentes de los datos
footer_note = Ponte no usa cookies de elaboración de perfiles y no carga nada de otros sitios.
digit_group = .
decimal_mark = ,
lang_menu = Idioma
nav_signin = Acceder
nav_signout = Salir
nav_area = Mi área
signed_in_prefix = Ha accedido como
signin_title = Acceder a Ponte
signin_lead = Las familias y el personal de la escuela acceden con su identidad digital, SPID o CIE. Ponte no usa contraseñas.
signin_with = Entrar con { $provider }
signin_none = En este momento no hay ningún servicio de acceso disponible. Inténtelo más tarde.
signin_hosts_note = Las entidades de acogida no necesitan acceder: publican su perfil con la PEC o la firma digital.
signin_failed_title = No se ha podido acceder
signin_retry = Volver a acceder
norole_title = Su código fiscal no está registrado
norole_text = Ha accedido como { $name }, código fiscal { $cf }. Ninguna escuela que usa Ponte ha registrado este código fiscal entre los padres, los tutores o el personal.
norole_what = Si es padre, madre o tutor de un alumno, pida a la secretaría de la escuela que registre su código fiscal en el registro electrónico: podrá acceder después de la próxima actualización de los datos.
norole_schools = Las escuelas que usan Ponte
norole_schools_lead = Cada escuela envía a Ponte los datos de su registro electrónico: su código fiscal aparece después del primer envío posterior al registro en la secretaría.
norole_search_label = Buscar una escuela por nombre o municipio
norole_search_button = Buscar
norole_schools_none = Ninguna escuela que usa Ponte coincide con la búsqueda.
norole_schools_more = Se muestran las primeras { $n } escuelas: precise la búsqueda.
norole_office_email = Correo electrónico de la secretaría
norole_office_phone = Teléfono de la secretaría
norole_no_contacts = La escuela no ha indicado en Ponte los contactos de la secretaría.
norole_register_on = Registro actualizado en Ponte el { $date }.
norole_register_usually = { $n ->
    [one] Normalmente lo actualiza cada día.
   *[other] Normalmente lo actualiza cada { $n } días.
}
norole_register_never = La escuela todavía no ha enviado las ausencias a Ponte.
norole_calculator = Mientras tanto, puede calcular usted mismo las horas de ausencia que aún son posibles, sin acceder:
norole_calculator_link = cálculo de ausencias
not_found_title = Página no encontrada
not_found_text = La página solicitada no existe o el perfil ya no está publicado.
offline_note = Sin conexión: estos son los datos guardados la última vez que se abrió la página.
offline_title = Sin conexión
offline_unsaved = Esta página todavía no se ha guardado en este dispositivo: podrá consultarse sin conexión después de abrirla al menos una vez en línea.
offline_retry = Intentar abrir de nuevo el área de familias
translation_note = Esta página es una traducción: el texto que da fe es el italiano.
translation_link = Traducciones y aviso de errores
original_italian = Texto original en italiano
