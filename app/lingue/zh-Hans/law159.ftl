# Ponte — 简体中文（译文；以意大利语原文为准）。
channels-0 = 信函
channels-1 = Ponte 中需确认阅读的通知
family_notice = { $date } 学校已将无正当理由的缺勤告知家庭（{ $channel }）：学生必须在 { $by } 之前恢复上学。
family_resumed = 已于 { $date } 恢复上学：此案已结。
family_mayor = { $date } 学校已按法律规定通知市长。
