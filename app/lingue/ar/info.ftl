footer_privacy = الخصوصية والجهة المسؤولة عن معالجة البيانات
footer_accessibility = بيان إمكانية الوصول
