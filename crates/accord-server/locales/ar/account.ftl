# صفحة تسجيل الدخول وصفحة الحساب: مفتاح التوقيع، وكلمة المرور، ورموز API.

acct-log-in = تسجيل الدخول
acct-email = البريد الإلكتروني
acct-password = كلمة المرور
acct-log-in-help = يتلقى المندوبون بيانات الدخول من الأمانة. هل فقدت كلمة المرور؟ اطلب من الأمانة إعادة تعيينها.

acct-title = حسابك
acct-nothing-changed = لم يتغير شيء.
acct-name = الاسم
acct-id = المعرّف في السجل
acct-role = الدور
acct-email-private = البريد الإلكتروني (خاص)

acct-key-heading = مفتاح التوقيع في هذا المتصفح
acct-key-intro =
    { $required ->
        [yes] يجوز لـ { $member } أن يشترط توقيعه على كل إجراء يُتخذ باسمه، وهو يشترطه.
       *[no] يجوز لـ { $member } أن يشترط توقيعه على كل إجراء يُتخذ باسمه.
    } المفتاح المُنشأ هنا يوقّع الإجراءات التي تتخذها باسم { $member } في هذه الصفحات: لا يمكن استخراجه من هذا المتصفح، ولا حتى بواسطة هذا الموقع؛ ولا يرى الخادم إلا مفتاحه العام، الذي { $head ->
        [yes] تسجّله أنت
       *[no] يسجّله رئيس وفدك
    } بوصفه أحد مفاتيح { $member }.
acct-key-script-before = يتطلب إنشاء مفتاح في المتصفح JavaScript. ومن دونه، أنشئ مفتاحًا باستخدام
acct-key-script-between = ووقّع كل إجراء باستخدام
acct-key-none = لا يحوي هذا المتصفح أي مفتاح لـ { $member }.
acct-key-create = إنشاء مفتاح توقيع في هذا المتصفح
acct-key-public = المفتاح العام المراد تسجيله لـ { $member }
acct-label = التسمية
acct-key-label-example = مثلًا: حاسوب رئيس الوفد المحمول، متصفح
acct-key-register = تسجيل المفتاح لـ { $member }
acct-key-give-before = سلِّم المفتاح العام إلى رئيس وفدك، الذي يسجّله في
acct-key-give-link = صفحة { $member }
acct-key-give-after = .

acct-pw-heading = تغيير كلمة المرور
acct-pw-current = كلمة المرور الحالية
acct-pw-new = كلمة المرور الجديدة
acct-pw-new-hint = (12 حرفًا على الأقل؛ وتصلح جملة قصيرة لذلك)
acct-pw-confirm = كلمة المرور الجديدة مرة أخرى
acct-pw-logs-out = يؤدي تغييرها إلى تسجيل خروجك من متصفحاتك الأخرى.
acct-pw-revoke-tokens = إلغاء جميع رموز API الخاصة بي أيضًا (ستحتاج الأدوات التي تستخدمها إلى رمز جديد)
acct-pw-change = تغيير كلمة المرور

acct-tokens-heading = رموز API
acct-tokens-before = يتيح الرمز لأدوات وفدك الخاصة أن تتصرف نيابة عنك عبر
acct-tokens-link = واجهة JSON API
acct-tokens-after = . ولا يظهر إلا مرة واحدة، ولا يُخزَّن إلا في صورة تجزئة.
acct-token-new = رمزك الجديد — انسخه الآن، فلن يظهر مرة أخرى:
acct-created = الإنشاء
acct-expires = الانتهاء
acct-state = الحالة
acct-token-revoked = أُلغي في { $time }
acct-revoke = إلغاء
acct-token-label-example = مثلًا: أداة متابعة الوفد
acct-token-issue = إصدار رمز
