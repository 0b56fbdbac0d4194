# وثائق PDF: الكلمات التي يطبعها Accord إضافة إلى ما في السجل (بيانات ترويسة
# الوثيقة، وترقيم الأحكام، ومن يؤيد كل خيار)، والروابط إليها.

pdf-distribution-limited = Distr.: Limited
pdf-distribution-general = Distr.: General
pdf-original = الأصل: { $language }
pdf-language-ar = بالعربية
pdf-language-zh = بالصينية
pdf-language-en = بالإنكليزية
pdf-language-fr = بالفرنسية
pdf-language-ru = بالروسية
pdf-language-es = بالإسبانية
pdf-chapter = الفصل { $num }
pdf-article = المادة { $num }
pdf-counts = الأقواس المعقوفة: { $brackets }؛ الخيارات: { $options }
pdf-proposed-in = (مقترح في { $proposals })
pdf-original-text = النص الأصلي
pdf-supported-by = بتأييد من { $members }
pdf-proposed-by = مقترح في { $proposals }
pdf-version = النسخة { $number }
pdf-rolling-title = { $title } (النص المتجدد على أساس { $version })
pdf-no-session = لم تسجل دورة
pdf-no-agenda-item = لم يسجل بند من جدول الأعمال
pdf-of-version = النسخة { $version } بصيغة PDF
pdf-rolling = النص المتجدد بصيغة PDF
pdf-rolling-lines = النص المتجدد بصيغة PDF، مع ترقيم الأسطر
