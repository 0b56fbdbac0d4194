# Рамка каждой страницы: заголовок, навигация, выбор языка, уведомления, нижний колонтитул.

skip-to-content = Перейти к основному содержанию
nav-main = Основное
nav-home = Главная
nav-negotiations = Переговоры
nav-meetings = Заседания
nav-consultations = Консультации
nav-members = Члены
nav-officers = Должностные лица
nav-record = Реестр
log-out = Выйти
log-in = Войти
language-switcher = Язык
banner-initial-password = Вы используете начальный пароль.
banner-choose-password = Выберите собственный пароль, чтобы продолжить.
signing-required = { $member } требует своей подписи под каждым действием от его имени. В этом браузере нет ключа подписи { $member } или отключён JavaScript, поэтому эти страницы не могут действовать от имени { $member }:
signing-create-key = создайте ключ в этом браузере на странице своей учётной записи
signing-or-submit = (глава делегации его регистрирует) или подпишите с помощью
footer-record-size =
    { $count ->
        [one] в реестре { $size } запись
        [few] в реестре { $size } записи
        [many] в реестре { $size } записей
       *[other] в реестре { $size } записи
    }
footer-read-it = читать

role-head_of_delegation = Глава делегации
role-delegate = Делегат
role-adviser = Советник
role-secretariat = Секретариат
role-chair = Председатель
role-vice_chair = Заместитель председателя
role-co_facilitator = Сокоординатор
role-translator = Переводчик
language-unknown = «{ $lang }» — не язык этого интерфейса: выберите английский, арабский, испанский, китайский, русский или французский
