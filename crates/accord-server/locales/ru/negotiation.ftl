# Страницы переговоров: процессы, сводный текст, положения, предложения,
# версии и сравнения.

neg-negotiations = Переговоры
neg-nothing-changed = Ничего не изменено.

## Список процессов

neg-processes-lede = Каждый процесс — это одни переговоры: их текст, предложения по его изменению и версии, через которые он прошел.
neg-processes-none = Пока не открыто ни одного процесса.
neg-col-process = Процесс
neg-col-version = Версия
neg-col-open-proposals = Открытые предложения
neg-col-brackets = Скобки
neg-col-options = Варианты
neg-processes-outdated =
    { $count ->
        [one] ({ $count } устаревшее)
       *[other] ({ $count } устаревших)
    }
neg-open-heading = Открыть процесс с нулевым проектом
neg-md-hint-start = Напишите проект в формате Markdown:
neg-md-hint-then = затем
neg-md-hint-recitals = с одним пунктом преамбулы в каждом абзаце,
neg-md-hint-paragraphs = пункты с номерами
neg-md-hint-points = и подпункты
neg-md-hint-end = каждый на отдельной строке. Неправильно оформленный проект отклоняется с указанием строки и причины.
neg-open-title = Название
neg-open-zero-draft = Нулевой проект
neg-open-submit = Открыть процесс

## Версии и сравнения

neg-versions = Версии
neg-versions-lede = Любую версию можно прочитать; любые две можно сравнить слово за словом. Скобки и варианты каждой предыдущей версии подсчитаны на момент, когда ее заменила следующая версия.
neg-redline-from = Сравнить с версии
neg-redline-to = по
neg-only-changed = только изменения
neg-compare = Сравнить
neg-col-made-by = Основание
neg-col-brackets-options = Скобки · варианты
neg-col-entry = Запись
neg-col-when = Когда
neg-col-links = Ссылки
neg-counts-now = (сейчас)
neg-counts-when-replaced = (на момент замены)
neg-read = читать
neg-redline = сравнение
neg-redline-in-word = сравнение в Word
neg-revision-heading = Выпустить пересмотренный вариант
neg-revision-named = Версия { $version } уже имеет название. Сначала согласуйте изменение.
neg-revision-name = Название версии { $version }
neg-revision-issue = Выпустить

## Положение

neg-version = Версия { $version }
neg-version-lower = версия { $version }
neg-zero-draft-name = Нулевой проект
neg-provision-text = Текст
neg-provision-select-hint = Выделите слова в тексте ниже, чтобы предложить их изменить.
neg-provision-keyboard-hint = С клавиатуры: клавишей Tab перейдите к тексту; затем клавиши со стрелками перемещают по словам, а Shift со стрелкой выделяет.
neg-provision-with-proposals = С открытыми предложениями
neg-chapter-num = Глава { $num }
neg-article-num = Статья { $num }
neg-chair-text-summary = Заменить эти скобки текстом Председателя
neg-chair-text-label = Текст Председателя вместо вариантов
neg-chair-text-submit = Внести текст Председателя
neg-propose-heading = Предложить изменение от имени { $member }
neg-propose-change = Изменение
neg-propose-replace-words = Заменить слова
neg-propose-insert-words = Вставить слова
neg-propose-delete-words = Удалить слова
neg-propose-replace-provision =
    { $kind ->
        [recital] Заменить весь пункт преамбулы
        [chapter] Заменить всю главу
        [article] Заменить всю статью
        [paragraph] Заменить весь пункт
       *[point] Заменить весь подпункт
    }
neg-propose-replace-heading = Заменить название
neg-propose-insert-provision =
    { $kind ->
        [recital] Вставить новый пункт преамбулы рядом с этим
        [chapter] Вставить новую главу рядом с этой
        [article] Вставить новую статью рядом с этой
        [paragraph] Вставить новый пункт рядом с этим
       *[point] Вставить новый подпункт рядом с этим
    }
neg-propose-delete-provision =
    { $kind ->
        [recital] Удалить этот пункт преамбулы
        [chapter] Удалить эту главу
        [article] Удалить эту статью
        [paragraph] Удалить этот пункт
       *[point] Удалить этот подпункт
    }
neg-propose-quote = Слова точно так, как в тексте
neg-which-occurrence = Какое вхождение
neg-propose-occurrence-hint = (если слова встречаются несколько раз: 1, 2, ...)
neg-propose-where = Где
neg-propose-after = после
neg-propose-before = перед
neg-propose-heading-label = Название
neg-propose-heading-hint-article = (новой статьи)
neg-propose-heading-hint-either =
    { $kind ->
        [recital] (новой статьи или новое название этого пункта преамбулы)
        [chapter] (новой статьи или новое название этой главы)
        [article] (новой статьи или новое название этой статьи)
        [paragraph] (новой статьи или новое название этого пункта)
       *[point] (новой статьи или новое название этого подпункта)
    }
neg-propose-text = Новые слова
neg-propose-text-hint = (новая статья: ее пункты с номерами 1., 2., ...)
neg-justification = Обоснование
neg-propose-submit = Внести предложение
neg-log-in = Войдите
neg-log-in-to-propose = как делегат члена, чтобы предложить изменение.
neg-only-members-table = Предложения вносят только главы делегаций и делегаты членов со статусом члена; наблюдатели и советники следят за ними здесь.
neg-proposals = Предложения
neg-no-proposal-here =
    { $kind ->
        [recital] Ни одно предложение не касается этого пункта преамбулы.
        [chapter] Ни одно предложение не касается этой главы.
        [article] Ни одно предложение не касается этой статьи.
        [paragraph] Ни одно предложение не касается этого пункта.
       *[point] Ни одно предложение не касается этого подпункта.
    }
neg-col-proposal = Предложение
neg-col-change = Изменение
neg-col-behind = Поддерживают
neg-col-objecting = Возражают
neg-col-status = Статус
neg-outdated = устарело
neg-who-wrote = Кто написал этот текст
neg-the-decision = решение
neg-entry = запись № { $entry }
neg-history = История
neg-redline-from-zero = сравнение с нулевым проектом

## Предложение

neg-proposal-title = Предложение P-{ $id }
neg-proposal-by = от
neg-fact-kind = Вид
neg-fact-anchored = Привязано к
neg-as-amendment = как поправка (Akoma Ntoso)
neg-fact-tabled = Внесено
neg-tabled-by = делегатом
neg-tabled-for = от имени
neg-fact-cosponsors = Соавторы
neg-fact-support = Поддержка
neg-fact-objections = Возражения
neg-none = нет
neg-fact-result = Результат
neg-fact-decided = Решено
neg-agreed-informally = (согласовано Председателем в ходе неофициальных консультаций)
neg-fact-decisions = Решения
neg-all-decisions = все решения
neg-receipt = Скачать квитанцию записи, которой оно внесено
neg-act-heading = Действия
neg-act-support = Поддержать от имени { $member }
neg-act-object = Возразить от имени { $member }
neg-act-uncosponsor = Выйти из числа соавторов
neg-act-cosponsor = Стать соавтором
neg-act-withdraw-confirm = Отозвать P-{ $id }? Это будет внесено в реестр и не может быть отменено.
neg-act-withdraw = Отозвать
neg-act-provision-gone = Положения, которого оно касалось, больше нет в тексте: отзовите его и внесите новое предложение там, где этого теперь требует текст.
neg-act-words-changed = Слова, которые оно цитировало, изменились. Привяжите его заново к последней версии:
neg-act-reanchor-quote = Слова в их нынешнем виде
neg-act-reanchor = Привязать заново
neg-act-provision-changed = Слова положения изменились после внесения этой новой формулировки. Прочитайте положение в его нынешнем виде; если новая формулировка по-прежнему должна его заменить, подтвердите ее для последней версии:
neg-act-confirm = Подтвердить для последней версии
neg-only-members-act = Поддерживать предложения, возражать против них или становиться их соавторами могут только главы делегаций и делегаты членов со статусом члена; наблюдатели и советники следят за ними здесь.
neg-act-by-decision = По правилам этого процесса предложение включается в текст или исключается из него только решением: предложите принять его консенсусом или поставьте его на голосование на
neg-act-meeting = заседании
neg-act-or-start = , или начните
neg-act-silence = процедуру молчания
neg-full-stop = .
neg-comma = {", "}
neg-colon = {": "}
neg-act-agree-confirm = Включить P-{ $id } в текст? Будет создана новая версия.
neg-act-agree = Включить в текст (неофициальные консультации)
neg-act-reject-confirm = Отклонить P-{ $id }?
neg-act-reject = Отклонить
neg-log-in-to-act = чтобы поддержать, возразить или стать соавтором.

## Сводный текст

neg-clean-text-suffix = , чистый текст
neg-rolling-of-version = Сводный текст версии { $version }
neg-proposals-of-suffix = , предложения
neg-symbol-label = Условное обозначение документа:
neg-progress = Ход работы
neg-fig-brackets-replaced = Скобки на момент замены
neg-fig-brackets-now = Скобки сейчас
neg-fig-options-replaced = Варианты на момент замены
neg-fig-options-now = Варианты сейчас
neg-fig-open-proposals-of = Открытые предложения
neg-views = Представления
neg-view-all = Всё
neg-view-clean = Чистый текст
neg-view-versions = Версии и сравнения
neg-view-decisions = Правила и решения
neg-markdown-of-version = Markdown версии { $version }
neg-akn-of-version = Akoma Ntoso версии { $version }
neg-word-of-version = Word версии { $version }
neg-rolling-akn = Сводный текст в Akoma Ntoso
neg-rolling-word-footnotes = Сводный текст в Word (члены в сносках)
neg-rolling-word-inline = Сводный текст в Word (члены в тексте)
neg-compilation-word = Подборка предложений в Word
neg-print = Печать
neg-filter-member = Только предложения
neg-filter-every-member = всех членов
neg-filter-my-delegation = { $member } (моя делегация)
neg-filter-show = Показать
neg-outdated-banner = Устаревшие предложения (цитируемый в них текст изменился; их авторы привязывают их заново):
neg-symbol = Условное обозначение документа
neg-symbol-none = У процесса пока нет условного обозначения документа.
neg-symbol-issued-as = Процесс выпущен под условным обозначением
neg-symbol-revisions = Пересмотренные варианты с названием выпускаются под этим обозначением с добавлением /Rev.1, /Rev.2…
neg-symbol-set = Присвоить обозначение
neg-text = Текст
neg-new-article-in = новая статья, предложенная в
neg-new-in = новое, предложено в
neg-provision-link = { $provision }: предложения, история и авторство текста
neg-provision-counts =
    { $brackets ->
        [one] { $brackets } скобка
        [few] { $brackets } скобки
       *[other] { $brackets } скобок
    }, { $options ->
        [one] { $options } вариант
        [few] { $options } варианта
       *[other] { $options } вариантов
    }
neg-propose = предложить
neg-redline-title = Сравнение { $from } → { $to }
neg-redline-heading = Сравнение версии { $from } с версией { $to }
neg-redline-changed =
    { $count ->
        [one] Изменено { $count } положение
        [few] Изменено { $count } положения
       *[other] Изменено { $count } положений
    }
neg-redline-inserted = Вставленные слова
neg-redline-and = и
neg-redline-deleted = удаленные слова
neg-redline-marked = выделены.
neg-redline-word = Скачать в Word с исправлениями, которые можно принять или отклонить
neg-from = С версии
neg-redline-new = (новое)
neg-redline-deleted-provision = (удалено)

## Слова, из которых страницы составляют текст

neg-option-original = исходный текст
neg-summary-insert-words =
    { $position ->
        [before] вставить «{ $text }» перед «{ $quote }»
       *[after] вставить «{ $text }» после «{ $quote }»
    }
neg-summary-replace-words = заменить «{ $quote }» на «{ $text }»
neg-summary-delete-words = удалить «{ $quote }»
neg-summary-insert-provision =
    { $position ->
        [before] вставить перед положением «{ $provision }»: «{ $text }»
       *[after] вставить после положения «{ $provision }»: «{ $text }»
    }
neg-summary-replace-provision = заменить положение на «{ $text }»
neg-summary-replace-heading = заменить название положения «{ $provision }» на «{ $heading }»
neg-summary-delete-provision = удалить положение «{ $provision }»
neg-kind-replace-words = замена слов
neg-kind-insert-words = вставка слов
neg-kind-delete-words = удаление слов
neg-kind-replace-provision = замена положения
neg-kind-insert-provision = вставка положения
neg-kind-delete-provision = удаление положения
neg-kind-replace-heading = замена названия
neg-status-tabled = внесено
neg-status-withdrawn = отозвано
neg-status-merged = объединено
neg-status-agreed = согласовано
neg-status-rejected = отклонено
neg-label-recital = пункт преамбулы { $num }
neg-label-chapter = глава { $num }
neg-label-article = статья { $num }
neg-label-paragraph = пункт { $num }
neg-label-point = подпункт { $num })
neg-label-separator = {", "}
neg-origin-zero-draft = нулевой проект
neg-origin-chair-text = текст Председателя
neg-origin-by = P-{ $proposal } от { $member }
neg-origin-adopted =
    { $method ->
        [consensus] { $by }, принято решением { $decision } (консенсус)
        [silence] { $by }, принято решением { $decision } (процедура молчания)
       *[vote] { $by }, принято решением { $decision } (голосование)
    }
neg-origin-agreed = { $by }, согласовано Председателем в ходе неофициальных консультаций
neg-cause-zero-draft = нулевой проект
neg-cause-chair-text = текст Председателя
neg-cause-agreed = P-{ $proposal } согласовано
neg-cause-confirmed = решение { $decision } подтверждено
neg-cause-adopted =
    { $method ->
        [consensus] решение { $decision }: принято консенсусом
        [silence] решение { $decision }: принято в порядке процедуры молчания
       *[vote] решение { $decision }: принято голосованием
    }
neg-cause-not-adopted = решение { $decision }: не принято при голосовании
neg-cited-statement = Взято из заявления { $statement } консультации { $consultation } («{ $text }», /consultations/{ $consultation }).

## Решение по предложению одной строкой

neg-decision-instrument = документ
neg-decision-process = процесс { $process }
neg-decision-process-on-version = процесс { $process }, по версии { $version }
neg-decision-process-adopted-version = процесс { $process }, принята версия { $version }
neg-decision-subject = Решение { $id }, предмет: { $target } ({ $process })
neg-outcome-adopted = принято
neg-outcome-not-adopted = не принято
neg-outcome-agreed-ad-referendum = согласовано ad referendum
neg-decision-tally = — «за» { $yes }, «против» { $no }, воздержались { $abstain }
neg-decision-required = ; требуется { $required }
neg-decision-line =
    { $method ->
        [consensus] { $subject }, консенсусом: { $outcome }
        [silence] { $subject }, в порядке процедуры молчания: { $outcome }
       *[vote] { $subject }, голосованием: { $outcome }
    }
neg-decision-entry = { $line } (запись { $entry })
neg-papers = Документы зала заседаний
neg-papers-lede = Секретариат выпускает сводный текст или подборку предложений в качестве документа зала заседаний под собственным условным обозначением; документ остаётся таким, каким был выпущен, что бы ни изменилось позднее.
neg-papers-none = Документы зала заседаний не выпускались.
neg-paper-col-kind = Документ
neg-paper-current = (текущий текст)
neg-paper-kind-rolling_text = Сводный текст
neg-paper-kind-compilation = Подборка предложений
neg-paper-issue = Выпустить в качестве документа зала заседаний (версия { $version })
