# Ponte — العربية (ترجمة؛ النص المعتمد هو النص الإيطالي).
title = وضع أبنائكم
lead = الغياب، وعدد الساعات التي لا يزال يمكن التغيب فيها، وما يجب فعله.
saved_copy = لا يوجد اتصال: هذه نسخة الصفحة المحفوظة بتاريخ { $date } الساعة { $time }.
register_updated = حُدّث السجل بتاريخ { $date }.
register_missing = لم تحمّل المدرسة الغياب في Ponte بعد.
notices_link = إشعارات المدرسة
notices_unread = غير مقروءة: { $n }
export_title = بياناتكم
export_text = يمكنكم تنزيل كل ما يحتفظ به Ponte عنكم وعن أبنائكم.
export_json = تنزيل البيانات (JSON)
export_csv = تنزيل البيانات (CSV، لجدول البيانات)
class_school = الصف { $class } · { $school }
gauge_text = ساعات الغياب المحتسبة: { $counted } من حدّ أقصى قدره { $max }.
annual_share = نسبة الساعات الضائعة من ساعات السنة: { $percent }؛ الحدّ القانوني هو { $limit }.
allowance_used-0 = لم يستخدم بعد أيًّا من الساعات التي يمكنه التغيب فيها.
allowance_used-1 = استخدم قليلًا من الساعات التي يمكنه التغيب فيها.
allowance_used-2 = استخدم نحو ربع الساعات التي يمكنه التغيب فيها.
allowance_used-3 = استخدم نحو ثلث الساعات التي يمكنه التغيب فيها.
allowance_used-4 = استخدم نحو نصف الساعات التي يمكنه التغيب فيها.
allowance_used-5 = استخدم نحو ثلثي الساعات التي يمكنه التغيب فيها.
allowance_used-6 = استخدم نحو ثلاثة أرباع الساعات التي يمكنه التغيب فيها.
allowance_used-7 = استخدم كل الساعات التي يمكنه التغيب فيها تقريبًا.
allowance_used-8 = استخدم كل الساعات التي يمكنه التغيب فيها.
allowance_used-9 = تجاوز الساعات التي يمكنه التغيب فيها.
counted = ساعات الغياب المحتسبة
remaining = الساعات التي لا يزال يمكنه التغيب فيها
remaining_days = الأيام الكاملة التي لا يزال يمكنه التغيب فيها
derogated = ساعات مستبعدة من الحساب بموجب استثناء
pending_deroga = ساعات استثناء في انتظار القرار
forecast = التوقع
forecast_on = بالوتيرة الحالية، سيُتجاوز الحدّ بتاريخ { $date }.
forecast_none = بالوتيرة الحالية، لن يُتجاوز الحدّ.
crossed_on = تم تجاوز الحدّ بتاريخ { $date }.
law159 = التعليم الإلزامي (القانون 159/2023)
law159_days = { $n ->
   *[other] أيام الغياب غير المبرر في الأشهر الثلاثة الأخيرة: { $n }. على المدرسة أن تبلّغ عن كل من يتجاوز 15 يومًا.
}
law159_flagged = بتاريخ { $date } تم تجاوز 15 يومًا من الغياب غير المبرر خلال ثلاثة أشهر: ستتصل المدرسة بالأسرة.
law159_elusione = بتاريخ { $date } بلغ الغياب غير المبرر ربع الساعات السنوية.
status_ok = بعيد عن الحدّ
status_attention = انتباه
status_at_risk = في خطر
status_exceeded = تم تجاوز الحدّ
exceeded_consequence = لا تُحتسب السنة الدراسية إلا إذا منح مجلس الصف استثناءً.
actions = ما يجب فعله
actions_none = لا شيء يجب فعله الآن.
action_justify = { $n ->
    [one] تبرير غياب واحد
    [two] تبرير غيابين
    [few] تبرير { $n } حالات غياب
    [many] تبرير { $n } حالة غياب
   *[other] تبرير { $n } حالة غياب
}
action_acknowledge = { $n ->
    [one] قراءة إشعار واحد وتأكيد الاطلاع عليه
    [two] قراءة إشعارين وتأكيد الاطلاع عليهما
    [few] قراءة { $n } إشعارات وتأكيد الاطلاع عليها
    [many] قراءة { $n } إشعارًا وتأكيد الاطلاع عليها
   *[other] قراءة { $n } إشعار وتأكيد الاطلاع عليها
}
action_documents = { $n ->
    [one] تسليم وثائق طلب استثناء واحد إلى الأمانة
    [two] تسليم وثائق طلبَي استثناء إلى الأمانة
    [few] تسليم وثائق { $n } طلبات استثناء إلى الأمانة
    [many] تسليم وثائق { $n } طلبًا للاستثناء إلى الأمانة
   *[other] تسليم وثائق { $n } طلب استثناء إلى الأمانة
}
action_documents_by = { $n ->
    [one] تسليم وثائق طلب استثناء واحد إلى الأمانة قبل { $date }
    [two] تسليم وثائق طلبَي استثناء إلى الأمانة قبل { $date }
    [few] تسليم وثائق { $n } طلبات استثناء إلى الأمانة قبل { $date }
    [many] تسليم وثائق { $n } طلبًا للاستثناء إلى الأمانة قبل { $date }
   *[other] تسليم وثائق { $n } طلب استثناء إلى الأمانة قبل { $date }
}
action_contact = التحدث مع المدرسة عن وضع الغياب، وطلب استثناء إذا اقتضى الأمر
details_link = غياب { $name } وتبريراته وطلبات الاستثناء
hours_minutes = { $h } س { $m } د
hours_only = { $h } س
minutes_only = { $m } د
days = { $n ->
    [zero] { $n } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $n } أيام
    [many] { $n } يومًا
   *[other] { $n } يوم
}
day_of = { $n ->
    [zero] (من { $n } ساعة)
    [one] (من ساعة واحدة)
    [two] (من ساعتين)
    [few] (من { $n } ساعات)
    [many] (من { $n } ساعة)
   *[other] (من { $n } ساعة)
}
absences_title = كل حالات الغياب، شهرًا بشهر ({ $n })
absences_none = لا يوجد غياب مسجّل.
months-0 = يناير
months-1 = فبراير
months-2 = مارس
months-3 = أبريل
months-4 = مايو
months-5 = يونيو
months-6 = يوليو
months-7 = أغسطس
months-8 = سبتمبر
months-9 = أكتوبر
months-10 = نوفمبر
months-11 = ديسمبر
weekdays-0 = الاثنين
weekdays-1 = الثلاثاء
weekdays-2 = الأربعاء
weekdays-3 = الخميس
weekdays-4 = الجمعة
weekdays-5 = السبت
weekdays-6 = الأحد
kinds-0 = غياب يوم كامل
kinds-1 = تأخر
kinds-2 = دخول متأخر
kinds-3 = خروج مبكر
kinds-4 = الامتناع عن حضور الدروس
kinds-5 = عدم المشاركة في رحلة مدرسية
kinds-6 = توقيف دون إلزام بالحضور
kinds-7 = توقيف مع إلزام بالحضور
kinds-8 = نشاط تنظمه المدرسة
justified_yes = مبرَّر
justified_no = غير مبرَّر
effect_counted = محتسب
effect_pending = محتسب، في انتظار الاستثناء
effect_derogated = غير محتسب: قُبل الاستثناء
effect_not_counted = غير محتسب وفق نظام المدرسة
justification_pending = أُرسل التبرير، في انتظار المدرسة
justification_approved = قُبل التبرير
justification_refused = رُفض التبرير: يمكنكم إرسال تبرير آخر
to_justify_title = غياب يحتاج إلى تبرير ({ $n })
to_justify_lead = اختاروا حالات الغياب وسببًا واحدًا لها جميعًا: ستقرر المدرسة.
to_justify_legend = حالات غياب تحتاج إلى تبرير
to_justify_reason = سبب حالات الغياب المختارة
to_justify_button = تبرير حالات الغياب المختارة
to_justify_none = لا توجد حالات غياب تحتاج إلى تبرير.
to_justify_state = يحتاج إلى تبرير
justified_sent = { $n ->
    [one] أُرسل تبرير غياب واحد ({ $dates }): ستقرر المدرسة.
    [two] أُرسل تبرير غيابين ({ $dates }): ستقرر المدرسة.
    [few] أُرسل تبرير { $n } حالات غياب ({ $dates }): ستقرر المدرسة.
    [many] أُرسل تبرير { $n } حالة غياب ({ $dates }): ستقرر المدرسة.
   *[other] أُرسل تبرير { $n } حالة غياب ({ $dates }): ستقرر المدرسة.
}
justify_privacy = اختاروا السبب فقط: لا تكتبوا تفاصيل عن الصحة. إذا لزمت وثائق، فسلّموها إلى الأمانة.
presence_school_activity = غير محتسب: نشاط مدرسي
presence_suspension = غير محتسب: توقيف مع إلزام بالحضور، في المدرسة
form_problem = لم يُرسل أي شيء
deroga_open = طلب استثناء
reasons-0 = أسباب شخصية
reasons-1 = أسباب عائلية
reasons-2 = مشاكل في النقل أو سوء الأحوال الجوية
reasons-3 = أنشطة رياضية أو فنية أو ثقافية
reasons-4 = سبب آخر (سأتحدث عنه مع المدرسة)
deroga_title = طلبات الاستثناء
deroga_lead = إذا كان الغياب ضمن حالة تنص عليها المدرسة (مثل مرض طويل موثّق)، يمكنكم أن تطلبوا عدم احتسابه. المدرسة هي التي تقرر.
deroga_none = لا توجد طلبات استثناء.
deroga_category = الحالة التي تنص عليها المدرسة
deroga_from = من تاريخ
deroga_to = إلى تاريخ
deroga_button = طلب الاستثناء
deroga_documents = تُسلَّم الوثائق إلى أمانة المدرسة: لا تُحمَّل على Ponte.
deroga_range = من { $from } إلى { $to }
status_pending = في انتظار القرار
status_approved = مقبول
status_refused = مرفوض
notices_title = إشعارات المدرسة
notices_lead = رسائل المدرسة بشأن أبنائكم: غير المقروءة أولًا.
notices_none = لا توجد إشعارات.
notice_unread = غير مقروء
notice_read = مقروء
notice_published = نُشر بتاريخ { $date }
notice_ack_needed = تطلب المدرسة تأكيد الاطلاع.
notice_ack_done = سُجّل تأكيد الاطلاع بتاريخ { $date } الساعة { $time }.
notice_ack_button = أؤكد أنني اطّلعت عليه
notice_for = إلى: { $names }
auto_title = إشعارات الحضور
auto_threshold = { $name }: بلغت ساعات الغياب { $hours } ({ $date }). تُبلغ المدرسة مجلس الصف بالوضع.
auto_exceeded = { $name }: تم تجاوز حدّ ساعات الغياب ({ $date }).
auto_law159 = { $name }: أكثر من 15 يومًا من الغياب غير المبرر خلال ثلاثة أشهر ({ $date })، القانون 159/2023.
auto_elusione = { $name }: بلغ الغياب غير المبرر ربع الساعات السنوية ({ $date }).
back_family = العودة إلى وضع الأبناء
back_notices = العودة إلى الإشعارات
error_title = لم يُنفَّذ الطلب
error_back = رجوع
notice_withdrawn = سحبت المدرسة هذا الإشعار بتاريخ { $date }: لا يلزمكم فعل أي شيء.
notice_withdrawn_tag = سحبته المدرسة
notice_reminded = تذكير من المدرسة بتاريخ { $date }
csv_columns-0 = النوع
csv_columns-1 = التلميذ
csv_columns-2 = التاريخ
csv_columns-3 = البند
csv_columns-4 = المدة
csv_columns-5 = الحالة
csv_columns-6 = التفاصيل
csv_guardian = وليّ الأمر
csv_position = الوضع
csv_absence = غياب
csv_notice = إشعار
csv_full_name = الاسم الكامل
csv_tax_code = الرمز الضريبي
csv_annual_hours = الساعات السنوية
csv_max_hours = الحدّ الأقصى لساعات الغياب
csv_ack_of = تأكيد الاطلاع عن { $name }: { $when }
rq_deroga = طلب استثناء
sn_not_yet = ليس بعد
