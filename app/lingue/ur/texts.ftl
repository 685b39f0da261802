# Ponte — اردو۔ ترجمہ Ponte کی ٹیم نے تیار کیا ہے: معتبر متن اطالوی ہے۔
# غلطی کی اطلاع کے لیے «تراجم» کا صفحہ دیکھیں (docs/lingue.md)۔
site_name = Ponte
site_tagline = اسکول، خاندان اور میزبان ادارے
skip_to_content = مواد پر جائیں
nav_label = مرکزی فہرست
nav_hosts = میزبان ادارے
nav_calculator = غیر حاضری کا حساب
footer_sources = ڈیٹا کے ذرائع
footer_note = Ponte پروفائلنگ کوکیز استعمال نہیں کرتا اور دوسری ویب سائٹوں سے کچھ لوڈ نہیں کرتا۔
digit_group = ,
decimal_mark = .
lang_menu = زبان
nav_signin = لاگ اِن
nav_signout = لاگ آؤٹ
nav_area = میرا صفحہ
signed_in_prefix = بطور لاگ اِن
signin_title = Ponte میں لاگ اِن کریں
signin_lead = خاندان اور اسکول کا عملہ اپنی ڈیجیٹل شناخت، SPID یا CIE، سے لاگ اِن کرتے ہیں۔ Ponte پاس ورڈ استعمال نہیں کرتا۔
signin_with = { $provider } کے ذریعے داخل ہوں
signin_none = اس وقت لاگ اِن کی کوئی سروس دستیاب نہیں۔ بعد میں دوبارہ کوشش کریں۔
signin_hosts_note = میزبان اداروں کو لاگ اِن کی ضرورت نہیں: وہ اپنا پروفائل PEC یا ڈیجیٹل دستخط سے شائع کرتے ہیں۔
signin_failed_title = لاگ اِن نہیں ہو سکا
signin_retry = دوبارہ لاگ اِن کریں
norole_title = آپ کا ٹیکس کوڈ رجسٹرڈ نہیں ہے
norole_text = آپ { $name } کے طور پر لاگ اِن ہیں، ٹیکس کوڈ { $cf }۔ Ponte استعمال کرنے والے کسی اسکول نے یہ ٹیکس کوڈ والدین، سرپرستوں یا عملے میں رجسٹر نہیں کیا۔
norole_what = اگر آپ کسی طالب علم کے والد، والدہ یا سرپرست ہیں تو اسکول کے دفتر سے کہیں کہ آپ کا ٹیکس کوڈ الیکٹرانک رجسٹر میں درج کرے: ڈیٹا کی اگلی تازہ کاری کے بعد آپ لاگ اِن کر سکیں گے۔
norole_schools = وہ اسکول جو Ponte استعمال کرتے ہیں
norole_schools_lead = ہر اسکول اپنے الیکٹرانک رجسٹر کا ڈیٹا Ponte کو بھیجتا ہے: دفتر میں اندراج کے بعد پہلی ترسیل پر آپ کا ٹیکس کوڈ ظاہر ہو جاتا ہے۔
norole_search_label = نام یا بلدیہ سے اسکول تلاش کریں
norole_search_button = تلاش
norole_schools_none = Ponte استعمال کرنے والا کوئی اسکول اس تلاش سے مطابقت نہیں رکھتا۔
norole_schools_more = صرف پہلے { $n } اسکول دکھائے گئے ہیں: تلاش کو محدود کریں۔
norole_office_email = دفتر کا ای میل
norole_office_phone = دفتر کا فون
norole_no_contacts = اسکول نے Ponte میں دفتر کے رابطے درج نہیں کیے۔
norole_register_on = Ponte میں رجسٹر کی تازہ کاری { $date } کو ہوئی۔
norole_register_usually = { $n ->
    [one] اسکول عام طور پر اسے روزانہ تازہ کرتا ہے۔
   *[other] اسکول عام طور پر اسے ہر { $n } دن بعد تازہ کرتا ہے۔
}
norole_register_never = اسکول نے ابھی تک غیر حاضریاں Ponte کو نہیں بھیجیں۔
norole_calculator = اس دوران آپ لاگ اِن کیے بغیر خود حساب لگا سکتے ہیں کہ ابھی کتنے گھنٹے غیر حاضری ممکن ہے:
norole_calculator_link = غیر حاضری کا حساب
not_found_title = صفحہ نہیں ملا
not_found_text = مطلوبہ صفحہ موجود نہیں یا پروفائل اب شائع نہیں ہے۔
offline_note = کنکشن نہیں ہے: یہ وہ ڈیٹا ہے جو پچھلی بار صفحہ کھلنے پر محفوظ ہوا تھا۔
offline_title = کنکشن نہیں ہے
offline_unsaved = یہ صفحہ ابھی اس آلے پر محفوظ نہیں ہوا: کم از کم ایک بار آن لائن کھولنے کے بعد اسے کنکشن کے بغیر دیکھا جا سکے گا۔
offline_retry = خاندان کا صفحہ دوبارہ کھولنے کی کوشش کریں
translation_note = یہ صفحہ ترجمہ ہے: معتبر متن اطالوی ہے۔
translation_link = تراجم اور غلطیوں کی اطلاع
original_italian = اصل اطالوی متن
