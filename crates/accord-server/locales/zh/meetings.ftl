# 会议和决定：届会、会议（出席、议程、发言者、表决、协商一致、主席控制台）、
# 简要记录，以及一个进程的议事规则和决定。

meet-recorded = 已记录。该条目已载入记录。
meet-nothing-changed = 未作任何更改。

## 届会和会议

meet-sessions-title = 届会和会议
meet-sessions = 届会
meet-no-session = 尚无已开幕的届会。
meet-no-meeting = 尚未安排会议。
meet-col-meeting = 会议
meet-date = 日期
meet-place = 地点
meet-col-present = 出席
meet-col-links = 链接
meet-meeting-number = 第 { $number } 次会议
meet-summary-link = 简要记录
meet-schedule-meeting = 安排会议
meet-open-session = 开始届会
meet-session-title = 标题
meet-session-title-example = 第三届实质性会议
meet-open = 开始

## 一次会议

meet-summary-record = 简要记录
meet-you-hold-the-console = 您掌握主席控制台
meet-status-open = 会议{ $state }。
meet-state-open = 正在进行
meet-status-closed = 会议{ $state }。
meet-state-closed = 已散会
meet-status-scheduled = 会议尚未开始：达到开会所需法定人数后，由主席宣布开会。
meet-attendance = 出席情况
meet-attendance-quorums = 有表决权的成员出席 { $count } 个；开会的法定人数为 { $to_open }，作出决定的法定人数为 { $to_decide }。
meet-no-one-registered = 尚无人登记。
meet-agenda = 议程
meet-agenda-empty = 议程为空。
meet-item-heading = 项目 { $label } — { $title }
meet-speaking-time = 发言时间：{ $seconds } 秒。
meet-note-point-of-order = （程序问题）
meet-note-right-of-reply = （答辩权）
meet-has-the-floor = 正在发言
meet-countdown = （自 { $given } 起 { $seconds } 秒）
meet-countdown-left = （剩余 { $clock }）
meet-countdown-over = （超时 { $clock }）
meet-floor-waiting = 等候中
meet-floor-spoke = 已发言
meet-floor-speaking = 正在发言
meet-floor-withdrawn = 已撤回
meet-statement-file = 发言稿
meet-no-one-asked = 无人要求发言。
meet-votes-and-decisions = 表决和决定
meet-vote-on = 就 { $label } 进行的第 { $id } 次表决
meet-vote-state-open = （{ $majority }，进行中）
meet-vote-state-closed = （{ $majority }，已结束）
meet-majority-simple = 简单多数
meet-majority-two-thirds = 三分之二多数
meet-tally-yes = 赞成 { $count }
meet-tally-no = 反对 { $count }
meet-tally-abstaining = 弃权 { $count }
meet-tally-voting = 出席并参加表决 { $voting }，所需 { $required }
meet-adopted = 通过
meet-not-adopted = 未通过
meet-your-vote = 贵代表团投了{ $choice }。
meet-your-vote-open = 贵代表团投了{ $choice }（在主席结束表决之前可以更改）。
meet-choice-yes = 赞成票
meet-choice-no = 反对票
meet-choice-abstain = 弃权票
meet-consensus-on = 以协商一致方式通过 { $label }
meet-consensus-on-ad-referendum = 以协商一致方式通过 { $label }，待核准
meet-consensus-proposed = （已提议）
meet-no-objection = 无异议。
meet-objects = { $member } 提出异议
meet-objects-reason = { $member } 提出异议：{ $reason }
meet-no-decision-put = 本次会议未提交任何决定。
meet-target-the-instrument = 该文书
meet-target-in-process = { $target }（进程 { $process }）

## 代表团的表单

meet-for-member = { $member } 的操作
meet-register-present = 登记 { $member } 出席
meet-leave-confirm = 记录 { $member } 已离开会议？离开后不再在此表决或提出异议。
meet-leaves = { $member } 离开会议
meet-item-label = 项目 { $label }：
meet-request-the-floor = 要求发言
meet-point-of-order = 程序问题
meet-right-of-reply = 答辩权
meet-ask = 提出
meet-your-statement-on-item = 您关于项目 { $label } 的发言
meet-attach-statement = 附上发言稿
meet-withdraw-request = 撤回我关于项目 { $label } 的第 { $number } 项请求
meet-observer = { $member } 以观察员身份参加（或已被暂停资格）：经主席准许可以发言，但不参加表决，也不能反对协商一致。
meet-yes = 赞成
meet-no = 反对
meet-abstain = 弃权
meet-vote-button = 投票
meet-object-reason-label = 反对通过 { $label }：理由
meet-object = 反对

## 主席控制台

meet-chairs-console = 主席控制台
meet-the-secretariat = 秘书处
meet-closed-nothing-more = 会议已散会：不再记录任何内容。如需继续，请安排本届会的另一次会议。
meet-new-agenda-item = 新议程项目
meet-as-sub-item-of = 作为以下项目的分项
meet-item-option = 项目 { $label }
meet-add = 添加
meet-correct-attendance-member = 更正出席情况：成员
meet-present-note = （出席）
meet-present-or-absent = 出席或缺席
meet-present = 出席
meet-absent = 缺席
meet-correct = 更正
meet-open-the-meeting = 宣布开会
meet-close-meeting-confirm = 结束第 { $number } 次会议？此后不再在该会议上作出任何决定。
meet-close-the-meeting = 宣布散会
meet-next-speaker = 项目 { $label } 的下一位发言者
meet-waiting-count = （{ $count } 人等候）
meet-speaking-time-label = 项目 { $label } 的发言时间（秒，留空表示不限）
meet-set = 设定
meet-close-vote-confirm = 结束第 { $id } 次表决？以计票结果为准。
meet-close-vote = 结束第 { $id } 次表决
meet-declare-outcome = 宣布关于 { $label } 的结果
meet-put-a-question = 向会议提出问题
meet-process = 进程
meet-on = 对象
meet-target-a-proposal = 一项提案
meet-target-a-provision = 一项条款
meet-target-the-whole-instrument = 整个文书
meet-question-target-id = 提案编号（P-17）或条款（其 eId，例如 chp_1__art_5__para_2，见条款页面）
meet-majority-for-a-vote = 多数（用于表决）
meet-majority-as-the-rules-say = 按规则规定（重要问题为三分之二）
meet-majority-option-simple = 简单多数
meet-majority-option-two-thirds = 三分之二
meet-consensus-ad-referendum = 协商一致，待核准
meet-propose-consensus = 提议以协商一致方式通过
meet-open-recorded-vote = 开始记录表决
meet-questions-once-open = 会议开始后方可提出问题和请发言者发言。

## 简要记录

meet-summary-title = 第 { $number } 次会议简要记录
meet-print = 打印
meet-summary-quorum = 有表决权的成员出席 { $count } 个（作出决定的法定人数：{ $to_decide }）。
meet-no-member-present = 没有成员登记出席。
meet-summary-opened-and-closed = 主席宣布开会（{ $opened }）并宣布散会（{ $closed }）。
meet-summary-opened-still-open = 主席宣布开会（{ $opened }）；会议仍在进行。
meet-summary-not-opened = 会议尚未开始。
meet-entry-hash = 条目 #{ $number }
meet-no-one-spoke = 无人发言。
meet-no-text-attached = （未附文本）
meet-decisions = 决定
meet-no-decision-was-taken = 未作出任何决定。
meet-decision-number = 第 { $id } 号决定
meet-summary-decision = { $decision }（{ $method }），关于 { $target }
meet-summary-target-proposal = 提案 { $id }
meet-summary-target-provision = 条款 { $id }
meet-summary-target-instrument = 文书
meet-version-adopted = ，通过第 { $version } 版
meet-on-version = ，针对第 { $version } 版
meet-outcome-adopted = 通过
meet-outcome-agreed-ad-referendum = 商定，待核准
meet-outcome-not-adopted = 未通过
meet-method-consensus = 协商一致
meet-method-silence = 默许程序
meet-method-vote = 表决
meet-summary-tally-votes = { $yes } 票赞成，{ $no } 票反对，{ $abstaining } 票弃权
meet-summary-tally-required = { $voting } 个出席并参加表决，所需 { $required }
meet-recorded-vote = 记录表决
meet-col-member = 成员
meet-col-vote = 投票
meet-objected = { $member } 提出了异议
meet-objected-reason = { $member } 提出了异议：{ $reason }
meet-explanation-before = { $member } 在表决前作解释性发言：{ $text }
meet-explanation-after = { $member } 在表决后作解释性发言：{ $text }

## 进程的议事规则和决定

meet-rules-and-decisions = 规则和决定
meet-rules-of-procedure = 议事规则
meet-rule-majority = 多数
meet-rule-important-majority = 重要问题所需多数
meet-rule-majority-simple = 出席并参加表决的成员的简单多数
meet-rule-majority-two-thirds = 出席并参加表决的成员的三分之二
meet-rule-abstentions = 弃权
meet-rule-abstentions-not-counted = 不计为投票
meet-rule-abstentions-counted = 计为投票
meet-rule-meeting-quorum = 开会的法定人数
meet-rule-decision-quorum = 作出决定的法定人数
meet-rule-share = 成员的 { $share }（{ $members } 个中的 { $needed } 个）
meet-rule-share-more-than = 成员的 { $share } 以上（{ $members } 个中的 { $needed } 个）
meet-rule-silence = 默许程序
meet-rule-silence-hours = 至少 { $hours } 小时
meet-rule-informal-agreement = 提案的商定或否决
meet-rule-informal-agreement-yes = 由主席在非正式磋商中决定，或通过决定
meet-rule-informal-agreement-no = 只能通过决定
meet-important-questions = 重要问题
meet-no-important-question = 尚无问题被指定为重要问题：表决采用普通多数。
meet-important-majority-applies = 对这些问题及其修正案的表决，须达到重要问题所需的多数。
meet-entry = 条目 { $number }
meet-designate-as-important = 指定为重要问题
meet-target-a-provision-and-contents = 一项条款（及其所含内容）
meet-eid-or-proposal-number = eId 或提案编号
meet-designate = 指定
meet-no-decision-taken = 尚未作出任何决定。
meet-confirm-capitals-agreed = 确认（各国首都已同意）
meet-decision-where = { $target }（进程 { $process }）
meet-decision-where-on-version = { $target }（进程 { $process }，针对第 { $version } 版）
meet-decision-where-adopted = { $target }（进程 { $process }，通过第 { $version } 版）
meet-decision-head = 关于 { $where } 的第 { $id } 号决定，方式：{ $method }
meet-decision-outcome = { $decision }：{ $outcome }
meet-decision-tally = { $yes } 票赞成，{ $no } 票反对，{ $abstaining } 票弃权
meet-decision-tally-required = { $votes }；所需 { $required }
meet-decision-line = { $decision }（条目 { $entry }）
meet-decision-line-tally = { $decision } — { $tally }（条目 { $entry }）
meet-silence-procedures = 默许程序
meet-none = 无。
meet-silence-line = 关于 { $label } 的第 { $id } 号默许程序，截止时间 { $deadline }：
meet-silence-running = 进行中
meet-silence-broken-by = 被 { $member } 打破（{ $reason }）
meet-silence-concluded = 已结束：通过
meet-break-silence-reason = 打破默许：理由
meet-break-silence = 打破默许
meet-start-silence = 启动默许程序
meet-silence-target-id = 提案编号（P-17）或条款 eId
meet-hours-until-deadline = 距截止时间的小时数
meet-start = 启动
meet-taken-in-meetings = 表决和协商一致在{ $meetings }中进行。
meet-meetings-link = 会议

## Markdown 格式的简要记录

meet-md-quorum = 有表决权的成员出席 { $count } 个（作出决定的法定人数：{ $to_decide }）。
meet-md-statement-in = 发言稿见 { $file }
meet-md-none = 无
