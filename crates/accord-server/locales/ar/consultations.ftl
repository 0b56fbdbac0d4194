# المشاورات: القائمة، والمشاورة (المشاركة والنتائج والبيانات واستمارات
# الأمانة)، والإشراف، وخريطة الآراء.

cons-nothing-changed = لم يُغيَّر شيء.

## القائمة

cons-title = المشاورات
cons-intro = يجوز لأي شخص المشاركة في مشاورة مفتوحة: تصوّت الوفود والمنظمات وأفراد الجمهور بالموافقة أو عدم الموافقة أو التخطي على بيانات قصيرة، ويضيفون بياناتهم. يظهر المشاركون في السجل باسم مستعار، لا بأسمائهم أبدًا.
cons-none-open = لم تُفتح أي مشاورة بعد.
cons-col-consultation = المشاورة
cons-col-status = الحالة
cons-col-participants = المشاركون
cons-col-statements = البيانات
cons-col-on = بشأن
cons-status-open = مفتوحة
cons-status-closed = مغلقة
cons-process-lower = العملية { $id }
cons-open-a-consultation = فتح مشاورة
cons-field-title = العنوان
cons-field-question = السؤال المطروح على المشاركين
cons-field-process = بشأن نص
cons-no-process = بلا عملية
cons-process-number = العملية { $id }
cons-field-provisions = الأحكام (معرّفات eId مفصولة بفواصل؛ فارغ: النص بأكمله)
cons-open = فتح

## الإشعارات بعد إجراء

cons-notice-opened = المشاورة مفتوحة. أضيفوا إليها بيانات أدناه.
cons-notice-joined = انضممتم. صوّتوا على البيانات واحدًا تلو الآخر.
cons-notice-key = يستخدم هذا المتصفح الآن مفتاح المشاركة الخاص بكم.
cons-notice-voted = سُجّل تصويتكم.
cons-notice-written = سُجّل بيانكم؛ ويُعرض بعد أن تقبله الأمانة.
cons-notice-seeded = أُضيف البيان.
cons-notice-closed = أُغلقت المشاورة.
cons-notice-published = نُشر التحليل في السجل.

## المشاورة

cons-consultation-number = المشاورة { $id }
cons-participants-count =
    { $count ->
        [zero] { $count } مشارك
        [one] مشارك واحد ({ $count })
        [two] مشاركان ({ $count })
        [few] { $count } مشاركين
        [many] { $count } مشاركًا
       *[other] { $count } مشارك
    }
cons-on-process = بشأن { $process }
cons-take-part = المشاركة
cons-this-is-closed = هذه المشاورة مغلقة.
cons-officers-do-not-take-part = يتولى أعضاء مكتب المنتدى إدارة المشاورات ولا يشاركون فيها.
cons-you-take-part-as = تشاركون بصفتكم المشارك { $participant }.
cons-next-statement = البيان { $id } (المتبقي: { $remaining }):
cons-agree = أوافق
cons-disagree = لا أوافق
cons-pass-unsure = تخطٍّ / غير متأكد
cons-voted-on-every-statement = صوّتم على جميع البيانات المعروضة. عودوا لاحقًا للاطلاع على بيانات جديدة، أو أضيفوا بيانكم.
cons-add-a-statement = إضافة بيان (نقطة قصيرة واحدة يمكن للآخرين الموافقة عليها أو عدم الموافقة)
cons-submit-for-moderation = تقديم للإشراف
cons-your-participant-key = مفتاح المشاركة الخاص بكم (للمشاركة من جهاز آخر)
cons-keep-key-private = احتفظوا بهذا المفتاح سرًّا: من يملكه يصوّت باسمكم.
cons-you-take-part-as-delegation = تشاركون بصفتكم وفدًا؛ ويظهر في السجل اسم مستعار، لا اسمكم أبدًا.
cons-join = الانضمام إلى هذه المشاورة
cons-i-take-part-as = أشارك بصفتي
cons-no-name-asked = لا يُطلب أي اسم أو عنوان: يظهر في السجل اسم مستعار والفئة التي تختارونها. يحتفظ هذا المتصفح بمفتاح يتيح لكم التصويت؛ أما المندوبون فيسجّلون الدخول.
cons-i-have-a-key = لديّ مفتاح مشاركة بالفعل
cons-participant-key = مفتاح المشاركة
cons-use-this-key = استخدام هذا المفتاح في هذا المتصفح
cons-category-delegation = وفد عضو
cons-category-intergovernmental-organisation = منظمة حكومية دولية
cons-category-ngo = منظمة غير حكومية
cons-category-private-sector = القطاع الخاص
cons-category-academia = الأوساط الأكاديمية والبحثية
cons-category-technical-community = الأوساط التقنية
cons-category-public = فرد من الجمهور

## النتائج

cons-what-participants-think = آراء المشاركين
cons-computed-at = حُسب عند حجم السجل { $size }
cons-participants-counted =
    { $count ->
        [one] احتُسب مشارك واحد ({ $count })
        [two] احتُسب مشاركان ({ $count })
        [few] احتُسب { $count } مشاركين
        [many] احتُسب { $count } مشاركًا
       *[other] احتُسب { $count } مشارك
    }
cons-digest = البصمة { $digest }
cons-analysis-as-json = التحليل بصيغة JSON
cons-map-alt = خريطة الآراء: المشاركون المحتسبون ({ $count }) موزعون على { $groups } من مجموعات الرأي، موصوفة في الجداول أدناه
cons-group-heading = المجموعة { $number } (عدد المشاركين: { $size })
cons-nothing-sets-group-apart = لا يوجد بعد بيان يميّز هذه المجموعة.
cons-sets-group-apart-caption = البيانات التي تميّز المجموعة { $number }
cons-col-statement = البيان
cons-col-the-group = المجموعة
cons-col-share = النسبة
cons-group-agrees = توافق
cons-group-disagrees = لا توافق
cons-common-ground = أرضية مشتركة بين المجموعات
cons-no-common-ground = لا يوجد بعد بيان يحظى بتأييد أغلبية كل مجموعة.
cons-col-group-informed-consensus = توافق مرجَّح بالمجموعات
cons-bridging-statements = بيانات التقريب
cons-no-bridging = لا يوجد بعد بيان يقرّب بين المجموعات.
cons-col-bridging-score = درجة التقريب

## البيانات

cons-statements-heading = البيانات ({ $count })
cons-no-statement-yet = لا توجد بيانات بعد.
cons-col-agree = يوافق
cons-col-disagree = لا يوافق
cons-col-pass = تخطٍّ
cons-from-proposal = من P-{ $proposal }
cons-propose-citing = اقتراح تغيير يستشهد بالبيان
cons-cite-on = بشأن
cons-go-to-provision = الانتقال إلى الحكم
cons-published-analyses = التحليلات المنشورة في السجل
cons-anyone-recomputes = يستطيع أي شخص إعادة حسابها من السجل باستخدام { $command }.
cons-published-line = { $entry }: عند حجم السجل { $size }، البصمة { $digest }
cons-entry = القيد { $number }

## الأمانة

cons-secretariat = الأمانة
cons-moderate-statements = الإشراف على البيانات
cons-waiting-count = ({ $count } في الانتظار)
cons-seed-a-statement = إضافة بيان (يُعرض فورًا)
cons-drawn-from-proposal = مأخوذ من مقترح (اختياري، مثل P-3)
cons-add-the-statement = إضافة البيان
cons-publish-analysis = نشر هذا التحليل في السجل
cons-close-confirm = هل تُغلق هذه المشاورة؟ لن يتمكن أحد من الكتابة أو التصويت فيها بعد ذلك.
cons-close-the-consultation = إغلاق المشاورة

## الإشراف

cons-moderation = الإشراف
cons-waiting-heading = في الانتظار ({ $count })
cons-none-waiting = لا يوجد بيان في الانتظار.
cons-statement-number = البيان { $id }
cons-accept-statement = قبول البيان { $id }
cons-reject-statement = رفض البيان { $id }
cons-decided = ما بُتّ فيه
cons-col-text = النص
cons-col-change = تغيير
cons-seed-note = (أوّلي)
cons-moderation-pending = قيد الانتظار
cons-moderation-accepted = مقبول
cons-moderation-rejected = مرفوض
cons-text-not-on-this-server = (النص الذي بصمته SHA-256 هي { $sha256 } غير موجود على هذا الخادم)

## خريطة الآراء (SVG)

cons-map-title = خريطة الآراء للمشاورة { $id }
cons-map-no-groups-desc = لا توجد مجموعات رأي بعد: الأصوات قليلة جدًا.
cons-map-no-groups = لا توجد مجموعات رأي بعد: يلزم مزيد من الأصوات
cons-map-desc = المشاركون المحتسبون ({ $count }) موزعون على { $groups } من مجموعات الرأي: { $sizes }.
cons-map-group-size = المجموعة { $number }: { $size }
cons-map-list-separator = {"، "}
cons-map-group-label = المجموعة { $number } ({ $size })
