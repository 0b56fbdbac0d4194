# Lo que el comando accord muestra a las personas que lo usan.

cli-forum-created = Foro creado en { $dir }. Inicie sesión como { $email }; para ponerlo en marcha: accord serve --data-dir { $dir }
cli-start-with = Para ponerlo en marcha: accord serve --data-dir { $dir }
cli-demo-logins = Credenciales del foro de demostración (también guardadas en demo-logins.txt en el directorio de datos):
cli-wrote = Se escribió { $file } ({ $type }, { $bytes } bytes).
cli-read-akn = Se leyó { $file }: un { $document } Akoma Ntoso, { $title }.
cli-read-docx = Se leyó { $file }: un documento de Word, { $title }.
cli-nothing-left-out = No se omitió nada.
cli-left-out = Omitido ({ $count }):
cli-renamed = Identificadores cambiados ({ $count }):
cli-now = { $from } pasa a ser { $to }
cli-nothing-renumbered = No se renumeró nada.
cli-renumbered = Renumerado en el borrador cero ({ $count }):
cli-process-opened = Proceso { $id } abierto: { $title },
cli-process-draft = borrador cero con { $articles } artículos y { $provisions } disposiciones (entrada { $entry }).
cli-appointed = { $email } queda designado { $role } con el identificador { $id }
cli-backup-written = Copia de seguridad escrita en { $file }: { $entries } entradas, { $bytes } bytes. Contiene la clave de firma del registro y las cuentas: consérvela con el mismo cuidado que el directorio de datos.
cli-restored = Se restauraron { $entries } entradas en { $dir }. Inicie el foro con: accord serve --data-dir { $dir }
cli-migrated = Se trasladaron { $entries } entradas a { $dir }; { $from } queda sin cambios. Inicie el foro con: accord serve --data-dir { $dir }
