# صفحات الأعضاء وأعضاء المكتب: القائمة، والقبول، وصفحة العضو (الوفد، ومفاتيح التوقيع، والاعتماد، والصفة)، وأعضاء المكتب، وإعادة تعيين كلمة المرور.

ppl-members-title = الأعضاء
ppl-members-heading = الأعضاء والمراقبون
ppl-breadcrumb = الأعضاء
ppl-admit-heading = قبول عضو أو مراقب
ppl-kind = النوع
ppl-status = الصفة
ppl-code = الرمز
ppl-name = الاسم
ppl-role = الدور
ppl-id = المعرّف
ppl-email = البريد الإلكتروني
ppl-label = التسمية
ppl-actions = الإجراءات
ppl-of = —
ppl-filter-all = الكل
ppl-filter-states = الدول
ppl-filter-organisations = المنظمات
ppl-filter-members = الأعضاء
ppl-filter-observers = المراقبون
ppl-filter-q = الاسم أو الرمز
ppl-filter = تصفية
ppl-shown = المعروض: { $shown } من أصل { $total }
ppl-tag-suspended = معلَّق
ppl-no-match = لا يطابق أي عضو عامل التصفية هذا.
ppl-nothing-changed = لم يتغير شيء.

ppl-kind-state = دولة
ppl-kind-organisation = منظمة
ppl-status-member = عضو
ppl-status-observer = مراقب
ppl-category-intergovernmental_organisation = منظمة حكومية دولية
ppl-category-ngo = منظمة غير حكومية
ppl-category-private_sector = القطاع الخاص
ppl-category-academia = الأوساط الأكاديمية
ppl-category-technical_community = الأوساط التقنية
ppl-category-individual = فرد

ppl-suspended = معلَّق
ppl-no-reason = لم يُذكر سبب
ppl-admitted-by = قيد القبول
ppl-entry = القيد رقم { $index }
ppl-signatures = التوقيعات
ppl-sig-required = مطلوبة
ppl-sig-required-since = على كل إجراء يُتخذ باسمه، منذ
ppl-sig-required-keys =
    { $count ->
        [zero] (لا مفاتيح توقيع نشطة): لا يستطيع المضيف تسجيل إجراء باسم { $code } لم يوقّعه وفده
        [one] (مفتاح توقيع نشط واحد): لا يستطيع المضيف تسجيل إجراء باسم { $code } لم يوقّعه وفده
        [two] (مفتاحا توقيع نشطان): لا يستطيع المضيف تسجيل إجراء باسم { $code } لم يوقّعه وفده
        [few] ({ $count } مفاتيح توقيع نشطة): لا يستطيع المضيف تسجيل إجراء باسم { $code } لم يوقّعه وفده
        [many] ({ $count } مفتاح توقيع نشطًا): لا يستطيع المضيف تسجيل إجراء باسم { $code } لم يوقّعه وفده
       *[other] ({ $count } مفتاح توقيع نشط): لا يستطيع المضيف تسجيل إجراء باسم { $code } لم يوقّعه وفده
    }
ppl-sig-no-key = لم يُسجَّل أي مفتاح توقيع؛ تُسجَّل الإجراءات دون توقيع
ppl-sig-optional =
    { $count ->
        [zero] لا مفاتيح توقيع نشطة؛ لا تزال الإجراءات غير الموقّعة مقبولة
        [one] مفتاح توقيع نشط واحد؛ لا تزال الإجراءات غير الموقّعة مقبولة
        [two] مفتاحا توقيع نشطان؛ لا تزال الإجراءات غير الموقّعة مقبولة
        [few] { $count } مفاتيح توقيع نشطة؛ لا تزال الإجراءات غير الموقّعة مقبولة
        [many] { $count } مفتاح توقيع نشطًا؛ لا تزال الإجراءات غير الموقّعة مقبولة
       *[other] { $count } مفتاح توقيع نشط؛ لا تزال الإجراءات غير الموقّعة مقبولة
    }
ppl-delegation = الوفد
ppl-no-delegate = لا يوجد مندوب معتمد.
ppl-withdraw-confirm = سحب اعتماد { $name }؟ يُسجَّل هذا ولا يمكن التراجع عنه.
ppl-withdraw = سحب الاعتماد
ppl-reset-confirm = إعادة تعيين كلمة مرور { $name }؟ تنتهي جلسات عمله وتُلغى رموز API الخاصة به.
ppl-reset = إعادة تعيين كلمة المرور
ppl-keys = مفاتيح التوقيع
ppl-keys-intro = يوقّع وفد { $code } الإجراءات التي تُتخذ باسمه بمفاتيح Ed25519 هذه، على أجهزته أو في متصفحاته؛ ولا يحوزها المضيف أبدًا. وكل من يعيد تشغيل السجل يتحقق من كل توقيع.
ppl-no-key = لم يُسجَّل أي مفتاح.
ppl-key = المفتاح
ppl-registered = التسجيل
ppl-state = الحالة
ppl-key-revoked-by = أُلغي بموجب
ppl-key-active = نشط
ppl-key-revoke-confirm = إلغاء المفتاح { $key }؟ تُرفض من الآن فصاعدًا الإجراءات الموقّعة به.
ppl-revoke = إلغاء
ppl-key-named = المفتاح { $key }
ppl-key-public = المفتاح العام المراد تسجيله
ppl-key-public-before = (base64، 32 بايت: يُنشأ في متصفح من
ppl-key-public-link = صفحة حسابك
ppl-key-public-after = ، أو بواسطة
ppl-key-label-example = مثلًا: حاسوب رئيس الوفد المحمول، متصفح
ppl-key-register = تسجيل المفتاح
ppl-require-confirm = اشتراط توقيع { $code } على كل إجراء يُتخذ باسمه من الآن فصاعدًا؟ يُسجَّل هذا ولا يمكن التراجع عنه.
ppl-require-text = اعتبارًا من هذا الإعلان، يجب أن يحمل كل إجراء يُتخذ باسم { $code } توقيعًا بأحد مفاتيحه، وإلا رُفض. والإعلان نفسه موقَّع: بمفتاح مسجَّل محفوظ في هذا المتصفح، أو باستخدام
ppl-require = اشتراط توقيع { $code } على كل إجراء
ppl-accredit-heading = اعتماد مندوب
ppl-accredit-intro = يُظهر السجل الاسم والدور؛ ويبقى عنوان البريد الإلكتروني خاصًا.
ppl-already-accredited = (معتمد بالفعل)
ppl-password = كلمة المرور
ppl-password-optional = (اختيارية؛ اتركها فارغة للحصول على كلمة مرور أولية لمرة واحدة)
ppl-accredit = اعتماد
ppl-to-observer = التحويل إلى مراقب
ppl-to-member = التحويل إلى عضو
ppl-reinstate = إنهاء التعليق
ppl-suspend-reason = سبب التعليق (يُسجَّل علنًا)
ppl-suspend = تعليق { $code }

ppl-accredited = ({ $id }) معتمد الآن. القيد موجود في السجل.
ppl-give-details-before = سلِّم بيانات الدخول هذه إلى
ppl-give-details-after = بصورة سرية. لا تظهر كلمة المرور إلا الآن؛ وهي صالحة مرة واحدة لاختيار كلمة مرور خاصة.
ppl-initial-password = كلمة المرور الأولية
ppl-log-in-with-before = يسجّل الدخول باستخدام
ppl-log-in-with-after = وكلمة المرور التي حددتها.

ppl-admit-title = قبول عضو
ppl-code-hint = للدولة، رمزها وفق المعيار ISO 3166-1 alpha-3 ‏(BRA، KEN، CHN). وللمنظمة، رمز قصير من 2 إلى 16 حرفًا أو رقمًا أو شرطة (ICRC).
ppl-name-hint = (للدولة، اتركه فارغًا لاستخدام اسمها المختصر وفق ISO)
ppl-category = الفئة
ppl-category-hint = (للمنظمات)
ppl-admit-member = عضو (يصوّت ويشارك في توافق الآراء)
ppl-admit-observer = مراقب (يتكلم حين يأذن الرئيس؛ لا يصوّت)
ppl-admit = قبول

ppl-officers-title = أعضاء المكتب
ppl-officers-heading = أعضاء مكتب المنتدى
ppl-officers-lede = تدير الأمانة المنتدى؛ ويوجّه الرئيس ونواب الرئيس والميسّرون المشاركون المفاوضات.
ppl-end-appointment-confirm = إنهاء تعيين { $name }؟ يُسجَّل هذا ولا يمكن التراجع عنه.
ppl-end-appointment = إنهاء التعيين
ppl-appoint-heading = تعيين عضو في المكتب
ppl-appoint = تعيين

ppl-reset-title = إعادة تعيين كلمة المرور
ppl-reset-before = أُعيد تعيين كلمة مرور
ppl-reset-after = ({ $id }): انتهت جلسات عمله، وأُلغيت رموز API الخاصة به، وأُزيلت فترات الانتظار الناجمة عن محاولات الدخول الفاشلة إلى حسابه. سلِّمه كلمة المرور الأولية هذه بصورة سرية؛ فهي لا تظهر إلا الآن وصالحة مرة واحدة لاختيار كلمة مرور خاصة.
ppl-back-home = العودة إلى الصفحة الرئيسية
