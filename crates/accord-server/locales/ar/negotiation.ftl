# صفحات المفاوضات: العمليات، والنص المتجدد، والأحكام، والمقترحات،
# والنسخ والمقارنات.

neg-negotiations = المفاوضات
neg-nothing-changed = لم يُغيَّر شيء.

## قائمة العمليات

neg-processes-lede = كل عملية هي مفاوضات واحدة: نصها، والمقترحات الرامية إلى تعديله، والنسخ التي مرّ بها.
neg-processes-none = لم تُفتح أي عملية بعد.
neg-col-process = العملية
neg-col-version = النسخة
neg-col-open-proposals = المقترحات المعلّقة
neg-col-brackets = الأقواس المعقوفة
neg-col-options = الخيارات
neg-processes-outdated =
    { $count ->
        [zero] (لا مقترحات متقادمة)
        [one] (مقترح واحد متقادم)
        [two] (مقترحان متقادمان)
        [few] ({ $count } مقترحات متقادمة)
        [many] ({ $count } مقترحًا متقادمًا)
       *[other] ({ $count } مقترح متقادم)
    }
neg-open-heading = فتح عملية بمسودتها الأولية
neg-md-hint-start = اكتب المسودة بلغة Markdown:
neg-md-hint-then = ثم
neg-md-hint-recitals = مع فقرة ديباجة واحدة في كل فقرة،
neg-md-hint-paragraphs = وفقرات مرقّمة
neg-md-hint-points = وبنود
neg-md-hint-end = كلٌّ في سطر مستقل. تُرفض المسودة غير السليمة مع بيان السطر والسبب.
neg-open-title = العنوان
neg-open-zero-draft = المسودة الأولية
neg-open-submit = فتح العملية

## النسخ والمقارنات

neg-versions = النسخ
neg-versions-lede = يمكن قراءة كل نسخة؛ ويمكن مقارنة أي نسختين كلمةً بكلمة. وتُحسب الأقواس المعقوفة والخيارات في كل نسخة سابقة على حالها عندما حلّت محلها النسخة التالية.
neg-redline-from = المقارنة من
neg-redline-to = إلى
neg-only-changed = ما تغيّر فقط
neg-compare = مقارنة
neg-col-made-by = المصدر
neg-col-brackets-options = الأقواس المعقوفة · الخيارات
neg-col-entry = القيد
neg-col-when = التاريخ
neg-col-links = الروابط
neg-counts-now = (حاليًا)
neg-counts-when-replaced = (عند الاستبدال)
neg-read = قراءة
neg-redline = مقارنة
neg-redline-in-word = المقارنة بصيغة Word
neg-revision-heading = إصدار تنقيح
neg-revision-named = النسخة { $version } مسمّاة بالفعل. اتفقوا على تغيير أولًا.
neg-revision-name = اسم النسخة { $version }
neg-revision-issue = إصدار

## الحكم

neg-version = النسخة { $version }
neg-version-lower = النسخة { $version }
neg-zero-draft-name = المسودة الأولية
neg-provision-text = النص
neg-provision-select-hint = حدّد كلمات في النص أدناه لاقتراح تغييرها.
neg-provision-keyboard-hint = باستخدام لوحة المفاتيح: اضغط Tab للانتقال إلى النص، ثم تنقّل مفاتيح الأسهم كلمةً كلمة، ويحدّد مفتاح Shift مع مفتاح سهم.
neg-provision-with-proposals = مع المقترحات المعلّقة
neg-chapter-num = الفصل { $num }
neg-article-num = المادة { $num }
neg-chair-text-summary = الاستعاضة عن هذين القوسين بنص من الرئيس
neg-chair-text-label = نص الرئيس بدلًا من الخيارات
neg-chair-text-submit = تقديم نص الرئيس
neg-propose-heading = اقتراح تغيير باسم { $member }
neg-propose-change = التغيير
neg-propose-replace-words = استبدال كلمات
neg-propose-insert-words = إدراج كلمات
neg-propose-delete-words = حذف كلمات
neg-propose-replace-provision =
    { $kind ->
        [recital] استبدال فقرة الديباجة بأكملها
        [chapter] استبدال الفصل بأكمله
        [article] استبدال المادة بأكملها
        [paragraph] استبدال الفقرة بأكملها
       *[point] استبدال البند بأكمله
    }
neg-propose-replace-heading = استبدال العنوان
neg-propose-insert-provision =
    { $kind ->
        [recital] إدراج فقرة ديباجة جديدة بجانب هذه الفقرة
        [chapter] إدراج فصل جديد بجانب هذا الفصل
        [article] إدراج مادة جديدة بجانب هذه المادة
        [paragraph] إدراج فقرة جديدة بجانب هذه الفقرة
       *[point] إدراج بند جديد بجانب هذا البند
    }
neg-propose-delete-provision =
    { $kind ->
        [recital] حذف فقرة الديباجة هذه
        [chapter] حذف هذا الفصل
        [article] حذف هذه المادة
        [paragraph] حذف هذه الفقرة
       *[point] حذف هذا البند
    }
neg-propose-quote = الكلمات، كما وردت في النص تمامًا
neg-which-occurrence = أيّ موضع
neg-propose-occurrence-hint = (إذا وردت الكلمات أكثر من مرة: 1، 2، ...)
neg-propose-where = الموضع
neg-propose-after = بعد
neg-propose-before = قبل
neg-propose-heading-label = العنوان
neg-propose-heading-hint-article = (لمادة جديدة)
neg-propose-heading-hint-either =
    { $kind ->
        [recital] (لمادة جديدة، أو العنوان الجديد لفقرة الديباجة هذه)
        [chapter] (لمادة جديدة، أو العنوان الجديد لهذا الفصل)
        [article] (لمادة جديدة، أو العنوان الجديد لهذه المادة)
        [paragraph] (لمادة جديدة، أو العنوان الجديد لهذه الفقرة)
       *[point] (لمادة جديدة، أو العنوان الجديد لهذا البند)
    }
neg-propose-text = الكلمات الجديدة
neg-propose-text-hint = (مادة جديدة: فقراتها، مرقّمة 1.، 2.، ...)
neg-justification = المبررات
neg-propose-submit = تقديم المقترح
neg-log-in = سجّل الدخول
neg-log-in-to-propose = بصفتك مندوبًا لعضو لاقتراح تغيير.
neg-only-members-table = لا يقدّم المقترحات إلا رؤساء الوفود ومندوبو الأعضاء ذوي صفة العضو؛ ويتابعها المراقبون والمستشارون هنا.
neg-proposals = المقترحات
neg-no-proposal-here =
    { $kind ->
        [recital] لا يتعلق أي مقترح بفقرة الديباجة هذه.
        [chapter] لا يتعلق أي مقترح بهذا الفصل.
        [article] لا يتعلق أي مقترح بهذه المادة.
        [paragraph] لا يتعلق أي مقترح بهذه الفقرة.
       *[point] لا يتعلق أي مقترح بهذا البند.
    }
neg-col-proposal = المقترح
neg-col-change = التغيير
neg-col-behind = المؤيدون
neg-col-objecting = المعترضون
neg-col-status = الحالة
neg-outdated = متقادم
neg-who-wrote = من صاغ هذا النص
neg-the-decision = المقرر
neg-entry = القيد رقم { $entry }
neg-history = السجل التاريخي
neg-redline-from-zero = المقارنة بالمسودة الأولية

## المقترح

neg-proposal-title = المقترح P-{ $id }
neg-proposal-by = مقدَّم من
neg-fact-kind = النوع
neg-fact-anchored = مستند إلى
neg-as-amendment = بوصفه تعديلًا (Akoma Ntoso)
neg-fact-tabled = التقديم
neg-tabled-by = قدّمه
neg-tabled-for = باسم
neg-fact-cosponsors = المقدمون المشاركون
neg-fact-support = التأييد
neg-fact-objections = الاعتراضات
neg-none = لا أحد
neg-fact-result = النتيجة
neg-fact-decided = البت
neg-agreed-informally = (اتفق عليه الرئيس في المشاورات غير الرسمية)
neg-fact-decisions = المقررات
neg-all-decisions = جميع المقررات
neg-receipt = تنزيل إيصال القيد الذي قُدّم به
neg-act-heading = الإجراءات بشأنه
neg-act-support = التأييد باسم { $member }
neg-act-object = الاعتراض باسم { $member }
neg-act-uncosponsor = الانسحاب من المقدمين المشاركين
neg-act-cosponsor = المشاركة في التقديم
neg-act-withdraw-confirm = سحب P-{ $id }؟ يُسجَّل ذلك ولا يمكن التراجع عنه.
neg-act-withdraw = سحب
neg-act-provision-gone = الحكم الذي كان يتعلق به لم يعد في النص: اسحبه وقدّم مقترحًا جديدًا حيث يحتاجه النص الآن.
neg-act-words-changed = تغيّرت الكلمات التي استشهد بها. أعد إرساءه على أحدث نسخة:
neg-act-reanchor-quote = الكلمات، كما هي الآن
neg-act-reanchor = إعادة الإرساء
neg-act-provision-changed = تغيّرت كلمات الحكم منذ تقديم هذه الصياغة الجديدة. اقرأ الحكم كما هو الآن؛ وإذا كان ينبغي أن تحل الصياغة الجديدة محله، فأكّدها على أحدث نسخة:
neg-act-confirm = التأكيد على أحدث نسخة
neg-only-members-act = لا يؤيد المقترحات أو يعترض عليها أو يشارك في تقديمها إلا رؤساء الوفود ومندوبو الأعضاء ذوي صفة العضو؛ ويتابعها المراقبون والمستشارون هنا.
neg-act-by-decision = بموجب قواعد هذه العملية، لا يدخل المقترح في النص، أو يخرج منه، إلا بمقرر: اقترح اعتماده بتوافق الآراء أو اطرحه للتصويت في
neg-act-meeting = جلسة
neg-act-or-start = ، أو ابدأ
neg-act-silence = إجراء الموافقة الصامتة
neg-full-stop = .
neg-comma = {"، "}
neg-colon = {": "}
neg-act-agree-confirm = إدراج P-{ $id } في النص؟ تُنشأ نسخة جديدة.
neg-act-agree = الإدراج في النص (المشاورات غير الرسمية)
neg-act-reject-confirm = رفض P-{ $id }؟
neg-act-reject = رفض
neg-log-in-to-act = للتأييد أو الاعتراض أو المشاركة في التقديم.

## النص المتجدد

neg-clean-text-suffix = ، النص النظيف
neg-rolling-of-version = النص المتجدد للنسخة { $version }
neg-proposals-of-suffix = ، مقترحات
neg-symbol-label = رمز الوثيقة:
neg-progress = التقدم المحرز
neg-fig-brackets-replaced = الأقواس المعقوفة عند الاستبدال
neg-fig-brackets-now = الأقواس المعقوفة حاليًا
neg-fig-options-replaced = الخيارات عند الاستبدال
neg-fig-options-now = الخيارات حاليًا
neg-fig-open-proposals-of = المقترحات المعلّقة المقدمة من
neg-views = طرق العرض
neg-view-all = الكل
neg-view-clean = النص النظيف
neg-view-versions = النسخ والمقارنات
neg-view-decisions = القواعد والمقررات
neg-markdown-of-version = النسخة { $version } بصيغة Markdown
neg-akn-of-version = النسخة { $version } بصيغة Akoma Ntoso
neg-word-of-version = النسخة { $version } بصيغة Word
neg-rolling-akn = النص المتجدد بصيغة Akoma Ntoso
neg-rolling-word-footnotes = النص المتجدد بصيغة Word (الأعضاء في الحواشي)
neg-rolling-word-inline = النص المتجدد بصيغة Word (الأعضاء في المتن)
neg-compilation-word = تجميع المقترحات بصيغة Word
neg-print = طباعة
neg-filter-member = مقترحات هذا العضو فقط
neg-filter-every-member = جميع الأعضاء
neg-filter-my-delegation = { $member } (وفدي)
neg-filter-show = عرض
neg-outdated-banner = مقترحات متقادمة (تغيّر النص الذي تستشهد به؛ ويعيد مقدموها إرساءها):
neg-symbol = رمز الوثيقة
neg-symbol-none = ليس للعملية رمز وثيقة بعد.
neg-symbol-issued-as = تصدر العملية تحت الرمز
neg-symbol-revisions = تصدر التنقيحات المسمّاة تحت الرمز متبوعًا بـ /Rev.1، /Rev.2…
neg-symbol-set = تحديد الرمز
neg-text = النص
neg-new-article-in = مادة جديدة مقترحة في
neg-new-in = جديد، مقترح في
neg-provision-link = { $provision }: المقترحات والسجل التاريخي ومن صاغ النص
neg-provision-counts =
    { $brackets ->
        [zero] لا أقواس
        [one] قوس واحد
        [two] قوسان
        [few] { $brackets } أقواس
        [many] { $brackets } قوسًا
       *[other] { $brackets } قوس
    }، { $options ->
        [zero] لا خيارات
        [one] خيار واحد
        [two] خياران
        [few] { $options } خيارات
        [many] { $options } خيارًا
       *[other] { $options } خيار
    }
neg-propose = اقتراح
neg-redline-title = المقارنة { $from } ← { $to }
neg-redline-heading = المقارنة من النسخة { $from } إلى النسخة { $to }
neg-redline-changed =
    { $count ->
        [zero] لم يتغيّر أي حكم
        [one] تغيّر حكم واحد
        [two] تغيّر حكمان
        [few] تغيّرت { $count } أحكام
        [many] تغيّر { $count } حكمًا
       *[other] تغيّر { $count } حكم
    }
neg-redline-inserted = الكلمات المدرجة
neg-redline-and = و
neg-redline-deleted = الكلمات المحذوفة
neg-redline-marked = مميَّزة.
neg-redline-word = التنزيل بصيغة Word، مع تعقّب التغييرات لقبولها أو رفضها
neg-from = من
neg-redline-new = (جديد)
neg-redline-deleted-provision = (محذوف)

## الكلمات التي تؤلفها الصفحات

neg-option-original = النص الأصلي
neg-summary-insert-words =
    { $position ->
        [before] إدراج «{ $text }» قبل «{ $quote }»
       *[after] إدراج «{ $text }» بعد «{ $quote }»
    }
neg-summary-replace-words = الاستعاضة عن «{ $quote }» بـ «{ $text }»
neg-summary-delete-words = حذف «{ $quote }»
neg-summary-insert-provision =
    { $position ->
        [before] الإدراج قبل { $provision }: «{ $text }»
       *[after] الإدراج بعد { $provision }: «{ $text }»
    }
neg-summary-replace-provision = الاستعاضة عن الحكم بـ «{ $text }»
neg-summary-replace-heading = الاستعاضة عن عنوان { $provision } بـ «{ $heading }»
neg-summary-delete-provision = حذف { $provision }
neg-kind-replace-words = استبدال كلمات
neg-kind-insert-words = إدراج كلمات
neg-kind-delete-words = حذف كلمات
neg-kind-replace-provision = استبدال الحكم
neg-kind-insert-provision = إدراج حكم
neg-kind-delete-provision = حذف الحكم
neg-kind-replace-heading = استبدال العنوان
neg-status-tabled = مقدَّم
neg-status-withdrawn = مسحوب
neg-status-merged = مدمج
neg-status-agreed = متفق عليه
neg-status-rejected = مرفوض
neg-label-recital = فقرة الديباجة { $num }
neg-label-chapter = الفصل { $num }
neg-label-article = المادة { $num }
neg-label-paragraph = الفقرة { $num }
neg-label-point = البند ({ $num })
neg-label-separator = {"، "}
neg-origin-zero-draft = المسودة الأولية
neg-origin-chair-text = نص الرئيس
neg-origin-by = P-{ $proposal } المقدَّم من { $member }
neg-origin-adopted =
    { $method ->
        [consensus] { $by }، اعتُمد بالمقرر { $decision } (بتوافق الآراء)
        [silence] { $by }، اعتُمد بالمقرر { $decision } (بإجراء الموافقة الصامتة)
       *[vote] { $by }، اعتُمد بالمقرر { $decision } (بالتصويت)
    }
neg-origin-agreed = { $by }، اتفق عليه الرئيس في المشاورات غير الرسمية
neg-cause-zero-draft = المسودة الأولية
neg-cause-chair-text = نص الرئيس
neg-cause-agreed = الاتفاق على P-{ $proposal }
neg-cause-confirmed = تأكيد المقرر { $decision }
neg-cause-adopted =
    { $method ->
        [consensus] المقرر { $decision }: اعتُمد بتوافق الآراء
        [silence] المقرر { $decision }: اعتُمد بإجراء الموافقة الصامتة
       *[vote] المقرر { $decision }: اعتُمد بالتصويت
    }
neg-cause-not-adopted = المقرر { $decision }: لم يُعتمد بالتصويت
neg-cited-statement = مأخوذ من البيان { $statement } في المشاورة { $consultation } («{ $text }»، /consultations/{ $consultation }).

## مقرر بشأن مقترح، في سطر واحد

neg-decision-instrument = الصك
neg-decision-process = العملية { $process }
neg-decision-process-on-version = العملية { $process }، بشأن النسخة { $version }
neg-decision-process-adopted-version = العملية { $process }، اعتُمدت النسخة { $version }
neg-decision-subject = المقرر { $id } بشأن { $target } ({ $process })
neg-outcome-adopted = اعتُمد
neg-outcome-not-adopted = لم يُعتمد
neg-outcome-agreed-ad-referendum = اتُّفق عليه رهنًا بالاستشارة
neg-decision-tally = — المؤيدون { $yes }، المعارضون { $no }، الممتنعون { $abstain }
neg-decision-required = ؛ العدد المطلوب { $required }
neg-decision-line =
    { $method ->
        [consensus] { $subject }، بتوافق الآراء: { $outcome }
        [silence] { $subject }، بإجراء الموافقة الصامتة: { $outcome }
       *[vote] { $subject }، بالتصويت: { $outcome }
    }
neg-decision-entry = { $line } (القيد { $entry })
neg-papers = ورقات غرفة الاجتماعات
neg-papers-lede = تصدر الأمانة النص المتجدد أو تجميع المقترحات ورقةً من ورقات غرفة الاجتماعات تحت رمز خاص بها؛ وتبقى الورقة كما صدرت مهما تغيّر بعد ذلك.
neg-papers-none = لم تصدر أي ورقة من ورقات غرفة الاجتماعات.
neg-paper-col-kind = الورقة
neg-paper-current = (النص الحالي)
neg-paper-kind-rolling_text = النص المتجدد
neg-paper-kind-compilation = تجميع المقترحات
neg-paper-issue = الإصدار ورقةً من ورقات غرفة الاجتماعات (النسخة { $version })
