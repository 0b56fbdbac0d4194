# PDF 文件：Accord 在记录内容之外印出的文字（文件首页的标注、条款编号、支持各备选
# 案文的成员），以及这些文件的链接。

pdf-distribution-limited = Distr.: Limited
pdf-distribution-general = Distr.: General
pdf-original = 原文：{ $language }
pdf-language-ar = 阿拉伯文
pdf-language-zh = 中文
pdf-language-en = 英文
pdf-language-fr = 法文
pdf-language-ru = 俄文
pdf-language-es = 西班牙文
pdf-chapter = 第{ $num }章
pdf-article = 第{ $num }条
pdf-counts = 方括号：{ $brackets }；备选案文：{ $options }
pdf-proposed-in = （见 { $proposals } 中的提议）
pdf-original-text = 原案文
pdf-supported-by = 支持方：{ $members }
pdf-proposed-by = 见 { $proposals } 中的提议
pdf-version = 版本 { $number }
pdf-rolling-title = { $title }（基于{ $version }的滚动案文）
pdf-no-session = 未记录届会
pdf-no-agenda-item = 未记录议程项目
pdf-of-version = 版本 { $version } 的 PDF 格式
pdf-rolling = PDF 格式滚动案文
pdf-rolling-lines = PDF 格式滚动案文（带行号）
