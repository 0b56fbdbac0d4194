# ما يطبعه الأمر accord للأشخاص الذين يشغّلونه.

cli-forum-created = أُنشئ المنتدى في { $dir }. سجّل الدخول باسم { $email }؛ ولتشغيله: accord serve --data-dir { $dir }
cli-start-with = لتشغيله: accord serve --data-dir { $dir }
cli-demo-logins = بيانات الدخول إلى منتدى العرض التوضيحي (محفوظة أيضًا في demo-logins.txt في دليل البيانات):
cli-wrote = كُتب { $file } ({ $type }، { $bytes } بايت).
cli-read-akn = قُرئ { $file }: ‏{ $document } بصيغة Akoma Ntoso، { $title }.
cli-read-docx = قُرئ { $file }: مستند Word، { $title }.
cli-nothing-left-out = لم يُحذف شيء.
cli-left-out = المحذوف ({ $count }):
cli-renamed = المعرّفات التي أعيدت تسميتها ({ $count }):
cli-now = أصبح { $from } الآن { $to }
cli-nothing-renumbered = لم يُعد ترقيم أي شيء.
cli-renumbered = ما أعيد ترقيمه في المشروع الأولي ({ $count }):
cli-process-opened = فُتحت العملية { $id }: { $title }،
cli-process-draft = مشروع أولي من { $articles } مادة و{ $provisions } حكمًا (القيد { $entry }).
cli-appointed = عُيّن { $email } بصفة { $role } بالمعرّف { $id }
cli-backup-written = كُتبت النسخة الاحتياطية في { $file }: { $entries } قيدًا، { $bytes } بايت. وهي تتضمن مفتاح توقيع السجل والحسابات، فاحفظها بالعناية نفسها التي يُحفظ بها دليل البيانات.
cli-restored = استُعيد { $entries } قيدًا في { $dir }. ابدأ تشغيل المنتدى بالأمر: accord serve --data-dir { $dir }
cli-migrated = نُقل { $entries } قيدًا إلى { $dir }؛ ويبقى { $from } على حاله. ابدأ تشغيل المنتدى بالأمر: accord serve --data-dir { $dir }
