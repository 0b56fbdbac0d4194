# 谈判页面：进程、滚动案文、条款、提案、版本和修订对照。

neg-negotiations = 谈判
neg-nothing-changed = 未作任何更改。

## 进程列表

neg-processes-lede = 每个进程即一项谈判：其案文、修改案文的提案以及案文经历的各个版本。
neg-processes-none = 尚无已开启的进程。
neg-col-process = 进程
neg-col-version = 版本
neg-col-open-proposals = 待决提案
neg-col-brackets = 方括号
neg-col-options = 备选案文
neg-processes-outdated = （{ $count } 项已过时）
neg-open-heading = 以零草案开启一个进程
neg-md-hint-start = 请用 Markdown 撰写草案：
neg-md-hint-then = 然后
neg-md-hint-recitals = 每段一个序言段落，
neg-md-hint-paragraphs = 各款编号为
neg-md-hint-points = 各项编号为
neg-md-hint-end = 各占一行。格式错误的草案将被拒绝，并注明出错的行和原因。
neg-open-title = 标题
neg-open-zero-draft = 零草案
neg-open-submit = 开启进程

## 版本和修订对照

neg-versions = 版本
neg-versions-lede = 每个版本均可阅读；任意两个版本均可逐字比较。每个较早版本的方括号和备选案文按其被下一版本取代时的状态计算。
neg-redline-from = 修订对照：从
neg-redline-to = 至
neg-only-changed = 仅显示更改之处
neg-compare = 比较
neg-col-made-by = 产生方式
neg-col-brackets-options = 方括号 · 备选案文
neg-col-entry = 记录条目
neg-col-when = 时间
neg-col-links = 链接
neg-counts-now = （当前）
neg-counts-when-replaced = （被取代时）
neg-read = 阅读
neg-redline = 修订对照
neg-redline-in-word = Word 格式修订对照
neg-revision-heading = 发布修订本
neg-revision-named = 版本 { $version } 已命名。请先商定一项更改。
neg-revision-name = 版本 { $version } 的名称
neg-revision-issue = 发布

## 条款

neg-version = 版本 { $version }
neg-version-lower = 版本 { $version }
neg-zero-draft-name = 零草案
neg-provision-text = 案文
neg-provision-select-hint = 选择下列案文中的词语，即可提议对其进行修改。
neg-provision-keyboard-hint = 使用键盘：按 Tab 键进入案文，然后用方向键逐词移动，按住 Shift 键加方向键即可选择。
neg-provision-with-proposals = 连同待决提案
neg-chapter-num = 第{ $num }章
neg-article-num = 第{ $num }条
neg-chair-text-summary = 以主席案文取代此方括号
neg-chair-text-label = 取代备选案文的主席案文
neg-chair-text-submit = 提交主席案文
neg-propose-heading = 代表 { $member } 提议修改
neg-propose-change = 修改内容
neg-propose-replace-words = 替换词语
neg-propose-insert-words = 插入词语
neg-propose-delete-words = 删除词语
neg-propose-replace-provision =
    { $kind ->
        [recital] 替换整个序言段落
        [chapter] 替换整章
        [article] 替换整条
        [paragraph] 替换整款
       *[point] 替换整项
    }
neg-propose-replace-heading = 替换标题
neg-propose-insert-provision =
    { $kind ->
        [recital] 在此序言段落旁插入新的序言段落
        [chapter] 在此章旁插入新的一章
        [article] 在此条旁插入新的一条
        [paragraph] 在此款旁插入新的一款
       *[point] 在此项旁插入新的一项
    }
neg-propose-delete-provision =
    { $kind ->
        [recital] 删除此序言段落
        [chapter] 删除此章
        [article] 删除此条
        [paragraph] 删除此款
       *[point] 删除此项
    }
neg-propose-quote = 词语，须与案文完全一致
neg-which-occurrence = 第几处
neg-propose-occurrence-hint = （如这些词语出现不止一次：1、2……）
neg-propose-where = 位置
neg-propose-after = 之后
neg-propose-before = 之前
neg-propose-heading-label = 标题
neg-propose-heading-hint-article = （新条的标题）
neg-propose-heading-hint-either =
    { $kind ->
        [recital] （新条的标题，或此序言段落的新标题）
        [chapter] （新条的标题，或此章的新标题）
        [article] （新条的标题，或此条的新标题）
        [paragraph] （新条的标题，或此款的新标题）
       *[point] （新条的标题，或此项的新标题）
    }
neg-propose-text = 新词语
neg-propose-text-hint = （新条：其各款，编号为 1.、2.……）
neg-justification = 理由
neg-propose-submit = 提交提案
neg-log-in = 登录
neg-log-in-to-propose = 以成员代表的身份提议修改。
neg-only-members-table = 只有具有成员地位的成员的代表团团长和代表才能提交提案；观察员和顾问在此跟进提案。
neg-proposals = 提案
neg-no-proposal-here =
    { $kind ->
        [recital] 没有涉及此序言段落的提案。
        [chapter] 没有涉及此章的提案。
        [article] 没有涉及此条的提案。
        [paragraph] 没有涉及此款的提案。
       *[point] 没有涉及此项的提案。
    }
neg-col-proposal = 提案
neg-col-change = 修改
neg-col-behind = 支持方
neg-col-objecting = 反对方
neg-col-status = 状态
neg-outdated = 已过时
neg-who-wrote = 案文出处
neg-the-decision = 该决定
neg-entry = 记录条目 #{ $entry }
neg-history = 历史
neg-redline-from-zero = 与零草案的修订对照

## 提案

neg-proposal-title = 提案 P-{ $id }
neg-proposal-by = 提出方：
neg-fact-kind = 类型
neg-fact-anchored = 所依据的版本
neg-as-amendment = 作为修正案（Akoma Ntoso）
neg-fact-tabled = 提交
neg-tabled-by = 提交人：
neg-tabled-for = 代表
neg-fact-cosponsors = 共同提案方
neg-fact-support = 支持
neg-fact-objections = 反对
neg-none = 无
neg-fact-result = 结果
neg-fact-decided = 决定
neg-agreed-informally = （由主席在非正式磋商中商定）
neg-fact-decisions = 决定
neg-all-decisions = 所有决定
neg-receipt = 下载提交该提案的记录条目的回执
neg-act-heading = 对提案采取行动
neg-act-support = 代表 { $member } 支持
neg-act-object = 代表 { $member } 反对
neg-act-uncosponsor = 退出共同提案方
neg-act-cosponsor = 成为共同提案方
neg-act-withdraw-confirm = 撤回 P-{ $id }？此操作将被记录，且无法撤销。
neg-act-withdraw = 撤回
neg-act-provision-gone = 该提案所涉条款已不在案文中：请撤回该提案，并在案文现在需要之处提交新的提案。
neg-act-words-changed = 该提案所引用的词语已更改。请将其重新锚定到最新版本：
neg-act-reanchor-quote = 词语，按其现状
neg-act-reanchor = 重新锚定
neg-act-provision-changed = 自提交这一新措辞以来，该条款的词语已更改。请阅读该条款的现状；如新措辞仍应取而代之，请在最新版本上予以确认：
neg-act-confirm = 在最新版本上确认
neg-only-members-act = 只有具有成员地位的成员的代表团团长和代表才能支持、反对或共同提出提案；观察员和顾问在此跟进提案。
neg-act-by-decision = 根据本进程的规则，提案只能通过决定纳入或移出案文：提议以协商一致方式通过该提案，或在
neg-act-meeting = 会议
neg-act-or-start = 上将其付诸表决，或启动
neg-act-silence = 默许程序
neg-full-stop = 。
neg-comma = {"，"}
neg-colon = {"："}
neg-act-agree-confirm = 将 P-{ $id } 纳入案文？将生成新的版本。
neg-act-agree = 纳入案文（非正式磋商）
neg-act-reject-confirm = 否决 P-{ $id }？
neg-act-reject = 否决
neg-log-in-to-act = 以支持、反对或共同提出提案。

## 滚动案文

neg-clean-text-suffix = ，清洁案文
neg-rolling-of-version = 版本 { $version } 的滚动案文
neg-proposals-of-suffix = ，提案方
neg-symbol-label = 文号：
neg-progress = 进展
neg-fig-brackets-replaced = 被取代时的方括号
neg-fig-brackets-now = 当前方括号
neg-fig-options-replaced = 被取代时的备选案文
neg-fig-options-now = 当前备选案文
neg-fig-open-proposals-of = 待决提案，提案方
neg-views = 视图
neg-view-all = 全部
neg-view-clean = 清洁案文
neg-view-versions = 版本和修订对照
neg-view-decisions = 规则和决定
neg-markdown-of-version = 版本 { $version } 的 Markdown 格式
neg-akn-of-version = 版本 { $version } 的 Akoma Ntoso 格式
neg-word-of-version = 版本 { $version } 的 Word 格式
neg-rolling-akn = Akoma Ntoso 格式滚动案文
neg-rolling-word-footnotes = Word 格式滚动案文（成员列于脚注）
neg-rolling-word-inline = Word 格式滚动案文（成员列于正文）
neg-compilation-word = Word 格式提案汇编
neg-print = 打印
neg-filter-member = 仅显示以下成员的提案
neg-filter-every-member = 所有成员
neg-filter-my-delegation = { $member }（本代表团）
neg-filter-show = 显示
neg-outdated-banner = 已过时的提案（其引用的案文已更改；由提案方重新锚定）：
neg-symbol = 文号
neg-symbol-none = 该进程尚无文号。
neg-symbol-issued-as = 该进程的印发文号为
neg-symbol-revisions = 已命名的修订本以该文号加 /Rev.1、/Rev.2…… 印发
neg-symbol-set = 设定文号
neg-text = 案文
neg-new-article-in = 新的一条，提议见
neg-new-in = 新增，提议见
neg-provision-link = { $provision }：提案、历史和案文出处
neg-provision-counts = { $brackets } 处方括号，{ $options } 个备选案文
neg-propose = 提议
neg-redline-title = 修订对照 { $from } → { $to }
neg-redline-heading = 版本 { $from } 至版本 { $to } 的修订对照
neg-redline-changed = { $count } 个条款有更改
neg-redline-inserted = 插入的词语
neg-redline-and = 和
neg-redline-deleted = 删除的词语
neg-redline-marked = 均已标出。
neg-redline-word = 下载为 Word 文件，含可接受或拒绝的修订
neg-from = 从
neg-redline-new = （新增）
neg-redline-deleted-provision = （已删除）

## 页面组成的词语

neg-option-original = 原案文
neg-summary-insert-words =
    { $position ->
        [before] 在“{ $quote }”之前插入“{ $text }”
       *[after] 在“{ $quote }”之后插入“{ $text }”
    }
neg-summary-replace-words = 将“{ $quote }”替换为“{ $text }”
neg-summary-delete-words = 删除“{ $quote }”
neg-summary-insert-provision =
    { $position ->
        [before] 在{ $provision }之前插入：“{ $text }”
       *[after] 在{ $provision }之后插入：“{ $text }”
    }
neg-summary-replace-provision = 将该条款替换为“{ $text }”
neg-summary-replace-heading = 将{ $provision }的标题替换为“{ $heading }”
neg-summary-delete-provision = 删除{ $provision }
neg-kind-replace-words = 替换词语
neg-kind-insert-words = 插入词语
neg-kind-delete-words = 删除词语
neg-kind-replace-provision = 替换条款
neg-kind-insert-provision = 插入条款
neg-kind-delete-provision = 删除条款
neg-kind-replace-heading = 替换标题
neg-status-tabled = 已提交
neg-status-withdrawn = 已撤回
neg-status-merged = 已合并
neg-status-agreed = 已商定
neg-status-rejected = 已否决
neg-label-recital = 序言部分第{ $num }段
neg-label-chapter = 第{ $num }章
neg-label-article = 第{ $num }条
neg-label-paragraph = 第{ $num }款
neg-label-point = ({ $num })项
neg-label-separator = {""}
neg-origin-zero-draft = 零草案
neg-origin-chair-text = 主席案文
neg-origin-by = { $member } 提出的 P-{ $proposal }
neg-origin-adopted =
    { $method ->
        [consensus] { $by }，经第 { $decision } 号决定通过（协商一致）
        [silence] { $by }，经第 { $decision } 号决定通过（默许程序）
       *[vote] { $by }，经第 { $decision } 号决定通过（表决）
    }
neg-origin-agreed = { $by }，由主席在非正式磋商中商定
neg-cause-zero-draft = 零草案
neg-cause-chair-text = 主席案文
neg-cause-agreed = P-{ $proposal } 已商定
neg-cause-confirmed = 第 { $decision } 号决定已确认
neg-cause-adopted =
    { $method ->
        [consensus] 第 { $decision } 号决定：以协商一致方式通过
        [silence] 第 { $decision } 号决定：按默许程序通过
       *[vote] 第 { $decision } 号决定：经表决通过
    }
neg-cause-not-adopted = 第 { $decision } 号决定：经表决未获通过
neg-cited-statement = 摘自磋商 { $consultation } 的陈述 { $statement }（“{ $text }”，/consultations/{ $consultation }）。

## 关于提案的决定（一行）

neg-decision-instrument = 该文书
neg-decision-process = 进程 { $process }
neg-decision-process-on-version = 进程 { $process }，依据版本 { $version }
neg-decision-process-adopted-version = 进程 { $process }，通过版本 { $version }
neg-decision-subject = 关于{ $target }的第 { $id } 号决定（{ $process }）
neg-outcome-adopted = 通过
neg-outcome-not-adopted = 未获通过
neg-outcome-agreed-ad-referendum = 待核准商定
neg-decision-tally = — 赞成 { $yes } 票，反对 { $no } 票，弃权 { $abstain } 票
neg-decision-required = ；所需 { $required } 票
neg-decision-line =
    { $method ->
        [consensus] { $subject }，以协商一致方式：{ $outcome }
        [silence] { $subject }，按默许程序：{ $outcome }
       *[vote] { $subject }，经表决：{ $outcome }
    }
neg-decision-entry = { $line }（记录条目 { $entry }）
neg-papers = 会议室文件
neg-papers-lede = 秘书处将滚动案文或提案汇编作为会议室文件以其自身文号印发；文件一经印发即保持原样，不随此后的任何变动而改变。
neg-papers-none = 尚未印发会议室文件。
neg-paper-col-kind = 文件
neg-paper-current = （现行案文）
neg-paper-kind-rolling_text = 滚动案文
neg-paper-kind-compilation = 提案汇编
neg-paper-issue = 作为会议室文件印发（第 { $version } 版）
