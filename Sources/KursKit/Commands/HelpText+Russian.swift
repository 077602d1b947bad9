/// `kurs help` in Russian: the overview and the learners' commands. The authors' and hosts'
/// commands (validate, graph, cohort…) are explained in English, as their messages are.
extension HelpText {
  static let russianOverview = """
    kurs: курсы с ветвлениями и тесты в терминале

    как запускать: kurs [КОМАНДА] [ПАРАМЕТРЫ]

    без команды kurs открывает главный экран: выберите, кто учится, затем курс и модуль.
    Там же клавиша l меняет язык.

    команды для учащихся:
      start COURSE         начать курс или продолжить его (--module ID: один модуль)
      resume               продолжить с того места, где вы остановились, даже посреди вопроса
      progress             ваши курсы и модули: не начат, в процессе, пройден
      export               записать ваши результаты в один файл, чтобы отправить тренеру
      forget LEARNER       удалить записи учащегося с этого компьютера
      join CODE            присоединиться к группе ведущего (код выглядит так: marina-K7P4QX)
      courses              список курсов и исправны ли они
      add FILE             добавить файл (или папку) курса, который прислал тренер

    команды для ведущих вебинаров (справка по-английски):
      cohort new NAME --course COURSE    создать группу и её код
      cohort import NAME FILE|FOLDER...  загрузить файлы учащихся (kurs export)
      cohort pull NAME --lrs URL         прочитать записи группы из хранилища xAPI (LRS)
      cohort report NAME                 кто закончил, кто застрял, самые трудные вопросы
                                         (--csv FILE|-, --json, --html FILE|-)

    команды для авторов (справка по-английски):
      validate PATH...     проверить курсы, как компилятор: путь:строка:столбец: error: ...
                           (--review: ещё и вопросы, ответ на которые можно угадать)
      graph COURSE         нарисовать ветвления курса (Graphviz dot или Mermaid)
      stats COURSE         узлы, пути, баллы и время чтения по модулям
      new course ID        создать заготовку курса, которая проходит проверку
      pack COURSE          весь курс одним файлом для отправки (--out FILE)
      publish html|scorm|cmi5 COURSE  веб-страница для телефонов или пакет для Moodle
                                      (html: один файл, работает без сети; scorm: SCORM 1.2)
      import moodle|gift FILE   банк вопросов Moodle XML или GIFT как новый курс
      schema               напечатать XML-схему формата курса

    команды для сертификатов:
      certificate verify FILE   проверить сертификат по его курсу (--issuer-key PUB,
                                чтобы проверить подписанный)
      certificate sign FILE     проверить сертификат учащегося и подписать его своим ключом
      certificate print FILE    страница для печати (--no-title: без названия курса)
      certificate context       напечатать JSON-LD-контекст Kurs (urn:kurs:context:1)
      keys new                  создать пару ключей для подписи сертификатов

    другие команды:
      help [COMMAND]       объяснить команду, с примером
      completion bash|zsh  скрипт автодополнения для оболочки: source <(kurs completion bash)
      man                  справка (по-английски) как страница руководства: kurs man | man -l -

    параметры для всех команд:
      --learner NAME       кто учится (псевдоним подойдёт; новый профиль создаётся сам)
      --data-dir DIR       где хранится прогресс (по умолчанию: $KURS_DATA_DIR, иначе
                           $XDG_DATA_HOME/kurs, иначе ~/.local/share/kurs); папка должна быть
                           вашей, и другие учётные записи не должны иметь права записи в неё
      --courses DIR        искать курсы только в DIR (иначе $KURS_COURSES; иначе ваши курсы
                           DATA/courses, курсы, установленные вместе с kurs
                           (../share/kurs/courses рядом с программой), ./Courses и папка
                           исходников, из которой собран kurs: см. 'kurs help courses')
      --content DIR        общая папка Content/ (по умолчанию: рядом с курсами)
      --lang CODE          язык: en, ru или uk (по умолчанию: ваш сохранённый выбор, затем
                           LANGUAGE, LC_ALL, LANG; для локалей uk, kk, ky, be, ka, hy, az, uz,
                           tg и ro_MD русский идёт раньше английского, если LANGUAGE не
                           говорит иного). Текст курса показывается на первом языке из этого
                           ряда, который есть в курсе
      --plain              для программ экранного доступа: без цвета и рамок, каждый вариант
                           на своей строке, абзац одной строкой (--wrap N или KURS_WRAP=N:
                           переносить по N столбцов)
      --discreet           q тоже очищает экран и историю прокрутки, как x (иначе
                           KURS_DISCREET=1)
      --lrs URL            ещё и отправлять записи в хранилище учебных записей xAPI (иначе
                           $KURS_LRS_URL), в фоне; они ждут на диске, пока хранилище их не
                           подтвердит. Адрес с user:password@ не принимается
      --lrs-credentials FILE   user:password для хранилища, в файле, который можете читать
                           только вы (chmod 600), иначе $KURS_LRS_USER и $KURS_LRS_PASSWORD
      --help, -h           эта справка; version (или --version, -V): версия

    во время курса, в любой момент:
      ? справка   q сохранить и выйти   x быстрый выход   r материалы   p прогресс
      s показать снова   b назад   c содержание   l язык
      (в русской и украинской раскладке тоже: й q, ч x, к r, з p, ы или і s, и b, с c, д l)
      x, быстрый выход, сохраняет, очищает экран и историю прокрутки терминала и сразу
      закрывает программу

    коды выхода: 0 успешно, 1 неверные данные, 2 файл не читается, 3 ввод закончился
    (прогресс сохранён), 4 шаг не удалось сохранить (диск заполнен, нет прав) и учащийся
    остановился или не удалось записать стандартный вывод, 64 неверная командная строка,
    130 прервано Ctrl-C (прогресс сохранён)

    примеры:
      kurs
      kurs start marina --lang ru
      kurs resume --learner Sveta
      kurs validate Courses/example
      kurs graph example --module basics --format mermaid
      kurs new course first-aid
      kurs certificate verify example.json --lang ru

    """
}
