footer_privacy = رازداری اور ڈیٹا کنٹرولر
footer_accessibility = رسائی کا بیان
