# Консультации: список, консультация (участие, результаты, заявления,
# формы секретариата), модерация и карта мнений.

cons-nothing-changed = Ничего не изменено.

## Список

cons-title = Консультации
cons-intro = Принять участие в открытой консультации может каждый: делегации, организации и представители общественности голосуют «согласен», «не согласен» или «пропустить» по кратким заявлениям и добавляют свои. Участники значатся в реестре под псевдонимом, а не под своим именем.
cons-none-open = Пока не открыто ни одной консультации.
cons-col-consultation = Консультация
cons-col-status = Статус
cons-col-participants = Участники
cons-col-statements = Заявления
cons-col-on = По
cons-status-open = открыта
cons-status-closed = закрыта
cons-process-lower = процесс { $id }
cons-open-a-consultation = Открыть консультацию
cons-field-title = Название
cons-field-question = Вопрос, поставленный перед участниками
cons-field-process = По тексту
cons-no-process = без процесса
cons-process-number = Процесс { $id }
cons-field-provisions = Положения (eId через запятую; пусто — весь текст)
cons-open = Открыть

## Уведомления после действия

cons-notice-opened = Консультация открыта. Добавьте в нее заявления ниже.
cons-notice-joined = Вы присоединились. Голосуйте по заявлениям по одному.
cons-notice-key = Теперь этот браузер использует ваш ключ участника.
cons-notice-voted = Ваш голос записан.
cons-notice-written = Ваше заявление записано; оно будет показано после того, как секретариат его примет.
cons-notice-seeded = Заявление добавлено.
cons-notice-closed = Консультация закрыта.
cons-notice-published = Анализ опубликован в реестре.

## Консультация

cons-consultation-number = Консультация { $id }
cons-participants-count =
    { $count ->
        [one] { $count } участник
        [few] { $count } участника
        [many] { $count } участников
       *[other] { $count } участника
    }
cons-on-process = по { $process }
cons-take-part = Участие
cons-this-is-closed = Эта консультация закрыта.
cons-officers-do-not-take-part = Должностные лица форума проводят консультации и не участвуют в них.
cons-you-take-part-as = Вы участвуете как участник { $participant }.
cons-next-statement = Заявление { $id } (осталось: { $remaining }):
cons-agree = Согласен
cons-disagree = Не согласен
cons-pass-unsure = Пропустить / не уверен
cons-voted-on-every-statement = Вы проголосовали по всем показанным заявлениям. Вернитесь позже, чтобы увидеть новые, или добавьте свое.
cons-add-a-statement = Добавить заявление (одну краткую мысль, с которой другие могут согласиться или не согласиться)
cons-submit-for-moderation = Отправить на модерацию
cons-your-participant-key = Ваш ключ участника (для участия с другого устройства)
cons-keep-key-private = Храните этот ключ в тайне: тот, у кого он есть, голосует от вашего имени.
cons-you-take-part-as-delegation = Вы участвуете как делегация; в реестре указывается псевдоним, а не ваше имя.
cons-join = Присоединиться к консультации
cons-i-take-part-as = Я участвую как
cons-no-name-asked = Имя и адрес не запрашиваются: в реестре указываются псевдоним и выбранная вами категория. Этот браузер хранит ключ, позволяющий вам голосовать; делегаты вместо этого входят в систему.
cons-i-have-a-key = У меня уже есть ключ участника
cons-participant-key = Ключ участника
cons-use-this-key = Использовать этот ключ в этом браузере
cons-category-delegation = делегация члена
cons-category-intergovernmental-organisation = межправительственная организация
cons-category-ngo = неправительственная организация
cons-category-private-sector = частный сектор
cons-category-academia = научные и академические круги
cons-category-technical-community = техническое сообщество
cons-category-public = представитель общественности

## Результаты

cons-what-participants-think = Что думают участники
cons-computed-at = Рассчитано при размере реестра { $size }
cons-participants-counted =
    { $count ->
        [one] учтен { $count } участник
        [few] учтено { $count } участника
        [many] учтено { $count } участников
       *[other] учтено { $count } участника
    }
cons-digest = дайджест { $digest }
cons-analysis-as-json = анализ в формате JSON
cons-map-alt =
    { $count ->
        [one] Карта мнений: { $count } учтенный участник в { $groups } группах мнений, описанных в таблицах ниже
        [few] Карта мнений: { $count } учтенных участника в { $groups } группах мнений, описанных в таблицах ниже
        [many] Карта мнений: { $count } учтенных участников в { $groups } группах мнений, описанных в таблицах ниже
       *[other] Карта мнений: { $count } учтенного участника в { $groups } группах мнений, описанных в таблицах ниже
    }
cons-group-heading =
    { $size ->
        [one] Группа { $number } ({ $size } участник)
        [few] Группа { $number } ({ $size } участника)
        [many] Группа { $number } ({ $size } участников)
       *[other] Группа { $number } ({ $size } участника)
    }
cons-nothing-sets-group-apart = Пока ни одно заявление не выделяет эту группу.
cons-sets-group-apart-caption = Заявления, выделяющие группу { $number }
cons-col-statement = Заявление
cons-col-the-group = Группа
cons-col-share = Доля
cons-group-agrees = согласна
cons-group-disagrees = не согласна
cons-common-ground = Общие позиции групп
cons-no-common-ground = Пока ни одно заявление не поддерживается большинством каждой группы.
cons-col-group-informed-consensus = Консенсус с учетом групп
cons-bridging-statements = Сближающие заявления
cons-no-bridging = Пока ни одно заявление не сближает группы.
cons-col-bridging-score = Показатель сближения

## Заявления

cons-statements-heading = Заявления ({ $count })
cons-no-statement-yet = Заявлений пока нет.
cons-col-agree = Согласны
cons-col-disagree = Не согласны
cons-col-pass = Пропустили
cons-from-proposal = из P-{ $proposal }
cons-propose-citing = Предложить изменение со ссылкой на заявление
cons-cite-on = к
cons-go-to-provision = Перейти к положению
cons-published-analyses = Анализы, опубликованные в реестре
cons-anyone-recomputes = Любой может пересчитать их по реестру с помощью { $command }.
cons-published-line = { $entry }: при размере реестра { $size }, дайджест { $digest }
cons-entry = Запись { $number }

## Секретариат

cons-secretariat = Секретариат
cons-moderate-statements = Модерировать заявления
cons-waiting-count = (ожидают: { $count })
cons-seed-a-statement = Добавить заявление (показывается сразу)
cons-drawn-from-proposal = Взято из предложения (необязательно, например P-3)
cons-add-the-statement = Добавить заявление
cons-publish-analysis = Опубликовать этот анализ в реестре
cons-close-confirm = Закрыть эту консультацию? После этого никто не сможет в ней писать или голосовать.
cons-close-the-consultation = Закрыть консультацию

## Модерация

cons-moderation = Модерация
cons-waiting-heading = Ожидают ({ $count })
cons-none-waiting = Ожидающих заявлений нет.
cons-statement-number = Заявление { $id }
cons-accept-statement = Принять заявление { $id }
cons-reject-statement = Отклонить заявление { $id }
cons-decided = Рассмотренные
cons-col-text = Текст
cons-col-change = Изменить
cons-seed-note = (исходное)
cons-moderation-pending = ожидает
cons-moderation-accepted = принято
cons-moderation-rejected = отклонено
cons-text-not-on-this-server = (текста с SHA-256 { $sha256 } на этом сервере нет)

## Карта мнений (SVG)

cons-map-title = Карта мнений консультации { $id }
cons-map-no-groups-desc = Групп мнений пока нет: слишком мало голосов.
cons-map-no-groups = Групп мнений пока нет: нужно больше голосов
cons-map-desc =
    { $count ->
        [one] { $count } учтенный участник в { $groups } группах мнений: { $sizes }.
        [few] { $count } учтенных участника в { $groups } группах мнений: { $sizes }.
        [many] { $count } учтенных участников в { $groups } группах мнений: { $sizes }.
       *[other] { $count } учтенного участника в { $groups } группах мнений: { $sizes }.
    }
cons-map-group-size = группа { $number }: { $size }
cons-map-list-separator = {", "}
cons-map-group-label = Группа { $number } ({ $size })
