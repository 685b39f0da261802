# Ponte — العربية. ترجمة أعدّها فريق Ponte: النص المعتمد هو النص الإيطالي.
# للإبلاغ عن خطأ، انظر صفحة «الترجمات» (docs/lingue.md).
site_name = Ponte
site_tagline = المدرسة والأسر والجهات المستضيفة
skip_to_content = الانتقال إلى المحتوى
nav_label = القائمة الرئيسية
nav_hosts = الجهات المستضيفة
nav_calculator = حساب الغياب
footer_sources = مصادر البيانات
footer_note = لا يستخدم Ponte ملفات تعريف الارتباط للتنميط ولا يحمّل أي شيء من مواقع أخرى.
digit_group = ,
decimal_mark = .
lang_menu = اللغة
nav_signin = تسجيل الدخول
nav_signout = تسجيل الخروج
nav_area = مساحتي
signed_in_prefix = تم تسجيل الدخول باسم
signin_title = تسجيل الدخول إلى Ponte
signin_lead = تدخل الأسر وموظفو المدرسة بهويتهم الرقمية، SPID أو CIE. لا يستخدم Ponte كلمات المرور.
signin_with = الدخول عبر { $provider }
signin_none = لا تتوفر حاليًا أي خدمة لتسجيل الدخول. حاولوا لاحقًا.
signin_hosts_note = لا تحتاج الجهات المستضيفة إلى تسجيل الدخول: فهي تنشر ملفها عبر البريد المعتمد PEC أو التوقيع الرقمي.
signin_failed_title = تعذّر تسجيل الدخول
signin_retry = أعيدوا تسجيل الدخول
norole_title = رمزكم الضريبي غير مسجّل
norole_text = لقد سجّلتم الدخول باسم { $name }، الرمز الضريبي { $cf }. لم تسجّل أي مدرسة تستخدم Ponte هذا الرمز الضريبي بين الآباء أو الأوصياء أو الموظفين.
norole_what = إذا كنتم أحد والدَي تلميذ أو وصيًّا عليه، فاطلبوا من أمانة المدرسة تسجيل رمزكم الضريبي في السجل الإلكتروني: ستتمكنون من الدخول بعد التحديث التالي للبيانات.
norole_schools = المدارس التي تستخدم Ponte
norole_schools_lead = ترسل كل مدرسة إلى Ponte بيانات سجلها الإلكتروني: يظهر رمزكم الضريبي بعد أول إرسال يلي تسجيلكم في الأمانة.
norole_search_label = ابحثوا عن مدرسة بالاسم أو البلدية
norole_search_button = بحث
norole_schools_none = لا توجد مدرسة تستخدم Ponte تطابق البحث.
norole_schools_more = تُعرض أول { $n } مدرسة فقط: ضيّقوا البحث.
norole_office_email = البريد الإلكتروني للأمانة
norole_office_phone = هاتف الأمانة
norole_no_contacts = لم تذكر المدرسة في Ponte بيانات الاتصال بالأمانة.
norole_register_on = حُدّث السجل في Ponte بتاريخ { $date }.
norole_register_usually = { $n ->
    [one] تحدّثه المدرسة عادةً كل يوم.
    [two] تحدّثه المدرسة عادةً كل يومين.
   *[other] تحدّثه المدرسة عادةً كل { $n } أيام.
}
norole_register_never = لم ترسل المدرسة الغياب إلى Ponte بعد.
norole_calculator = في الأثناء، يمكنكم أن تحسبوا بأنفسكم ساعات الغياب التي لا تزال ممكنة، دون تسجيل الدخول:
norole_calculator_link = حساب الغياب
not_found_title = الصفحة غير موجودة
not_found_text = الصفحة المطلوبة غير موجودة أو لم يعد الملف منشورًا.
offline_note = لا يوجد اتصال: هذه هي البيانات المحفوظة في آخر مرة فُتحت فيها الصفحة.
offline_title = لا يوجد اتصال
offline_unsaved = لم تُحفظ هذه الصفحة بعد على هذا الجهاز: يمكن الاطلاع عليها دون اتصال بعد فتحها مرة واحدة على الأقل عبر الإنترنت.
offline_retry = أعيدوا محاولة فتح مساحة الأسرة
translation_note = هذه الصفحة مترجمة: النص المعتمد هو النص الإيطالي.
translation_link = الترجمات والإبلاغ عن الأخطاء
original_italian = النص الأصلي بالإيطالية
