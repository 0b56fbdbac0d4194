# Страница реестра, страница одной записи и описание того, что сделала каждая запись.

rec-title = Реестр
rec-heading = Реестр
rec-lede = Всё, что изменяет этот форум, — это записи в этом реестре, по порядку, и ничто другое его не изменяет. Записи никогда не правятся и не удаляются: форум показывает то, что даёт воспроизведение этих записей с первой.
rec-empty = Реестр пуст.
rec-pages = Страницы реестра
rec-first = Первая
rec-earlier = Раньше
rec-range = Записи { $first }–{ $last } из { $size }
rec-later = Позже
rec-latest = Последние
rec-time-utc = Время (UTC)
rec-actor = Участник
rec-what = Что произошло
rec-as-json = Те же записи в формате JSON:

rec-checkpoint = Последняя контрольная точка
rec-log = Журнал
rec-covered = Охвачено записей
rec-root = Корневой хеш
rec-cosigned-by = Заверено свидетелями
rec-none-yet = пока нет
rec-verifier-key = Ключ проверки
rec-witnesses = Свидетели
rec-witness = Свидетель
rec-last-answer = Последний ответ
rec-answer-about = Ответ о контрольной точке
rec-largest-cosigned = Наибольшая заверенная
rec-when-utc = Когда (UTC)
rec-witness-cosigned = заверено
rec-witness-refused = отказано
rec-witness-unreachable = недоступен
rec-witness-pending = ожидание
rec-sending = (отправляется { $size })
rec-signed-checkpoint = Подписанная контрольная точка, как она предоставляется по адресу
rec-no-checkpoint = Контрольная точка ещё не подписана; первая появится в течение секунды после первой записи.

rec-how = Как любой может проверить этот реестр
rec-how-1-before = Каждая запись хешируется в дерево Меркла (RFC 6962). Каждую секунду, если реестр вырос, форум подписывает
rec-how-1-term = контрольную точку
rec-how-1-after = : число записей и корневой хеш дерева. Контрольная точка связывает форум с каждой предшествующей записью: изменение, сокрытие или перестановка любой из них меняет корень.
rec-how-2-before = Члены и аудиторы держат
rec-how-2-term = свидетелей
rec-how-2-after = — они хранят последнюю увиденную контрольную точку и заверяют новую, только если журнал вырос из неё, не изменив своего прошлого. Форум, показывающий разным людям разные реестры, был бы ими изобличён.
rec-how-3-before = Любой может скачать весь реестр в виде статических файлов в
rec-how-3-between = (формат C2SP tlog-tiles) и проверить его командой
rec-how-3-key = ключ проверки выше
rec-how-3-after = : она проверяет подпись и свидетелей, пересчитывает каждый хеш, воспроизводит каждую запись по правилам и сравнивает результат с тем, что показывает форум. Запущенная позже повторно, она доказывает, что реестр только рос.
rec-how-4-before = На каждое действие выдаётся
rec-how-4-term = квитанция
rec-how-4-between = (запись, её доказательство и подписанная контрольная точка), которую
rec-how-4-after = проверяет офлайн: форум не может впоследствии отрицать это действие.

rec-entry = Запись { $index }
rec-time = Время
rec-kind = Тип
rec-summary = Описание
rec-proof = Доказательство
rec-leaf-hash = Хеш листа
rec-in-log = В журнале
rec-covered-before = охвачена
rec-covered-link = подписанной контрольной точкой
rec-covered-size =
    { $size ->
        [one] на { $size } запись (показана на
        [few] на { $size } записи (показана на
        [many] на { $size } записей (показана на
       *[other] на { $size } записи (показана на
    }
rec-covered-page = странице реестра
rec-covered-page-after = )
rec-receipt-download = скачать квитанцию
rec-receipt-check = (проверьте её командой
rec-receipt-key = , где KEY — ключ проверки журнала с
rec-receipt-home = главной страницы
rec-receipt-end = )
rec-next-checkpoint = её охватит следующая контрольная точка (в течение секунды)
rec-tree-size = Размер дерева
rec-inclusion = Доказательство включения
rec-inclusion-none = не требуется: запись составляет всё дерево
rec-inclusion-text =
    { $count ->
        [one] { $count } хеш от листа вверх (путь аудита RFC 9162): хешированный вместе с хешем листа, он даёт указанный выше корневой хеш, который подписан контрольной точкой. То же доказательство в формате JSON:
        [few] { $count } хеша от листа вверх (путь аудита RFC 9162): хешированные по порядку вместе с хешем листа, они дают указанный выше корневой хеш, который подписан контрольной точкой. То же доказательство в формате JSON:
        [many] { $count } хешей от листа вверх (путь аудита RFC 9162): хешированные по порядку вместе с хешем листа, они дают указанный выше корневой хеш, который подписан контрольной точкой. То же доказательство в формате JSON:
       *[other] { $count } хеша от листа вверх (путь аудита RFC 9162): хешированные по порядку вместе с хешем листа, они дают указанный выше корневой хеш, который подписан контрольной точкой. То же доказательство в формате JSON:
    }
rec-details = Подробности
rec-canonical = Канонические байты
rec-canonical-before =
    { $count ->
        [one] Этот { $count } байт (формат
        [few] Эти { $count } байта (формат
       *[other] Эти { $count } байтов (формат
    }
rec-canonical-after = ) — это в точности то, что реестр хранит для этой записи.
rec-neighbours = Соседние записи

rec-actor-participant = Участник, записанный сервером под псевдонимом
rec-actor-system = Оператор (консоль)

rec-sum-forum-established = Форум учреждён: { $name }
rec-sum-forum-settings = Параметры форума: { $name }, языки { $languages }
rec-sum-admitted-member = { $name } ({ $code }) принят в качестве члена
rec-sum-admitted-observer = { $name } ({ $code }) принят в качестве наблюдателя
rec-sum-status-member = { $code } теперь имеет статус члена
rec-sum-status-observer = { $code } теперь имеет статус наблюдателя
rec-sum-suspended = { $code } приостановлен
rec-sum-suspended-reason = { $code } приостановлен: { $reason }
rec-sum-reinstated = { $code } восстановлен
rec-sum-accredited = { $delegate } аккредитован при { $member }, роль: { $role }
rec-sum-appointed = { $name } ({ $delegate }) назначен, должность: { $role }
rec-sum-key-registered = { $member } зарегистрировал ключ подписи ({ $key }, { $label })
rec-sum-key-revoked = { $member } отозвал свой ключ подписи { $key }
rec-sum-signatures-required = { $member } отныне требует своей подписи под каждым действием от его имени
rec-sum-withdrawn = Аккредитация { $delegate } отозвана
rec-sum-withdrawn-reason = Аккредитация { $delegate } отозвана: { $reason }
rec-sum-process-opened = Процесс открыт: { $title } (нулевой проект { $draft })
rec-sum-proposal-tabled = Предложение внесено в процессе { $process }: { $kind }, { $provision }
rec-sum-support = Поддержка P-{ $proposal } (процесс { $process })
rec-sum-objection = Возражение против P-{ $proposal } (процесс { $process })
rec-sum-cosponsor = Соавторство P-{ $proposal } (процесс { $process })
rec-sum-uncosponsor = Соавторство P-{ $proposal } отозвано (процесс { $process })
rec-sum-proposal-withdrawn = P-{ $proposal } отозвано автором (процесс { $process })
rec-sum-reanchored = P-{ $proposal } привязано к версии { $version } (процесс { $process })
rec-sum-agreed = P-{ $proposal } включено в текст (процесс { $process })
rec-sum-rejected = P-{ $proposal } отклонено (процесс { $process })
rec-sum-chair-text = Текст председателя по { $provision } вместо { $proposals } (процесс { $process })
rec-sum-revision = { $name } выпущен (процесс { $process })
rec-sum-symbol = Условное обозначение документа { $symbol } (процесс { $process })
rec-sum-rules-process = Правила процедуры процесса { $process } изменены
rec-sum-rules-forum = Правила процедуры форума изменены
rec-sum-session-opened = Сессия открыта: { $title }
rec-sum-meeting-scheduled = Заседание сессии { $session } назначено на { $date }, место: { $place }
rec-sum-present = Присутствие на заседании { $meeting }
rec-sum-corrected-present = Присутствие на заседании { $meeting } исправлено: { $member } присутствует
rec-sum-corrected-absent = Присутствие на заседании { $meeting } исправлено: { $member } отсутствует
rec-sum-vote-opened = Голосование открыто по { $target } (процесс { $process })
rec-sum-ballot = Бюллетень в голосовании { $vote }
rec-sum-explanation = Разъяснение мотивов голосования { $vote }
rec-sum-vote-closed = Голосование { $vote } закрыто
rec-sum-consensus-proposed = Предложено принять { $target } консенсусом (процесс { $process })
rec-sum-consensus-objected = Возражение против консенсуса { $consensus }
rec-sum-consensus-declared = Объявлен итог консенсуса { $consensus }
rec-sum-decision-confirmed = Решение { $decision } подтверждено
rec-sum-silence-started = Процедура молчания по { $target } (процесс { $process })
rec-sum-silence-broken = Молчание нарушено (процедура { $silence })
rec-sum-silence-concluded = Процедура молчания { $silence } завершена
rec-sum-agenda-item = Повестка дня заседания { $meeting }: { $title }
rec-sum-floor-requested = Запрошено слово по пункту { $item } заседания { $meeting }
rec-sum-floor-withdrawn = Просьба { $request } по пункту { $item } заседания { $meeting } снята
rec-sum-floor-given = Вызван следующий оратор по пункту { $item } заседания { $meeting }
rec-sum-speaking-time = Время выступления по пункту { $item } заседания { $meeting }: { $seconds } с
rec-sum-speaking-time-unlimited = Время выступления по пункту { $item } заседания { $meeting } не ограничено
rec-sum-statement-delivered = Выступление в очереди { $request } по пункту { $item } заседания { $meeting }
rec-sum-meeting-opened = Заседание { $meeting } открыто
rec-sum-meeting-closed = Заседание { $meeting } закрыто
rec-sum-important-question = { $target } (процесс { $process }) признан важным вопросом
rec-sum-consultation-opened = Консультация открыта: { $title }
rec-sum-statement-seeded = Утверждение добавлено в консультацию { $consultation }
rec-sum-participant-joined = Участник { $participant } ({ $category }) присоединился к консультации { $consultation }
rec-sum-statement-submitted = Участник { $participant } написал утверждение в консультации { $consultation }
rec-sum-statement-accepted = Утверждение { $statement } консультации { $consultation } принято
rec-sum-statement-rejected = Утверждение { $statement } консультации { $consultation } отклонено
rec-sum-participant-voted = Участник { $participant } проголосовал по утверждению { $statement } консультации { $consultation }
rec-sum-consultation-closed = Консультация { $consultation } закрыта
rec-sum-analysis-published = Анализ консультации { $consultation } при размере реестра { $size } опубликован (хеш { $digest })

rec-target-instrument = документ
rec-proposal-replace_words = заменить слова
rec-proposal-insert_words = вставить слова
rec-proposal-delete_words = исключить слова
rec-proposal-replace_provision = заменить положение
rec-proposal-insert_provision = вставить положение
rec-proposal-delete_provision = исключить положение
rec-participant-delegation = делегация члена
rec-participant-intergovernmental_organisation = межправительственная организация
rec-participant-ngo = неправительственная организация
rec-participant-private_sector = частный сектор
rec-participant-academia = научные и исследовательские круги
rec-participant-technical_community = техническое сообщество
rec-participant-public = представитель общественности
rec-sum-translation = Перевод { $provision } на язык { $language } (процесс, версия: { $where })
rec-sum-translation-proposal = Перевод P-{ $proposal } на язык { $language } (процесс, версия: { $where })
rec-sum-paper-rolling = Сводный текст выпущен как { $symbol } (процесс { $process })
rec-sum-paper-compilation = Подборка предложений выпущена как { $symbol } (процесс { $process })
