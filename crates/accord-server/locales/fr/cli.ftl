# Ce que la commande accord affiche pour les personnes qui l’utilisent.

cli-forum-created = Forum créé dans { $dir }. Connectez-vous en tant que { $email } ; pour le lancer : accord serve --data-dir { $dir }
cli-start-with = Pour le lancer : accord serve --data-dir { $dir }
cli-demo-logins = Identifiants du forum de démonstration (également enregistrés dans demo-logins.txt dans le répertoire de données) :
cli-wrote = { $file } écrit ({ $type }, { $bytes } octets).
cli-read-akn = { $file } lu : un { $document } Akoma Ntoso, { $title }.
cli-read-docx = { $file } lu : un document Word, { $title }.
cli-nothing-left-out = Rien n’a été omis.
cli-left-out = Omis ({ $count }) :
cli-renamed = Identifiants renommés ({ $count }) :
cli-now = { $from } devient { $to }
cli-nothing-renumbered = Rien n’a été renuméroté.
cli-renumbered = Renumérotés dans l’avant-projet ({ $count }) :
cli-process-opened = Processus { $id } ouvert : { $title },
cli-process-draft = avant-projet de { $articles } articles et { $provisions } dispositions (entrée { $entry }).
cli-appointed = { $email } est nommé { $role } sous l’identifiant { $id }
cli-backup-written = Sauvegarde écrite dans { $file } : { $entries } entrées, { $bytes } octets. Elle contient la clef de signature du journal et les comptes : conservez-la avec le même soin que le répertoire de données.
cli-restored = { $entries } entrées restaurées dans { $dir }. Démarrez le forum avec : accord serve --data-dir { $dir }
cli-migrated = { $entries } entrées transférées dans { $dir } ; { $from } reste inchangé. Démarrez le forum avec : accord serve --data-dir { $dir }
