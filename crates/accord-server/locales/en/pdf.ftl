# PDF documents: the words Accord prints besides the record's (the masthead's
# labels, the numbering of provisions, who is behind an option), and the links
# to them.

pdf-distribution-limited = Distr.: Limited
pdf-distribution-general = Distr.: General
pdf-original = Original: { $language }
pdf-language-ar = Arabic
pdf-language-zh = Chinese
pdf-language-en = English
pdf-language-fr = French
pdf-language-ru = Russian
pdf-language-es = Spanish
pdf-chapter = Chapter { $num }
pdf-article = Article { $num }
pdf-counts = Brackets: { $brackets }; options: { $options }
pdf-proposed-in = (proposed in { $proposals })
pdf-original-text = Original text
pdf-supported-by = Supported by { $members }
pdf-proposed-by = Proposed in { $proposals }
pdf-version = version { $number }
pdf-rolling-title = { $title } (rolling text on { $version })
pdf-no-session = No session recorded
pdf-no-agenda-item = No agenda item recorded
pdf-of-version = PDF of version { $version }
pdf-rolling = Rolling text in PDF
pdf-rolling-lines = Rolling text in PDF, lines numbered
