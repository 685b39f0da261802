# Ponte — 简体中文（译文；以意大利语原文为准）。
title = 您子女的情况
lead = 缺勤情况、还可以缺勤多少课时，以及需要做什么。
saved_copy = 没有网络连接：这是 { $date } { $time } 保存的页面副本。
register_updated = 登记册更新于 { $date }。
register_missing = 学校尚未在 Ponte 中上传缺勤记录。
notices_link = 学校通知
notices_unread = { $n } 条未读
export_title = 您的数据
export_text = 您可以下载 Ponte 保存的关于您和您子女的全部数据。
export_json = 下载数据（JSON）
export_csv = 下载数据（CSV，用于电子表格）
class_school = 班级 { $class } · { $school }
gauge_text = 已计入的缺勤课时：{ $counted }，上限为 { $max }。
annual_share = 已缺勤全年课时的 { $percent }；法定上限为 { $limit }。
allowance_used-0 = 尚未使用任何可缺勤课时。
allowance_used-1 = 已使用少量可缺勤课时。
allowance_used-2 = 已使用约四分之一的可缺勤课时。
allowance_used-3 = 已使用约三分之一的可缺勤课时。
allowance_used-4 = 已使用约一半的可缺勤课时。
allowance_used-5 = 已使用约三分之二的可缺勤课时。
allowance_used-6 = 已使用约四分之三的可缺勤课时。
allowance_used-7 = 几乎已用完全部可缺勤课时。
allowance_used-8 = 已用完全部可缺勤课时。
allowance_used-9 = 已超过可缺勤课时。
counted = 已计入的缺勤课时
remaining = 还可以缺勤的课时
remaining_days = 还可以缺勤的整天数
derogated = 因豁免而不计入的课时
pending_deroga = 等待决定的豁免课时
forecast = 预测
forecast_on = 按目前的速度，将于 { $date } 超过上限。
forecast_none = 按目前的速度，不会超过上限。
crossed_on = 已于 { $date } 超过上限。
law159 = 义务教育（第 159/2023 号法律）
law159_days = { $n ->
   *[other] 最近三个月无正当理由缺勤 { $n } 天：缺勤超过 15 天的学生，学校必须上报。
}
law159_flagged = { $date } 三个月内无正当理由缺勤已超过 15 天：学校将与家庭联系。
law159_elusione = { $date } 无正当理由的缺勤已达到全年课时的四分之一。
status_ok = 远未达到上限
status_attention = 注意
status_at_risk = 有风险
status_exceeded = 已超过上限
exceeded_consequence = 只有班级委员会批准豁免，本学年才有效。
actions = 需要做什么
actions_none = 目前无需做任何事。
action_justify = { $n ->
   *[other] 说明 { $n } 次缺勤的理由
}
action_acknowledge = { $n ->
   *[other] 阅读并确认 { $n } 条通知
}
action_documents = { $n ->
   *[other] 向教务处提交 { $n } 份豁免申请的材料
}
action_documents_by = { $n ->
   *[other] 在 { $date } 前向教务处提交 { $n } 份豁免申请的材料
}
action_contact = 就缺勤情况与学校沟通，如有需要，申请豁免
details_link = { $name } 的缺勤、理由说明和豁免
hours_minutes = { $h } 小时 { $m } 分钟
hours_only = { $h } 小时
minutes_only = { $m } 分钟
days = { $n ->
   *[other] { $n } 天
}
day_of = { $n ->
   *[other] （每天 { $n } 课时）
}
absences_title = 全部缺勤，按月列出（{ $n }）
absences_none = 没有缺勤记录。
months-0 = 一月
months-1 = 二月
months-2 = 三月
months-3 = 四月
months-4 = 五月
months-5 = 六月
months-6 = 七月
months-7 = 八月
months-8 = 九月
months-9 = 十月
months-10 = 十一月
months-11 = 十二月
weekdays-0 = 周一
weekdays-1 = 周二
weekdays-2 = 周三
weekdays-3 = 周四
weekdays-4 = 周五
weekdays-5 = 周六
weekdays-6 = 周日
kinds-0 = 全天缺勤
kinds-1 = 迟到
kinds-2 = 推迟入校
kinds-3 = 提前离校
kinds-4 = 拒绝上课
kinds-5 = 未参加校外教学活动
kinds-6 = 停课（无须到校）
kinds-7 = 停课（须到校）
kinds-8 = 学校组织的活动
justified_yes = 已说明理由
justified_no = 未说明理由
effect_counted = 计入
effect_pending = 计入，等待豁免
effect_derogated = 不计入：豁免已批准
effect_not_counted = 按学校规定不计入
justification_pending = 理由说明已发送，等待学校处理
justification_approved = 理由说明已接受
justification_refused = 理由说明被拒绝：您可以再发送一份
to_justify_title = 待说明理由（{ $n }）
to_justify_lead = 请选择缺勤记录，并为全部选择一个理由：由学校决定。
to_justify_legend = 待说明理由的缺勤
to_justify_reason = 所选缺勤的理由
to_justify_button = 为所选缺勤说明理由
to_justify_none = 没有需要说明理由的缺勤。
to_justify_state = 待说明理由
justified_sent = { $n ->
   *[other] 已为 { $n } 次缺勤发送理由说明（{ $dates }）：由学校决定。
}
justify_privacy = 只需选择理由：请勿填写健康方面的细节。如需提供材料，请送到教务处。
presence_school_activity = 不计入：学校活动
presence_suspension = 不计入：停课（须到校），在校
form_problem = 未发送任何内容
deroga_open = 申请豁免
reasons-0 = 个人原因
reasons-1 = 家庭原因
reasons-2 = 交通问题或恶劣天气
reasons-3 = 体育、艺术或文化活动
reasons-4 = 其他原因（我会与学校沟通）
deroga_title = 豁免申请
deroga_lead = 如果缺勤属于学校规定的情况（例如有证明的长期患病），您可以申请不计入。由学校决定。
deroga_none = 没有豁免申请。
deroga_category = 学校规定的情况
deroga_from = 开始日期
deroga_to = 结束日期
deroga_button = 申请豁免
deroga_documents = 材料请交到学校教务处：无需上传到 Ponte。
deroga_range = 从 { $from } 到 { $to }
status_pending = 等待决定
status_approved = 已批准
status_refused = 已拒绝
notices_title = 学校通知
notices_lead = 学校关于您子女的通知：未读的排在前面。
notices_none = 没有通知。
notice_unread = 未读
notice_read = 已读
notice_published = 发布于 { $date }
notice_ack_needed = 学校要求确认已阅读。
notice_ack_done = 已于 { $date } { $time } 登记确认阅读。
notice_ack_button = 我确认已阅读
notice_for = 收件人：{ $names }
auto_title = 出勤通知
auto_threshold = { $name }：缺勤已达 { $hours } 课时（{ $date }）。学校将此情况报告给班级委员会。
auto_exceeded = { $name }：已超过缺勤课时上限（{ $date }）。
auto_law159 = { $name }：三个月内无正当理由缺勤超过 15 天（{ $date }），第 159/2023 号法律。
auto_elusione = { $name }：无正当理由的缺勤已达到全年课时的四分之一（{ $date }）。
back_family = 返回子女情况
back_notices = 返回通知
error_title = 请求未执行
error_back = 返回
notice_withdrawn = 学校已于 { $date } 撤回此通知：您无需做任何事。
notice_withdrawn_tag = 已被学校撤回
notice_reminded = 学校于 { $date } 发出的提醒
