/// `kurs help` in Ukrainian: the overview and the learners' commands. The authors' and hosts'
/// commands (validate, graph, cohort…) are explained in English, as their messages are.
extension HelpText {
  static let ukrainianOverview = """
    kurs: курси з розгалуженнями й тести в терміналі

    як запускати: kurs [КОМАНДА] [ПАРАМЕТРИ]

    без команди kurs відкриває головний екран: виберіть, хто навчається, потім курс і модуль.
    Там само клавіша l змінює мову.

    команди для учасників і учасниць:
      start COURSE         почати курс або продовжити його (--module ID: один модуль)
      resume               продовжити з того місця, де ви зупинилися, навіть посеред запитання
      progress             ваші курси й модулі: не розпочато, триває, пройдено
      export               записати ваші результати в один файл, щоб надіслати тренерам
      forget LEARNER       видалити записи профілю з цього комп’ютера
      join CODE            приєднатися до групи свого вебінару (код має такий вигляд: marina-K7P4QX)
      courses              список курсів і чи справні вони
      add FILE             додати файл (або папку) курсу, який надіслали тренер чи тренерка

    команди для ведучих вебінарів (довідка англійською):
      cohort new NAME --course COURSE    створити групу та її код
      cohort import NAME FILE|FOLDER...  завантажити файли учасників (kurs export)
      cohort pull NAME --lrs URL         прочитати записи групи зі сховища xAPI (LRS)
      cohort report NAME                 хто закінчив, хто застряг, найважчі запитання
                                         (--csv FILE|-, --json, --html FILE|-)

    команди для авторів (довідка англійською):
      validate PATH...     перевірити курси, як компілятор: шлях:рядок:стовпець: error: ...
                           (--review: ще й запитання, відповідь на які можна вгадати)
      graph COURSE         намалювати розгалуження курсу (Graphviz dot або Mermaid)
      stats COURSE         вузли, шляхи, бали й час читання за модулями
      new course ID        створити заготовку курсу, яка проходить перевірку
      pack COURSE          увесь курс одним файлом для надсилання (--out FILE)
      publish html|scorm|cmi5 COURSE  вебсторінка для телефонів або пакет для Moodle
                                      (html: один файл, працює без мережі; scorm: SCORM 1.2)
      import moodle|gift FILE   банк запитань Moodle XML або GIFT як новий курс
      schema               надрукувати XML-схему формату курсу

    команди для сертифікатів:
      certificate verify FILE   перевірити сертифікат за його курсом (--issuer-key PUB,
                                щоб перевірити підписаний)
      certificate sign FILE     перевірити сертифікат учасника й підписати його своїм ключем
      certificate print FILE    сторінка для друку (--no-title: без назви курсу)
      certificate context       надрукувати JSON-LD-контекст Kurs (urn:kurs:context:1)
      keys new                  створити пару ключів для підпису сертифікатів

    інші команди:
      help [COMMAND]       пояснити команду, з прикладом
      completion bash|zsh  скрипт автодоповнення для оболонки: source <(kurs completion bash)
      man                  довідка (англійською) як сторінка посібника: kurs man | man -l -

    параметри для всіх команд:
      --learner NAME       хто навчається (псевдонім підійде; новий профіль створюється сам)
      --data-dir DIR       де зберігається прогрес (типово: $KURS_DATA_DIR, інакше
                           $XDG_DATA_HOME/kurs, інакше ~/.local/share/kurs); папка має бути
                           вашою, і інші облікові записи не повинні мати права запису в неї
      --courses DIR        шукати курси лише в DIR (інакше $KURS_COURSES; інакше ваші курси
                           DATA/courses, курси, встановлені разом із kurs
                           (../share/kurs/courses поруч із програмою), ./Courses і папка
                           з кодом, з якої зібрано kurs: див. 'kurs help courses')
      --content DIR        спільна папка Content/ (типово: поруч із курсами)
      --lang CODE          мова: en, ru або uk (типово: ваш збережений вибір, потім LANGUAGE,
                           LC_ALL, LANG; для локалей uk, kk, ky, be, ka, hy, az, uz, tg
                           і ro_MD російська йде раніше за англійську, якщо LANGUAGE не
                           каже інакше). Текст курсу показано першою мовою з цього ряду,
                           яка є в курсі: курс без української показано російською
      --plain              для програм екранного доступу: без кольору й рамок, кожен
                           варіант в окремому рядку, абзац одним рядком (--wrap N або
                           KURS_WRAP=N: переносити по N стовпців)
      --discreet           q теж очищає екран та історію прокручування, як x (інакше
                           KURS_DISCREET=1)
      --lrs URL            ще й надсилати записи до сховища навчальних записів xAPI (інакше
                           $KURS_LRS_URL), у фоні; вони чекають на диску, доки сховище їх не
                           підтвердить. Адресу з user:password@ не приймаємо
      --lrs-credentials FILE   user:password для сховища, у файлі, який можете читати лише
                           ви (chmod 600), інакше $KURS_LRS_USER і $KURS_LRS_PASSWORD
      --help, -h           ця довідка; version (або --version, -V): версія

    під час курсу, будь-коли:
      ? довідка   q зберегти й вийти   x швидкий вихід   r матеріали   p прогрес
      s показати ще раз   b назад   c зміст   l мова
      (в українській і російській розкладці теж: й q, ч x, к r, з p, і або ы s, и b, с c, д l)
      x, швидкий вихід, зберігає, очищує екран та історію прокручування термінала й одразу
      закриває програму

    коди виходу: 0 успішно, 1 неправильні дані, 2 файл не читається, 3 введення закінчилося
    (прогрес збережено), 4 крок не вдалося зберегти (диск заповнений, немає прав) і
    учасник зупинився або не вдалося записати стандартний вивід, 64 неправильний
    командний рядок, 130 перервано Ctrl-C (прогрес збережено)

    приклади:
      kurs
      kurs start marina --lang uk
      kurs resume --learner Sveta
      kurs validate Courses/example
      kurs graph example --module basics --format mermaid
      kurs new course first-aid
      kurs certificate verify example.json --lang uk

    """
}
