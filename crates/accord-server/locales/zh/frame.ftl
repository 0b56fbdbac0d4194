# 每个页面的框架：页眉、导航、语言切换、横幅、页脚。

skip-to-content = 跳到主要内容
nav-main = 主导航
nav-home = 首页
nav-negotiations = 谈判
nav-meetings = 会议
nav-consultations = 公众咨询
nav-members = 成员
nav-officers = 主席团成员
nav-record = 记录
log-out = 退出
log-in = 登录
language-switcher = 语言
banner-initial-password = 您正在使用初始密码。
banner-choose-password = 请设置您自己的密码后继续。
signing-required = { $member } 要求以其名义采取的每项行动都须有其签名。此浏览器没有 { $member } 的签名密钥，或其 JavaScript 已关闭，因此这些页面无法代表 { $member } 行事：
signing-create-key = 在您的账户页面上于此浏览器中创建密钥
signing-or-submit = （由您的代表团团长登记），或使用以下命令签名：
footer-record-size =
    { $count ->
       *[other] 记录共有 { $size } 条条目
    }
footer-read-it = 查阅
role-head_of_delegation = 代表团团长
role-delegate = 代表
role-adviser = 顾问
role-secretariat = 秘书处
role-chair = 主席
role-vice_chair = 副主席
role-co_facilitator = 共同协调人
role-translator = 笔译员
language-unknown = “{ $lang }”不是本界面的语言：请选择阿拉伯文、中文、英文、法文、俄文或西班牙文
