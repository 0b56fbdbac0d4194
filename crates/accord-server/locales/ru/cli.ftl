# Что команда accord выводит для людей, которые её запускают.

cli-forum-created = Форум создан в { $dir }. Войдите как { $email }; запуск: accord serve --data-dir { $dir }
cli-start-with = Запуск: accord serve --data-dir { $dir }
cli-demo-logins = Учётные данные демонстрационного форума (также сохранены в demo-logins.txt в каталоге данных):
cli-wrote = Записан файл { $file } ({ $type }, байт: { $bytes }).
cli-read-akn = Прочитан файл { $file }: Akoma Ntoso { $document }, { $title }.
cli-read-docx = Прочитан файл { $file }: документ Word, { $title }.
cli-nothing-left-out = Ничего не опущено.
cli-left-out = Опущено ({ $count }):
cli-renamed = Переименованные идентификаторы ({ $count }):
cli-now = { $from } теперь { $to }
cli-nothing-renumbered = Ничего не перенумеровано.
cli-renumbered = Перенумеровано в нулевом проекте ({ $count }):
cli-process-opened = Процесс { $id } открыт: { $title },
cli-process-draft = нулевой проект: статей — { $articles }, положений — { $provisions } (запись { $entry }).
cli-appointed = { $email } назначен(а) на должность «{ $role }» с идентификатором { $id }
cli-backup-written = Резервная копия записана в { $file }: записей — { $entries }, байтов — { $bytes }. Она содержит ключ подписи журнала и учетные записи: храните ее так же надежно, как каталог данных.
cli-restored = Восстановлено записей: { $entries }, в { $dir }. Запустите форум командой: accord serve --data-dir { $dir }
cli-migrated = Перенесено записей: { $entries }, в { $dir }; { $from } остается без изменений. Запустите форум командой: accord serve --data-dir { $dir }
