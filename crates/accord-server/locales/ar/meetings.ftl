# الجلسات والقرارات: الدورات، والجلسة (الحضور وجدول الأعمال والمتكلمون
# والتصويت وتوافق الآراء ومنصة الرئيس)، والمحضر الموجز، والنظام الداخلي
# للعملية وقراراتها.

meet-recorded = سُجّل. القيد مدرج في السجل.
meet-nothing-changed = لم يُغيَّر شيء.

## الدورات والجلسات

meet-sessions-title = الدورات والجلسات
meet-sessions = الدورات
meet-no-session = لم تُفتتح أي دورة بعد.
meet-no-meeting = لم تُحدَّد أي جلسة.
meet-col-meeting = الجلسة
meet-date = التاريخ
meet-place = المكان
meet-col-present = الحاضرون
meet-col-links = الروابط
meet-meeting-number = الجلسة { $number }
meet-summary-link = المحضر الموجز
meet-schedule-meeting = تحديد موعد جلسة
meet-open-session = افتتاح دورة
meet-session-title = العنوان
meet-session-title-example = الدورة الموضوعية الثالثة
meet-open = افتتاح

## الجلسة

meet-summary-record = المحضر الموجز
meet-you-hold-the-console = لديك منصة الرئيس
meet-status-open = الجلسة { $state }.
meet-state-open = مفتوحة
meet-status-closed = الجلسة { $state }.
meet-state-closed = مرفوعة
meet-status-scheduled = لم تُفتتح الجلسة بعد: يفتتحها الرئيس متى اكتمل النصاب اللازم لافتتاحها.
meet-attendance = الحضور
meet-attendance-quorums =
    { $count ->
        [zero] لا يحضر أي عضو له حق التصويت ({ $count })؛ النصاب اللازم للافتتاح { $to_open }، ولاتخاذ القرارات { $to_decide }.
        [one] يحضر عضو واحد له حق التصويت ({ $count })؛ النصاب اللازم للافتتاح { $to_open }، ولاتخاذ القرارات { $to_decide }.
        [two] يحضر عضوان لهما حق التصويت ({ $count })؛ النصاب اللازم للافتتاح { $to_open }، ولاتخاذ القرارات { $to_decide }.
        [few] يحضر { $count } أعضاء لهم حق التصويت؛ النصاب اللازم للافتتاح { $to_open }، ولاتخاذ القرارات { $to_decide }.
        [many] يحضر { $count } عضوًا لهم حق التصويت؛ النصاب اللازم للافتتاح { $to_open }، ولاتخاذ القرارات { $to_decide }.
       *[other] يحضر { $count } عضو لهم حق التصويت؛ النصاب اللازم للافتتاح { $to_open }، ولاتخاذ القرارات { $to_decide }.
    }
meet-no-one-registered = لم يسجّل أحد بعد.
meet-agenda = جدول الأعمال
meet-agenda-empty = جدول الأعمال فارغ.
meet-item-heading = البند { $label } — { $title }
meet-speaking-time =
    { $seconds ->
        [one] مدة الكلمة: ثانية واحدة ({ $seconds }).
        [two] مدة الكلمة: ثانيتان ({ $seconds }).
        [few] مدة الكلمة: { $seconds } ثوانٍ.
       *[other] مدة الكلمة: { $seconds } ثانية.
    }
meet-note-point-of-order = (نقطة نظام)
meet-note-right-of-reply = (حق الرد)
meet-has-the-floor = يتكلم الآن
meet-countdown =
    { $seconds ->
        [few] ({ $seconds } ثوانٍ ابتداءً من { $given })
       *[other] ({ $seconds } ثانية ابتداءً من { $given })
    }
meet-countdown-left = (متبقٍّ { $clock })
meet-countdown-over = (تجاوز الوقت بـ { $clock })
meet-floor-waiting = في الانتظار
meet-floor-spoke = تكلم
meet-floor-speaking = يتكلم الآن
meet-floor-withdrawn = مسحوب
meet-statement-file = البيان
meet-no-one-asked = لم يطلب أحد الكلمة.
meet-votes-and-decisions = التصويت والقرارات
meet-vote-on = التصويت { $id } على { $label }
meet-vote-state-open = ({ $majority }، مفتوح)
meet-vote-state-closed = ({ $majority }، مغلق)
meet-majority-simple = أغلبية بسيطة
meet-majority-two-thirds = أغلبية الثلثين
meet-tally-yes = نعم { $count }
meet-tally-no = لا { $count }
meet-tally-abstaining = الممتنعون { $count }
meet-tally-voting = الحاضرون المصوتون { $voting }، المطلوب { $required }
meet-adopted = اعتُمد
meet-not-adopted = لم يُعتمد
meet-your-vote = صوّت وفدكم بـ { $choice }.
meet-your-vote-open = صوّت وفدكم بـ { $choice } (يمكنكم تغيير التصويت إلى أن يغلق الرئيس باب التصويت).
meet-choice-yes = نعم
meet-choice-no = لا
meet-choice-abstain = الامتناع
meet-consensus-on = اعتماد { $label } بتوافق الآراء
meet-consensus-on-ad-referendum = اعتماد { $label } بتوافق الآراء، رهنًا بالاستشارة
meet-consensus-proposed = (مقترح)
meet-no-objection = لا اعتراض.
meet-objects = { $member } يعترض
meet-objects-reason = { $member } يعترض: { $reason }
meet-no-decision-put = لم يُعرض أي قرار على هذه الجلسة.
meet-target-the-instrument = الصك
meet-target-in-process = { $target } (العملية { $process })

## استمارات الوفد

meet-for-member = باسم { $member }
meet-register-present = تسجيل حضور { $member }
meet-leave-confirm = هل يُسجَّل أن { $member } غادر الجلسة؟ لن يصوّت ولن يعترض هنا بعد ذلك.
meet-leaves = { $member } يغادر الجلسة
meet-item-label = البند { $label }:
meet-request-the-floor = طلب الكلمة
meet-point-of-order = نقطة نظام
meet-right-of-reply = حق الرد
meet-ask = طلب
meet-your-statement-on-item = بيانكم بشأن البند { $label }
meet-attach-statement = إرفاق البيان
meet-withdraw-request = سحب طلبي { $number } بشأن البند { $label }
meet-observer = يشارك { $member } بصفة مراقب (أو موقوفة عضويته): يتكلم حين يعطيه الرئيس الكلمة، ولا يصوّت ولا يعترض على توافق الآراء.
meet-yes = نعم
meet-no = لا
meet-abstain = امتناع
meet-vote-button = تصويت
meet-object-reason-label = الاعتراض على اعتماد { $label }: السبب
meet-object = اعتراض

## منصة الرئيس

meet-chairs-console = منصة الرئيس
meet-the-secretariat = الأمانة
meet-closed-nothing-more = رُفعت الجلسة: لا يُسجَّل فيها شيء بعد الآن. حدِّدوا موعد جلسة أخرى للدورة لمواصلة العمل.
meet-new-agenda-item = بند جديد في جدول الأعمال
meet-as-sub-item-of = بندًا فرعيًا من
meet-item-option = البند { $label }
meet-add = إضافة
meet-correct-attendance-member = تصحيح الحضور: العضو
meet-present-note = (حاضر)
meet-present-or-absent = حاضر أو غائب
meet-present = حاضر
meet-absent = غائب
meet-correct = تصحيح
meet-open-the-meeting = افتتاح الجلسة
meet-close-meeting-confirm = هل تُرفع الجلسة { $number }؟ لن يُتخذ فيها أي قرار بعد ذلك.
meet-close-the-meeting = رفع الجلسة
meet-next-speaker = المتكلم التالي بشأن البند { $label }
meet-waiting-count = ({ $count } في الانتظار)
meet-speaking-time-label = مدة الكلمة بشأن البند { $label } (بالثواني، فارغ لعدم التحديد)
meet-set = تحديد
meet-close-vote-confirm = هل يُغلق التصويت { $id }؟ تحسم النتيجة الأمر.
meet-close-vote = إغلاق التصويت { $id }
meet-declare-outcome = إعلان النتيجة بشأن { $label }
meet-put-a-question = عرض مسألة على الجلسة
meet-process = العملية
meet-on = بشأن
meet-target-a-proposal = مقترح
meet-target-a-provision = حكم
meet-target-the-whole-instrument = الصك بأكمله
meet-question-target-id = رقم المقترح (P-17) أو الحكم (معرّفه eId، مثل chp_1__art_5__para_2، المبيّن في صفحة الحكم)
meet-majority-for-a-vote = الأغلبية، في حالة التصويت
meet-majority-as-the-rules-say = وفقًا للنظام الداخلي (الثلثان للمسألة المهمة)
meet-majority-option-simple = بسيطة
meet-majority-option-two-thirds = الثلثان
meet-consensus-ad-referendum = توافق الآراء رهنًا بالاستشارة
meet-propose-consensus = اقتراح الاعتماد بتوافق الآراء
meet-open-recorded-vote = فتح باب التصويت المسجل
meet-questions-once-open = تُعرض المسائل ويُدعى المتكلمون بعد افتتاح الجلسة.

## المحضر الموجز

meet-summary-title = المحضر الموجز للجلسة { $number }
meet-print = طباعة
meet-summary-quorum =
    { $count ->
        [zero] لم يحضر أي عضو له حق التصويت ({ $count }) (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
        [one] حضر عضو واحد له حق التصويت ({ $count }) (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
        [two] حضر عضوان لهما حق التصويت ({ $count }) (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
        [few] حضر { $count } أعضاء لهم حق التصويت (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
        [many] حضر { $count } عضوًا لهم حق التصويت (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
       *[other] حضر { $count } عضو لهم حق التصويت (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
    }
meet-no-member-present = لم يُسجَّل حضور أي عضو.
meet-summary-opened-and-closed = افتتح الرئيس الجلسة ({ $opened }) ثم رفعها ({ $closed }).
meet-summary-opened-still-open = افتتح الرئيس الجلسة ({ $opened })؛ وما زالت مفتوحة.
meet-summary-not-opened = لم تُفتتح الجلسة.
meet-entry-hash = القيد رقم { $number }
meet-no-one-spoke = لم يتكلم أحد.
meet-no-text-attached = (لم يُرفق نص)
meet-decisions = القرارات
meet-no-decision-was-taken = لم يُتخذ أي قرار.
meet-decision-number = القرار { $id }
meet-summary-decision = { $decision } ({ $method }) بشأن { $target }
meet-summary-target-proposal = المقترح { $id }
meet-summary-target-provision = الحكم { $id }
meet-summary-target-instrument = الصك
meet-version-adopted = ، واعتُمدت الصيغة { $version }
meet-on-version = ، بشأن الصيغة { $version }
meet-outcome-adopted = اعتُمد
meet-outcome-agreed-ad-referendum = اتُّفق عليه رهنًا بالاستشارة
meet-outcome-not-adopted = لم يُعتمد
meet-method-consensus = توافق الآراء
meet-method-silence = إجراء الموافقة الصامتة
meet-method-vote = التصويت
meet-summary-tally-votes = { $yes } مؤيدون، و{ $no } معارضون، و{ $abstaining } ممتنعون
meet-summary-tally-required = { $voting } حاضرون مصوتون، والمطلوب { $required }
meet-recorded-vote = التصويت المسجل
meet-col-member = العضو
meet-col-vote = التصويت
meet-objected = اعترض { $member }
meet-objected-reason = اعترض { $member }: { $reason }
meet-explanation-before = تعليل للتصويت قبل التصويت من { $member }: { $text }
meet-explanation-after = تعليل للتصويت بعد التصويت من { $member }: { $text }

## النظام الداخلي للعملية وقراراتها

meet-rules-and-decisions = النظام الداخلي والقرارات
meet-rules-of-procedure = النظام الداخلي
meet-rule-majority = الأغلبية
meet-rule-important-majority = الأغلبية في المسائل المهمة
meet-rule-majority-simple = الأغلبية البسيطة للأعضاء الحاضرين المصوتين
meet-rule-majority-two-thirds = ثلثا الأعضاء الحاضرين المصوتين
meet-rule-abstentions = الامتناع عن التصويت
meet-rule-abstentions-not-counted = لا يُحتسب صوتًا
meet-rule-abstentions-counted = يُحتسب صوتًا
meet-rule-meeting-quorum = النصاب اللازم لافتتاح الجلسة
meet-rule-decision-quorum = النصاب اللازم لاتخاذ القرارات
meet-rule-share = { $share } من الأعضاء ({ $needed } من { $members })
meet-rule-share-more-than = أكثر من { $share } من الأعضاء ({ $needed } من { $members })
meet-rule-silence = إجراء الموافقة الصامتة
meet-rule-silence-hours =
    { $hours ->
        [one] ساعة واحدة على الأقل ({ $hours })
        [two] ساعتان على الأقل ({ $hours })
        [few] { $hours } ساعات على الأقل
       *[other] { $hours } ساعة على الأقل
    }
meet-rule-informal-agreement = الاتفاق على المقترحات أو رفضها
meet-rule-informal-agreement-yes = من قِبل الرئيس في المشاورات غير الرسمية، أو بقرار
meet-rule-informal-agreement-no = بقرار فقط
meet-important-questions = المسائل المهمة
meet-no-important-question = لم تُحدَّد أي مسألة بوصفها مهمة: يجري التصويت بالأغلبية العادية.
meet-important-majority-applies = يجري التصويت على هذه المسائل، وعلى التعديلات المتعلقة بها، بالأغلبية المقررة للمسائل المهمة.
meet-entry = القيد { $number }
meet-designate-as-important = تحديد مسألة بوصفها مهمة
meet-target-a-provision-and-contents = حكم (وما يتضمنه)
meet-eid-or-proposal-number = المعرّف eId أو رقم المقترح
meet-designate = تحديد
meet-no-decision-taken = لم يُتخذ أي قرار.
meet-confirm-capitals-agreed = تأكيد (وافقت العواصم)
meet-decision-where = { $target } (العملية { $process })
meet-decision-where-on-version = { $target } (العملية { $process }، بشأن الصيغة { $version })
meet-decision-where-adopted = { $target } (العملية { $process }، واعتُمدت الصيغة { $version })
meet-decision-head = القرار { $id } بشأن { $where }، عن طريق { $method }
meet-decision-outcome = { $decision }: { $outcome }
meet-decision-tally = { $yes } نعم، و{ $no } لا، و{ $abstaining } ممتنعون
meet-decision-tally-required = { $votes }؛ والمطلوب { $required }
meet-decision-line = { $decision } (القيد { $entry })
meet-decision-line-tally = { $decision } — { $tally } (القيد { $entry })
meet-silence-procedures = إجراءات الموافقة الصامتة
meet-none = لا شيء.
meet-silence-line = إجراء الموافقة الصامتة { $id } بشأن { $label }، الموعد النهائي { $deadline }:
meet-silence-running = جارٍ
meet-silence-broken-by = كسره { $member } ({ $reason })
meet-silence-concluded = انتهى: اعتُمد
meet-break-silence-reason = كسر الصمت: السبب
meet-break-silence = كسر الصمت
meet-start-silence = بدء إجراء الموافقة الصامتة
meet-silence-target-id = رقم المقترح (P-17) أو معرّف الحكم eId
meet-hours-until-deadline = عدد الساعات حتى الموعد النهائي
meet-start = بدء
meet-taken-in-meetings = يجري التصويت واتخاذ القرارات بتوافق الآراء في { $meetings }.
meet-meetings-link = الجلسات

## المحضر الموجز بصيغة Markdown

meet-md-quorum =
    { $count ->
        [zero] لا يحضر أي عضو له حق التصويت ({ $count }) (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
        [one] يحضر عضو واحد له حق التصويت ({ $count }) (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
        [two] يحضر عضوان لهما حق التصويت ({ $count }) (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
        [few] يحضر { $count } أعضاء لهم حق التصويت (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
        [many] يحضر { $count } عضوًا لهم حق التصويت (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
       *[other] يحضر { $count } عضو لهم حق التصويت (النصاب اللازم لاتخاذ القرارات: { $to_decide }).
    }
meet-md-statement-in = البيان في { $file }
meet-md-none = لا أحد
