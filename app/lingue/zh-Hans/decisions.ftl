# Ponte — 简体中文（译文；以意大利语原文为准）。
refusals-0 = 所填理由不在学校规章接受的理由之列
refusals-1 = 对于这次缺勤，学校要求提供材料，请交到教务处
refusals-2 = 该缺勤与登记册中的记录不符
refusals-3 = 发送时间晚于学校规章规定的期限
refusals-4 = 教务处未收到材料
refusals-5 = 该情况不属于学校采用的豁免情形
refusals-6 = 班级委员会认为出勤情况不足以进行评估
refusals-7 = 日期与所交材料不符
family_refusal = 理由：{ $reason }。
family_council = 由 { $date } 的班级委员会决定。
