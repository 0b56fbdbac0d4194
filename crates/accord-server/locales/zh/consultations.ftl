# 公众咨询：列表、一次咨询（参与、结果、陈述、秘书处表单）、审核和意见分布图。

cons-nothing-changed = 未作任何更改。

## 列表

cons-title = 公众咨询
cons-intro = 任何人都可以参加开放的咨询：各代表团、各组织和公众对简短陈述表示赞同、不赞同或跳过，并可添加自己的陈述。参与者在记录中以化名出现，绝不显示姓名。
cons-none-open = 尚无开放的咨询。
cons-col-consultation = 咨询
cons-col-status = 状态
cons-col-participants = 参与者
cons-col-statements = 陈述
cons-col-on = 对象
cons-status-open = 开放
cons-status-closed = 已结束
cons-process-lower = 进程 { $id }
cons-open-a-consultation = 开始咨询
cons-field-title = 标题
cons-field-question = 向参与者提出的问题
cons-field-process = 针对以下进程的案文
cons-no-process = 无进程
cons-process-number = 进程 { $id }
cons-field-provisions = 条款（eId，以逗号分隔；留空表示整个案文）
cons-open = 开始

## 操作后的通知

cons-notice-opened = 咨询已开始。请在下方添加初始陈述。
cons-notice-joined = 您已加入。请逐条对陈述表态。
cons-notice-key = 此浏览器现在使用您的参与者密钥。
cons-notice-voted = 您的投票已记录。
cons-notice-written = 您的陈述已记录；经秘书处接受后即会显示。
cons-notice-seeded = 陈述已添加。
cons-notice-closed = 咨询已结束。
cons-notice-published = 分析已发布在记录中。

## 一次咨询

cons-consultation-number = 第 { $id } 号咨询
cons-participants-count = { $count } 名参与者
cons-on-process = 针对 { $process }
cons-take-part = 参与
cons-this-is-closed = 本次咨询已结束。
cons-officers-do-not-take-part = 论坛主席团成员主持咨询，不参与其中。
cons-you-take-part-as = 您以参与者 { $participant } 的身份参与。
cons-next-statement = 陈述 { $id }（还剩 { $remaining } 条）：
cons-agree = 赞同
cons-disagree = 不赞同
cons-pass-unsure = 跳过 / 不确定
cons-voted-on-every-statement = 您已对所显示的全部陈述表态。请稍后再来查看新陈述，或添加您自己的陈述。
cons-add-a-statement = 添加陈述（一个简短观点，供他人表示赞同或不赞同）
cons-submit-for-moderation = 提交审核
cons-your-participant-key = 您的参与者密钥（用于在另一设备上参与）
cons-keep-key-private = 请妥善保管此密钥：持有者即可以您的名义投票。
cons-you-take-part-as-delegation = 您以代表团身份参与；记录中显示化名，绝不显示您的姓名。
cons-join = 加入本次咨询
cons-i-take-part-as = 我的参与身份
cons-no-name-asked = 无需提供姓名或地址：记录中显示化名和您选择的类别。此浏览器保存一个供您投票的密钥；代表则应登录。
cons-i-have-a-key = 我已有参与者密钥
cons-participant-key = 参与者密钥
cons-use-this-key = 在此浏览器中使用该密钥
cons-category-delegation = 成员代表团
cons-category-intergovernmental-organisation = 政府间组织
cons-category-ngo = 非政府组织
cons-category-private-sector = 私营部门
cons-category-academia = 学术和研究界
cons-category-technical-community = 技术界
cons-category-public = 公众

## 结果

cons-what-participants-think = 参与者的看法
cons-computed-at = 按记录规模 { $size } 计算
cons-participants-counted = 计入 { $count } 名参与者
cons-digest = 摘要 { $digest }
cons-analysis-as-json = JSON 格式的分析
cons-map-alt = 意见分布图：{ $count } 名计入的参与者分为 { $groups } 个意见群组，详见下表
cons-group-heading = 群组 { $number }（{ $size } 名参与者）
cons-nothing-sets-group-apart = 尚无陈述能区分该群组。
cons-sets-group-apart-caption = 区分群组 { $number } 的陈述
cons-col-statement = 陈述
cons-col-the-group = 该群组
cons-col-share = 比例
cons-group-agrees = 赞同
cons-group-disagrees = 不赞同
cons-common-ground = 各群组的共同点
cons-no-common-ground = 尚无陈述获得每个群组多数的支持。
cons-col-group-informed-consensus = 群组加权共识
cons-bridging-statements = 弥合分歧的陈述
cons-no-bridging = 尚无陈述能弥合各群组的分歧。
cons-col-bridging-score = 弥合分数

## 陈述

cons-statements-heading = 陈述（{ $count }）
cons-no-statement-yet = 尚无陈述。
cons-col-agree = 赞同
cons-col-disagree = 不赞同
cons-col-pass = 跳过
cons-from-proposal = 源自 P-{ $proposal }
cons-propose-citing = 引用以下陈述提出修改
cons-cite-on = 针对
cons-go-to-provision = 前往该条款
cons-published-analyses = 记录中发布的分析
cons-anyone-recomputes = 任何人都可以用 { $command } 根据记录重新计算。
cons-published-line = { $entry }：记录规模 { $size }，摘要 { $digest }
cons-entry = 条目 { $number }

## 秘书处

cons-secretariat = 秘书处
cons-moderate-statements = 审核陈述
cons-waiting-count = （{ $count } 条待审）
cons-seed-a-statement = 添加陈述（立即显示）
cons-drawn-from-proposal = 源自提案（可选，例如 P-3）
cons-add-the-statement = 添加该陈述
cons-publish-analysis = 在记录中发布此分析
cons-close-confirm = 结束本次咨询？结束后任何人都不能再撰写陈述或投票。
cons-close-the-consultation = 结束咨询

## 审核

cons-moderation = 审核
cons-waiting-heading = 待审（{ $count }）
cons-none-waiting = 没有待审的陈述。
cons-statement-number = 陈述 { $id }
cons-accept-statement = 接受陈述 { $id }
cons-reject-statement = 拒绝陈述 { $id }
cons-decided = 已处理
cons-col-text = 文本
cons-col-change = 更改
cons-seed-note = （初始）
cons-moderation-pending = 待审
cons-moderation-accepted = 已接受
cons-moderation-rejected = 已拒绝
cons-text-not-on-this-server = （SHA-256 为 { $sha256 } 的文本不在此服务器上）

## 意见分布图（SVG）

cons-map-title = 第 { $id } 号咨询的意见分布图
cons-map-no-groups-desc = 尚无意见群组：投票太少。
cons-map-no-groups = 尚无意见群组：需要更多投票
cons-map-desc = { $count } 名计入的参与者分为 { $groups } 个意见群组：{ $sizes }。
cons-map-group-size = 群组 { $number }：{ $size } 名
cons-map-list-separator = {"，"}
cons-map-group-label = 群组 { $number }（{ $size }）
