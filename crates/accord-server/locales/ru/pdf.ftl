# Документы PDF: слова, которые Accord печатает помимо слов из реестра
# (обозначения в шапке документа, нумерация положений, кто поддерживает
# вариант), и ссылки на эти документы.

pdf-distribution-limited = Distr.: Limited
pdf-distribution-general = Distr.: General
pdf-original = Язык оригинала: { $language }
pdf-language-ar = арабский
pdf-language-zh = китайский
pdf-language-en = английский
pdf-language-fr = французский
pdf-language-ru = русский
pdf-language-es = испанский
pdf-chapter = Глава { $num }
pdf-article = Статья { $num }
pdf-counts = Квадратные скобки: { $brackets }; варианты: { $options }
pdf-proposed-in = (предложено в { $proposals })
pdf-original-text = Исходный текст
pdf-supported-by = При поддержке: { $members }
pdf-proposed-by = Предложено в { $proposals }
pdf-version = версия { $number }
pdf-rolling-title = { $title } (сводный текст на основе: { $version })
pdf-no-session = Сессия не указана
pdf-no-agenda-item = Пункт повестки дня не указан
pdf-of-version = PDF версии { $version }
pdf-rolling = Сводный текст в PDF
pdf-rolling-lines = Сводный текст в PDF с нумерацией строк
