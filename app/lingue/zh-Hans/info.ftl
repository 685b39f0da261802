footer_privacy = 隐私与数据控制者
footer_accessibility = 无障碍声明
translations_title = Ponte 的翻译
translations_text = 面向家庭的页面、自动通知和学校信函由 Ponte 团队翻译，而不是由自动翻译服务翻译：任何数据都不会发送到其他地方。以意大利语原文为准，每条翻译的通知和信函下方轻点一下即可查看原文。学校撰写的通知使用意大利语；教务处可以添加其他语言的版本。
translations_report = 如发现翻译错误，请写信至 { $email }，注明语言和页面，或告知学校教务处。
translations_languages = 可用语言
