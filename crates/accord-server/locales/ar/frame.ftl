# إطار كل صفحة: الترويسة والتنقل واختيار اللغة والتنبيهات والتذييل.

skip-to-content = انتقل إلى المحتوى الرئيسي
nav-main = الرئيسية
nav-home = الصفحة الرئيسية
nav-negotiations = المفاوضات
nav-meetings = الجلسات
nav-consultations = المشاورات
nav-members = الأعضاء
nav-officers = أعضاء المكتب
nav-record = السجل
log-out = تسجيل الخروج
log-in = تسجيل الدخول
language-switcher = اللغة
banner-initial-password = أنت تستخدم كلمة مرور أولية.
banner-choose-password = اختر كلمة مرور خاصة بك للمتابعة.
signing-required = يشترط { $member } توقيعه على كل إجراء يُتخذ باسمه. لا يحوي هذا المتصفح مفتاح توقيع لـ { $member }، أو أن JavaScript معطّل فيه، ولذلك لا تستطيع هذه الصفحات التصرف باسم { $member }:
signing-create-key = أنشئ مفتاحًا في هذا المتصفح من صفحة حسابك
signing-or-submit = (يسجّله رئيس وفدك)، أو وقّع باستخدام
footer-record-size =
    { $count ->
        [zero] لا يحوي السجل أي قيد ({ $size })
        [one] يحوي السجل قيدًا واحدًا ({ $size })
        [two] يحوي السجل قيدين ({ $size })
        [few] يحوي السجل { $size } قيود
        [many] يحوي السجل { $size } قيدًا
       *[other] يحوي السجل { $size } قيد
    }
footer-read-it = اقرأه

role-head_of_delegation = رئيس الوفد
role-delegate = مندوب
role-adviser = مستشار
role-secretariat = الأمانة
role-chair = الرئيس
role-vice_chair = نائب الرئيس
role-co_facilitator = الميسّر المشارك
role-translator = مترجم
language-unknown = «{ $lang }» ليست من لغات هذه الواجهة: اختر الإسبانية أو الإنكليزية أو الروسية أو الصينية أو العربية أو الفرنسية
