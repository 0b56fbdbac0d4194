# Заседания и решения: сессии, заседание (присутствие, повестка дня,
# ораторы, голосования, консенсус, пульт председателя), краткий отчет,
# а также правила и решения процесса.

meet-recorded = Записано. Запись внесена в реестр.
meet-nothing-changed = Ничего не изменено.

## Сессии и заседания

meet-sessions-title = Сессии и заседания
meet-sessions = Сессии
meet-no-session = Пока не открыто ни одной сессии.
meet-no-meeting = Заседаний не запланировано.
meet-col-meeting = Заседание
meet-date = Дата
meet-place = Место
meet-col-present = Присутствуют
meet-col-links = Ссылки
meet-meeting-number = Заседание { $number }
meet-summary-link = краткий отчет
meet-schedule-meeting = Запланировать заседание
meet-open-session = Открыть сессию
meet-session-title = Название
meet-session-title-example = Третья основная сессия
meet-open = Открыть

## Заседание

meet-summary-record = Краткий отчет
meet-you-hold-the-console = у вас пульт председателя
meet-status-open = Заседание { $state }.
meet-state-open = открыто
meet-status-closed = Заседание { $state }.
meet-state-closed = закрыто
meet-status-scheduled = Заседание еще не открыто: председатель открывает его, как только присутствует кворум, необходимый для открытия.
meet-attendance = Присутствие
meet-attendance-quorums =
    { $count ->
        [one] Присутствует { $count } член с правом голоса; кворум для открытия — { $to_open }, для принятия решений — { $to_decide }.
        [few] Присутствуют { $count } члена с правом голоса; кворум для открытия — { $to_open }, для принятия решений — { $to_decide }.
        [many] Присутствуют { $count } членов с правом голоса; кворум для открытия — { $to_open }, для принятия решений — { $to_decide }.
       *[other] Присутствуют { $count } члена с правом голоса; кворум для открытия — { $to_open }, для принятия решений — { $to_decide }.
    }
meet-no-one-registered = Пока никто не зарегистрировался.
meet-agenda = Повестка дня
meet-agenda-empty = Повестка дня пуста.
meet-item-heading = Пункт { $label } — { $title }
meet-speaking-time =
    { $seconds ->
        [one] Время выступления: { $seconds } секунда.
        [few] Время выступления: { $seconds } секунды.
        [many] Время выступления: { $seconds } секунд.
       *[other] Время выступления: { $seconds } секунды.
    }
meet-note-point-of-order = (по порядку ведения заседания)
meet-note-right-of-reply = (право на ответ)
meet-has-the-floor = выступает
meet-countdown =
    { $seconds ->
        [one] ({ $seconds } секунда с { $given })
        [few] ({ $seconds } секунды с { $given })
        [many] ({ $seconds } секунд с { $given })
       *[other] ({ $seconds } секунды с { $given })
    }
meet-countdown-left = (осталось { $clock })
meet-countdown-over = (превышение на { $clock })
meet-floor-waiting = ожидает
meet-floor-spoke = выступил
meet-floor-speaking = выступает
meet-floor-withdrawn = отозвано
meet-statement-file = заявление
meet-no-one-asked = Никто не просил слова.
meet-votes-and-decisions = Голосования и решения
meet-vote-on = Голосование { $id } по { $label }
meet-vote-state-open = ({ $majority }, открыто)
meet-vote-state-closed = ({ $majority }, закрыто)
meet-majority-simple = простое большинство
meet-majority-two-thirds = большинство в две трети
meet-tally-yes = За { $count }
meet-tally-no = Против { $count }
meet-tally-abstaining = Воздержались { $count }
meet-tally-voting = присутствуют и участвуют в голосовании { $voting }, требуется { $required }
meet-adopted = принято
meet-not-adopted = не принято
meet-your-vote = Ваша делегация проголосовала: { $choice }.
meet-your-vote-open = Ваша делегация проголосовала: { $choice } (вы можете изменить голос, пока председатель не закроет голосование).
meet-choice-yes = за
meet-choice-no = против
meet-choice-abstain = воздержалась
meet-consensus-on = Принятие { $label } консенсусом
meet-consensus-on-ad-referendum = Принятие { $label } консенсусом, ad referendum
meet-consensus-proposed = (предложено)
meet-no-objection = Возражений нет.
meet-objects = { $member } возражает
meet-objects-reason = { $member } возражает: { $reason }
meet-no-decision-put = На этом заседании не ставилось ни одного решения.
meet-target-the-instrument = документ
meet-target-in-process = { $target } (процесс { $process })

## Формы делегации

meet-for-member = Для { $member }
meet-register-present = Зарегистрировать присутствие { $member }
meet-leave-confirm = Записать, что { $member } покинул заседание? Он больше не голосует и не может здесь возражать.
meet-leaves = { $member } покидает заседание
meet-item-label = Пункт { $label }:
meet-request-the-floor = просить слова
meet-point-of-order = по порядку ведения заседания
meet-right-of-reply = право на ответ
meet-ask = Просить
meet-your-statement-on-item = Ваше заявление по пункту { $label }
meet-attach-statement = Приложить заявление
meet-withdraw-request = отозвать мою просьбу { $number } по пункту { $label }
meet-observer = { $member } участвует в качестве наблюдателя (или его участие приостановлено): он выступает, когда председатель предоставляет ему слово, но не голосует и не может возражать против консенсуса.
meet-yes = За
meet-no = Против
meet-abstain = Воздержаться
meet-vote-button = Голосовать
meet-object-reason-label = Возразить против принятия { $label }: причина
meet-object = Возразить

## Пульт председателя

meet-chairs-console = Пульт председателя
meet-the-secretariat = Секретариат
meet-closed-nothing-more = Заседание закрыто: в нем больше ничего не записывается. Чтобы продолжить, запланируйте другое заседание сессии.
meet-new-agenda-item = Новый пункт повестки дня
meet-as-sub-item-of = как подпункт пункта
meet-item-option = пункт { $label }
meet-add = Добавить
meet-correct-attendance-member = Исправить присутствие: член
meet-present-note = (присутствует)
meet-present-or-absent = присутствует или отсутствует
meet-present = присутствует
meet-absent = отсутствует
meet-correct = Исправить
meet-open-the-meeting = Открыть заседание
meet-close-meeting-confirm = Закрыть заседание { $number }? Решения на нем больше не принимаются.
meet-close-the-meeting = Закрыть заседание
meet-next-speaker = Следующий оратор по пункту { $label }
meet-waiting-count = (ожидают: { $count })
meet-speaking-time-label = Время выступления по пункту { $label } (в секундах, пусто — без ограничения)
meet-set = Установить
meet-close-vote-confirm = Закрыть голосование { $id }? Решают итоги подсчета.
meet-close-vote = Закрыть голосование { $id }
meet-declare-outcome = Объявить итог по { $label }
meet-put-a-question = Поставить вопрос перед заседанием
meet-process = Процесс
meet-on = По
meet-target-a-proposal = предложению
meet-target-a-provision = положению
meet-target-the-whole-instrument = документу в целом
meet-question-target-id = Номер предложения (P-17) или положение (его eId, например chp_1__art_5__para_2, указан на странице положения)
meet-majority-for-a-vote = Большинство, для голосования
meet-majority-as-the-rules-say = как предусмотрено правилами (две трети для важного вопроса)
meet-majority-option-simple = простое
meet-majority-option-two-thirds = две трети
meet-consensus-ad-referendum = консенсус ad referendum
meet-propose-consensus = Предложить принятие консенсусом
meet-open-recorded-vote = Открыть заносимое в отчет голосование
meet-questions-once-open = Вопросы ставятся, а ораторам дается слово после открытия заседания.

## Краткий отчет

meet-summary-title = Краткий отчет о заседании { $number }
meet-print = Печать
meet-summary-quorum =
    { $count ->
        [one] Присутствовал { $count } член с правом голоса (кворум для принятия решений: { $to_decide }).
        [few] Присутствовали { $count } члена с правом голоса (кворум для принятия решений: { $to_decide }).
        [many] Присутствовали { $count } членов с правом голоса (кворум для принятия решений: { $to_decide }).
       *[other] Присутствовали { $count } члена с правом голоса (кворум для принятия решений: { $to_decide }).
    }
meet-no-member-present = Ни один член не зарегистрировался как присутствующий.
meet-summary-opened-and-closed = Председатель открыл заседание ({ $opened }) и закрыл его ({ $closed }).
meet-summary-opened-still-open = Председатель открыл заседание ({ $opened }); оно еще открыто.
meet-summary-not-opened = Заседание не было открыто.
meet-entry-hash = запись № { $number }
meet-no-one-spoke = Никто не выступал.
meet-no-text-attached = (текст не приложен)
meet-decisions = Решения
meet-no-decision-was-taken = Решений принято не было.
meet-decision-number = Решение { $id }
meet-summary-decision = { $decision } ({ $method }) по { $target }
meet-summary-target-proposal = предложению { $id }
meet-summary-target-provision = положению { $id }
meet-summary-target-instrument = документу
meet-version-adopted = , принята версия { $version }
meet-on-version = , по версии { $version }
meet-outcome-adopted = принято
meet-outcome-agreed-ad-referendum = согласовано ad referendum
meet-outcome-not-adopted = не принято
meet-method-consensus = консенсус
meet-method-silence = процедура молчания
meet-method-vote = голосование
meet-summary-tally-votes = { $yes } за, { $no } против, { $abstaining } воздержались
meet-summary-tally-required = присутствуют и участвуют в голосовании { $voting }, требуется { $required }
meet-recorded-vote = Заносимое в отчет голосование
meet-col-member = Член
meet-col-vote = Голос
meet-objected = { $member } возразил
meet-objected-reason = { $member } возразил: { $reason }
meet-explanation-before = Выступление по мотивам голосования до голосования, { $member }: { $text }
meet-explanation-after = Выступление по мотивам голосования после голосования, { $member }: { $text }

## Правила и решения процесса

meet-rules-and-decisions = Правила и решения
meet-rules-of-procedure = Правила процедуры
meet-rule-majority = Большинство
meet-rule-important-majority = Большинство по важным вопросам
meet-rule-majority-simple = простое большинство присутствующих и участвующих в голосовании членов
meet-rule-majority-two-thirds = две трети присутствующих и участвующих в голосовании членов
meet-rule-abstentions = Воздержавшиеся
meet-rule-abstentions-not-counted = не считаются поданными голосами
meet-rule-abstentions-counted = считаются поданными голосами
meet-rule-meeting-quorum = Кворум для открытия заседания
meet-rule-decision-quorum = Кворум для принятия решений
meet-rule-share = { $share } членов ({ $needed } из { $members })
meet-rule-share-more-than = более { $share } членов ({ $needed } из { $members })
meet-rule-silence = Процедура молчания
meet-rule-silence-hours =
    { $hours ->
        [one] не менее { $hours } часа
        [few] не менее { $hours } часов
        [many] не менее { $hours } часов
       *[other] не менее { $hours } часа
    }
meet-rule-informal-agreement = Предложения согласуются или отклоняются
meet-rule-informal-agreement-yes = председателем в ходе неофициальных консультаций или решением
meet-rule-informal-agreement-no = только решением
meet-important-questions = Важные вопросы
meet-no-important-question = Ни один вопрос не признан важным: голосования проводятся обычным большинством.
meet-important-majority-applies = Голосования по этим вопросам и по поправкам к ним проводятся большинством, установленным для важных вопросов.
meet-entry = запись { $number }
meet-designate-as-important = Признать важным
meet-target-a-provision-and-contents = положение (и то, что оно содержит)
meet-eid-or-proposal-number = eId или номер предложения
meet-designate = Признать
meet-no-decision-taken = Решений не принято.
meet-confirm-capitals-agreed = Подтвердить (столицы согласились)
meet-decision-where = { $target } (процесс { $process })
meet-decision-where-on-version = { $target } (процесс { $process }, по версии { $version })
meet-decision-where-adopted = { $target } (процесс { $process }, принята версия { $version })
meet-decision-head = Решение { $id } по { $where }, способ: { $method }
meet-decision-outcome = { $decision }: { $outcome }
meet-decision-tally = { $yes } за, { $no } против, { $abstaining } воздержались
meet-decision-tally-required = { $votes }; требуется { $required }
meet-decision-line = { $decision } (запись { $entry })
meet-decision-line-tally = { $decision } — { $tally } (запись { $entry })
meet-silence-procedures = Процедуры молчания
meet-none = Нет.
meet-silence-line = Процедура молчания { $id } по { $label }, срок { $deadline }:
meet-silence-running = идет
meet-silence-broken-by = прервана членом { $member } ({ $reason })
meet-silence-concluded = завершена: принято
meet-break-silence-reason = Нарушить молчание: причина
meet-break-silence = Нарушить молчание
meet-start-silence = Начать процедуру молчания
meet-silence-target-id = Номер предложения (P-17) или eId положения
meet-hours-until-deadline = Часов до истечения срока
meet-start = Начать
meet-taken-in-meetings = Голосования и консенсус проводятся на { $meetings }.
meet-meetings-link = заседаниях

## Краткий отчет в формате Markdown

meet-md-quorum =
    { $count ->
        [one] Присутствует { $count } член с правом голоса (кворум для принятия решений: { $to_decide }).
        [few] Присутствуют { $count } члена с правом голоса (кворум для принятия решений: { $to_decide }).
        [many] Присутствуют { $count } членов с правом голоса (кворум для принятия решений: { $to_decide }).
       *[other] Присутствуют { $count } члена с правом голоса (кворум для принятия решений: { $to_decide }).
    }
meet-md-statement-in = заявление в файле { $file }
meet-md-none = нет
