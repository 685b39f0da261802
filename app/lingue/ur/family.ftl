# Ponte — اردو (ترجمہ؛ معتبر متن اطالوی ہے)۔
title = آپ کے بچوں کی صورتِ حال
lead = غیر حاضریاں، ابھی کتنے گھنٹے غیر حاضر رہا جا سکتا ہے اور کیا کرنا ہے۔
saved_copy = کنکشن نہیں ہے: یہ صفحے کی وہ نقل ہے جو { $date } کو { $time } بجے محفوظ ہوئی۔
register_updated = رجسٹر کی تازہ کاری { $date } کو ہوئی۔
register_missing = اسکول نے ابھی تک غیر حاضریاں Ponte میں اپ لوڈ نہیں کیں۔
notices_link = اسکول کے نوٹس
notices_unread = { $n } پڑھنے باقی
export_title = آپ کا ڈیٹا
export_text = Ponte آپ اور آپ کے بچوں کے بارے میں جو کچھ محفوظ رکھتا ہے، آپ وہ سب ڈاؤن لوڈ کر سکتے ہیں۔
export_json = ڈیٹا ڈاؤن لوڈ کریں (JSON)
export_csv = ڈیٹا ڈاؤن لوڈ کریں (CSV، اسپریڈشیٹ کے لیے)
class_school = جماعت { $class } · { $school }
gauge_text = شمار شدہ غیر حاضری کے گھنٹے: { $counted }، زیادہ سے زیادہ { $max } میں سے۔
annual_share = سال کے گھنٹوں میں سے { $percent } ضائع ہوئے؛ قانونی حد { $limit } ہے۔
allowance_used-0 = ابھی تک غیر حاضری کے قابلِ اجازت گھنٹوں میں سے کوئی استعمال نہیں ہوا۔
allowance_used-1 = غیر حاضری کے قابلِ اجازت گھنٹوں میں سے تھوڑے استعمال ہوئے ہیں۔
allowance_used-2 = غیر حاضری کے قابلِ اجازت گھنٹوں کا تقریباً ایک چوتھائی استعمال ہو چکا ہے۔
allowance_used-3 = غیر حاضری کے قابلِ اجازت گھنٹوں کا تقریباً ایک تہائی استعمال ہو چکا ہے۔
allowance_used-4 = غیر حاضری کے قابلِ اجازت گھنٹوں کا تقریباً نصف استعمال ہو چکا ہے۔
allowance_used-5 = غیر حاضری کے قابلِ اجازت گھنٹوں کا تقریباً دو تہائی استعمال ہو چکا ہے۔
allowance_used-6 = غیر حاضری کے قابلِ اجازت گھنٹوں کا تقریباً تین چوتھائی استعمال ہو چکا ہے۔
allowance_used-7 = غیر حاضری کے قابلِ اجازت تقریباً تمام گھنٹے استعمال ہو چکے ہیں۔
allowance_used-8 = غیر حاضری کے قابلِ اجازت تمام گھنٹے استعمال ہو چکے ہیں۔
allowance_used-9 = غیر حاضری کے قابلِ اجازت گھنٹوں سے تجاوز ہو چکا ہے۔
counted = شمار شدہ غیر حاضری کے گھنٹے
remaining = وہ گھنٹے جن میں ابھی غیر حاضر رہا جا سکتا ہے
remaining_days = وہ پورے دن جن میں ابھی غیر حاضر رہا جا سکتا ہے
derogated = استثنا کے تحت شمار سے نکالے گئے گھنٹے
pending_deroga = استثنا کے گھنٹے جن پر فیصلہ باقی ہے
forecast = پیش گوئی
forecast_on = موجودہ رفتار سے حد { $date } کو پار ہو جائے گی۔
forecast_none = موجودہ رفتار سے حد پار نہیں ہوتی۔
crossed_on = حد { $date } کو پار ہو چکی ہے۔
law159 = لازمی تعلیم (قانون 159/2023)
law159_days = { $n ->
    [one] پچھلے تین مہینوں میں { $n } دن کی بلا جواز غیر حاضری: 15 دن سے زیادہ ہونے پر اسکول کو اطلاع دینا لازم ہے۔
   *[other] پچھلے تین مہینوں میں { $n } دن کی بلا جواز غیر حاضری: 15 دن سے زیادہ ہونے پر اسکول کو اطلاع دینا لازم ہے۔
}
law159_flagged = { $date } کو تین مہینوں میں بلا جواز غیر حاضری کے 15 دن پار ہو گئے: اسکول خاندان سے رابطہ کرے گا۔
law159_elusione = { $date } کو بلا جواز غیر حاضریاں سالانہ گھنٹوں کے ایک چوتھائی تک پہنچ گئیں۔
status_ok = حد سے دور
status_attention = توجہ
status_at_risk = خطرے میں
status_exceeded = حد پار ہو گئی
exceeded_consequence = سال صرف اسی صورت میں درست ہوگا اگر جماعت کی کونسل استثنا منظور کرے۔
actions = کیا کرنا ہے
actions_none = فی الحال کچھ کرنا نہیں۔
action_justify = { $n ->
    [one] { $n } غیر حاضری کی وجہ بتائیں
   *[other] { $n } غیر حاضریوں کی وجہ بتائیں
}
action_acknowledge = { $n ->
    [one] { $n } نوٹس پڑھ کر تصدیق کریں
   *[other] { $n } نوٹس پڑھ کر تصدیق کریں
}
action_documents = { $n ->
    [one] استثنا کی { $n } درخواست کے کاغذات دفتر میں جمع کرائیں
   *[other] استثنا کی { $n } درخواستوں کے کاغذات دفتر میں جمع کرائیں
}
action_documents_by = { $n ->
    [one] استثنا کی { $n } درخواست کے کاغذات { $date } تک دفتر میں جمع کرائیں
   *[other] استثنا کی { $n } درخواستوں کے کاغذات { $date } تک دفتر میں جمع کرائیں
}
action_contact = غیر حاضریوں کی صورتِ حال پر اسکول سے بات کریں اور، اگر ضرورت ہو، استثنا کی درخواست دیں
details_link = { $name } کی غیر حاضریاں، وجوہات اور استثنا
hours_minutes = { $h } گھنٹے { $m } منٹ
hours_only = { $h } گھنٹے
minutes_only = { $m } منٹ
days = { $n ->
    [one] { $n } دن
   *[other] { $n } دن
}
day_of = { $n ->
    [one] ({ $n } گھنٹے کا)
   *[other] ({ $n } گھنٹوں کا)
}
absences_title = تمام غیر حاضریاں، مہینہ وار ({ $n })
absences_none = کوئی غیر حاضری درج نہیں۔
months-0 = جنوری
months-1 = فروری
months-2 = مارچ
months-3 = اپریل
months-4 = مئی
months-5 = جون
months-6 = جولائی
months-7 = اگست
months-8 = ستمبر
months-9 = اکتوبر
months-10 = نومبر
months-11 = دسمبر
weekdays-0 = پیر
weekdays-1 = منگل
weekdays-2 = بدھ
weekdays-3 = جمعرات
weekdays-4 = جمعہ
weekdays-5 = ہفتہ
weekdays-6 = اتوار
kinds-0 = پورے دن کی غیر حاضری
kinds-1 = تاخیر
kinds-2 = تاخیر سے داخلہ
kinds-3 = جلد رخصتی
kinds-4 = اسباق سے اجتناب
kinds-5 = تعلیمی دورے میں عدم شرکت
kinds-6 = معطلی، حاضری کی پابندی کے بغیر
kinds-7 = معطلی، حاضری کی پابندی کے ساتھ
kinds-8 = اسکول کی طرف سے منعقدہ سرگرمی
justified_yes = وجہ بتائی گئی
justified_no = وجہ نہیں بتائی گئی
effect_counted = شمار شدہ
effect_pending = شمار شدہ، استثنا کے انتظار میں
effect_derogated = شمار نہیں: استثنا منظور
effect_not_counted = اسکول کے ضابطے کے مطابق شمار نہیں
justification_pending = وجہ بھیج دی گئی، اسکول کے جواب کا انتظار
justification_approved = وجہ منظور
justification_refused = وجہ مسترد: آپ دوسری بھیج سکتے ہیں
to_justify_title = وجہ بتانی ہے ({ $n })
to_justify_lead = غیر حاضریاں منتخب کریں اور سب کے لیے ایک ہی وجہ چنیں: فیصلہ اسکول کرے گا۔
to_justify_legend = وہ غیر حاضریاں جن کی وجہ بتانی ہے
to_justify_reason = منتخب غیر حاضریوں کی وجہ
to_justify_button = منتخب غیر حاضریوں کی وجہ بھیجیں
to_justify_none = کوئی غیر حاضری نہیں جس کی وجہ بتانی ہو۔
to_justify_state = وجہ بتانی ہے
justified_sent = { $n ->
    [one] { $n } غیر حاضری کی وجہ بھیج دی گئی ({ $dates }): فیصلہ اسکول کرے گا۔
   *[other] { $n } غیر حاضریوں کی وجوہات بھیج دی گئیں ({ $dates }): فیصلہ اسکول کرے گا۔
}
justify_privacy = صرف وجہ منتخب کریں: صحت کی تفصیل نہ لکھیں۔ اگر کاغذات درکار ہوں تو انہیں دفتر میں لے جائیں۔
presence_school_activity = شمار نہیں: اسکول کی سرگرمی
presence_suspension = شمار نہیں: حاضری کی پابندی کے ساتھ معطلی، اسکول میں
form_problem = کچھ نہیں بھیجا گیا
deroga_open = استثنا کی درخواست دیں
reasons-0 = ذاتی وجوہات
reasons-1 = خاندانی وجوہات
reasons-2 = آمد و رفت کے مسائل یا خراب موسم
reasons-3 = کھیل، فنون یا ثقافتی سرگرمیاں
reasons-4 = کوئی اور وجہ (میں اسکول سے بات کروں گا/گی)
deroga_title = استثنا کی درخواستیں
deroga_lead = اگر غیر حاضریاں اسکول کی طے کردہ کسی صورت میں آتی ہیں (مثلاً دستاویزی طویل بیماری)، تو آپ درخواست دے سکتے ہیں کہ انہیں شمار نہ کیا جائے۔ فیصلہ اسکول کرتا ہے۔
deroga_none = استثنا کی کوئی درخواست نہیں۔
deroga_category = اسکول کی طے کردہ صورت
deroga_from = تاریخ سے
deroga_to = تاریخ تک
deroga_button = استثنا کی درخواست دیں
deroga_documents = کاغذات اسکول کے دفتر میں جمع کرائے جاتے ہیں: انہیں Ponte پر اپ لوڈ نہیں کیا جاتا۔
deroga_range = { $from } سے { $to } تک
status_pending = فیصلے کا انتظار
status_approved = منظور
status_refused = مسترد
notices_title = اسکول کے نوٹس
notices_lead = آپ کے بچوں کے بارے میں اسکول کے پیغامات: پہلے وہ جو پڑھنے باقی ہیں۔
notices_none = کوئی نوٹس نہیں۔
notice_unread = پڑھنا باقی
notice_read = پڑھ لیا
notice_published = { $date } کو شائع ہوا
notice_ack_needed = اسکول پڑھنے کی تصدیق مانگتا ہے۔
notice_ack_done = پڑھنے کی تصدیق { $date } کو { $time } بجے درج ہوئی۔
notice_ack_button = میں تصدیق کرتا/کرتی ہوں کہ میں نے پڑھ لیا
notice_for = برائے: { $names }
auto_title = حاضری کے بارے میں نوٹس
auto_threshold = { $name }: غیر حاضری کے { $hours } گھنٹے پورے ہو گئے ({ $date })۔ اسکول یہ صورتِ حال جماعت کی کونسل کو بتاتا ہے۔
auto_exceeded = { $name }: غیر حاضری کے گھنٹوں کی حد پار ہو گئی ({ $date })۔
auto_law159 = { $name }: تین مہینوں میں 15 دن سے زیادہ بلا جواز غیر حاضری ({ $date })، قانون 159/2023۔
auto_elusione = { $name }: بلا جواز غیر حاضریاں سالانہ گھنٹوں کے ایک چوتھائی تک پہنچ گئیں ({ $date })۔
back_family = بچوں کی صورتِ حال پر واپس جائیں
back_notices = نوٹسوں پر واپس جائیں
error_title = درخواست پر عمل نہیں ہوا
error_back = واپس
notice_withdrawn = اسکول نے یہ نوٹس { $date } کو واپس لے لیا: آپ کو کچھ نہیں کرنا۔
notice_withdrawn_tag = اسکول نے واپس لے لیا
notice_reminded = اسکول کی یاد دہانی، { $date }
csv_columns-0 = قسم
csv_columns-1 = طالب علم
csv_columns-2 = تاریخ
csv_columns-3 = اندراج
csv_columns-4 = دورانیہ
csv_columns-5 = حالت
csv_columns-6 = تفصیل
csv_guardian = والدین
csv_position = صورتِ حال
csv_absence = غیر حاضری
csv_notice = نوٹس
csv_full_name = پورا نام
csv_tax_code = ٹیکس کوڈ
csv_annual_hours = سالانہ گھنٹے
csv_max_hours = غیر حاضری کے زیادہ سے زیادہ گھنٹے
csv_ack_of = { $name } کے لیے پڑھنے کی تصدیق: { $when }
rq_deroga = استثنا کی درخواست
sn_not_yet = ابھی نہیں
