footer_privacy = 隐私与数据控制者
footer_accessibility = 无障碍声明
