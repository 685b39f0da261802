footer_privacy = Конфіденційність і контролер даних
footer_accessibility = Заява про доступність
