# 登录页面和账户页面：签名密钥、密码、API 令牌。

acct-log-in = 登录
acct-email = 电子邮件
acct-password = 密码
acct-log-in-help = 代表从秘书处获得登录信息。忘记密码？请秘书处为您重置。

acct-title = 您的账户
acct-nothing-changed = 未作任何更改。
acct-name = 姓名
acct-id = 记录中的标识
acct-role = 职务
acct-email-private = 电子邮件（私密）

acct-key-heading = 此浏览器中的签名密钥
acct-key-intro =
    { $required ->
        [yes] { $member } 可要求以其名义采取的每项行动均须有其签名，且已作此要求。
       *[no] { $member } 可要求以其名义采取的每项行动均须有其签名。
    }在此生成的密钥为您在这些页面上代表 { $member } 采取的行动签名：该密钥无法从此浏览器中读出，即使本网站也不能；服务器只能看到其公钥，{ $head ->
        [yes] 由您
       *[no] 由您的代表团团长
    }将其登记为 { $member } 的密钥之一。
acct-key-script-before = 在浏览器中生成密钥需要 JavaScript。如未启用，请用
acct-key-script-between = 生成密钥，并用以下命令签署每项行动：
acct-key-none = 此浏览器中没有 { $member } 的密钥。
acct-key-create = 在此浏览器中生成签名密钥
acct-key-public = 要为 { $member } 登记的公钥
acct-label = 标签
acct-key-label-example = 例如：团长的笔记本电脑、浏览器
acct-key-register = 为 { $member } 登记密钥
acct-key-give-before = 请将公钥交给您的代表团团长，由其在
acct-key-give-link = { $member } 的页面
acct-key-give-after = 上登记。

acct-pw-heading = 更改密码
acct-pw-current = 当前密码
acct-pw-new = 新密码
acct-pw-new-hint = （至少 12 个字符；一个短句即可）
acct-pw-confirm = 再次输入新密码
acct-pw-logs-out = 更改密码后，您的其他浏览器将退出登录。
acct-pw-revoke-tokens = 同时吊销我的所有 API 令牌（使用这些令牌的工具将需要新令牌）
acct-pw-change = 更改密码

acct-tokens-heading = API 令牌
acct-tokens-before = 令牌可让您代表团自己的工具通过
acct-tokens-link = JSON API
acct-tokens-after = 代表您行事。令牌仅显示一次，且只以哈希形式存储。
acct-token-new = 您的新令牌——请立即复制，之后将不再显示：
acct-created = 创建时间
acct-expires = 到期
acct-state = 状态
acct-token-revoked = 已于 { $time } 吊销
acct-revoke = 吊销
acct-token-label-example = 例如：代表团跟踪工具
acct-token-issue = 签发令牌
