/// `kurs start COURSE [--module ID] [--cohort CODE]`: start a course, or go on with it.
struct StartCommand: Command {
  static let configuration = CommandConfiguration(
    name: "start", abstract: "start a course, or go on with it (--module ID for one module)",
    arguments: [CommandArgument("COURSE", completion: .course)],
    options: [
      CommandOption("--module", value: "ID"), CommandOption("--cohort", value: "CODE"), .learner,
      .language,
      .plain,
    ], usesDataFolder: true, help: help)

  var arguments: [String]
  var module: String?
  /// `--cohort CODE`: join a cohort while starting.
  var cohort: String?
  var course: String { arguments.first ?? "" }

  init(course: String, module: String? = nil, cohort: String? = nil) {
    self.arguments = [course]
    self.module = module
    self.cohort = cohort
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    module = parsed.value("--module")
    cohort = parsed.value("--cohort")
  }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError("'kurs start' needs one course: kurs start marina", command: "start")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    var options = context.options
    options.cohortCode = cohort
    return context.cli.start(
      course: course, module: module, options, locator: context.locator, loader: context.loader)
  }
}

// MARK: - kurs help start

extension StartCommand {
  /// What `kurs help start` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Starts a course, or goes on with it where you stopped. Without --module, the first
      module you have not passed whose prerequisites are done. COURSE is a course id from
      the courses folder (see kurs courses). Before the first module you see the course's
      content note, and before each module what it teaches and about how long it takes.
      Answer by number: 2 for one choice; 1 3 or 1,3 for several; 3 1 2 for an order;
      1b 2a 3c for matching (in Russian and Ukrainian the letters are Cyrillic: 1б 2а 3в;
      or one pair at a time, kept if you stop half-way); true/false by number or word. A
      wrong format (a number typed twice, a letter already used) never costs a try.

      At every prompt: ? help, q save and quit, x quick exit (saves, clears the screen
      and the terminal's scrollback and quits at once), r glossary and help resources,
      p progress, s show the screen again, b back to the previous page, c contents (the
      modules, their state and where you are), l the language of the program and the course
      (remembered for your profile). The same keys work on the Russian and Ukrainian
      layouts (й q, ч x, к r, з p, ы or і s, и b, с c, д l). With --discreet (or
      KURS_DISCREET=1), q also clears the screen and the scrollback. Your place is saved
      from the first screen.

      When input is not a terminal, kurs reads one answer per line and exits with 3 when
      the input ends; progress is saved either way.

      Each step is on disk before the next screen. When it cannot be saved (a full disk,
      no permission), kurs says so and why and keeps you at the same question: Enter
      tries again, q stops with exit code 4.

      examples:
        kurs start marina
        kurs start marina --module evidence --lang ru --plain
        printf '1\\n2\\n' | kurs start example --learner test
      """,
    translations: [
      "ru": HelpTopic.Translation(
        discussion: """
          Начинает курс или продолжает его с того места, где вы остановились. Без --module —
          первый модуль, который вы ещё не прошли и для которого всё нужное уже пройдено.
          COURSE — идентификатор курса из папки курсов (см. kurs courses). Перед первым модулем
          вы увидите предупреждение о содержании курса. Отвечайте номером: 2 — один вариант;
          1 3 или 1,3 — несколько; 3 1 2 — порядок; 1б 2а 3в — пары (или по одной паре);
          верно/неверно — номером или словом. Ответ в неверном формате никогда не стоит попытки.

          В любой момент: ? справка, q сохранить и выйти, x быстрый выход (сохраняет, очищает
          экран и историю прокрутки терминала и сразу закрывает программу), r глоссарий и где
          получить помощь, p прогресс, s показать экран снова, b назад к предыдущей странице,
          c содержание (модули, их состояние и где вы сейчас), l язык программы и курса (выбор
          запоминается для вашего профиля). Те же клавиши работают в русской и украинской
          раскладке (й q, ч x, к r, з p, ы или і s, и b, с c, д l). С --discreet (или
          KURS_DISCREET=1) q тоже очищает экран и историю прокрутки. Ваше место сохраняется
          с первого экрана. В вопросах на сопоставление буквы русские: 1б 2а 3в.

          Если ввод идёт не с терминала, kurs читает по одному ответу в строке и завершается
          с кодом 3, когда ввод закончился; прогресс сохраняется в любом случае.

          Каждый шаг записан на диск до следующего экрана. Если сохранить не удаётся (диск
          заполнен, нет прав), kurs говорит об этом и почему, и вы остаётесь на том же вопросе:
          Enter пробует снова, q останавливает с кодом выхода 4.

          примеры:
            kurs start marina
            kurs start marina --module evidence --lang ru --plain
            printf '1\\n2\\n' | kurs start example --learner test
          """
      ),
      "uk": HelpTopic.Translation(
        discussion: """
          Починає курс або продовжує його з того місця, де ви зупинилися. Без --module — перший
          модуль, який ви ще не пройшли і для якого все потрібне вже пройдено. COURSE —
          ідентифікатор курсу з папки курсів (див. kurs courses). Перед першим модулем ви
          побачите попередження про зміст курсу. Відповідайте номером: 2 — один варіант;
          1 3 або 1,3 — кілька; 3 1 2 — порядок; 1б 2а 3в — пари (або по одній парі);
          правда/неправда — номером або словом. Відповідь у неправильному форматі ніколи не
          забирає спробу.

          Будь-коли: ? довідка, q зберегти й вийти, x швидкий вихід (зберігає, очищує екран та
          історію прокручування термінала й одразу закриває програму), r глосарій і де отримати
          допомогу, p прогрес, s показати екран ще раз, b назад до попередньої сторінки, c зміст
          (модулі, їхній стан і де ви зараз), l мова програми й курсу (вибір запам’ятовується
          для вашого профілю). Ті самі клавіші працюють в українській і російській розкладці
          (й q, ч x, к r, з p, і або ы s, и b, с c, д l). З --discreet (або KURS_DISCREET=1) q
          теж очищає екран та історію прокручування. Ваше місце збережено з першого екрана.
          У питаннях на зіставлення літери кириличні: 1б 2а 3в.

          Якщо введення йде не з термінала, kurs читає по одній відповіді в рядку й
          завершується з кодом 3, коли введення закінчилося; прогрес зберігається в будь-якому
          разі.

          Кожен крок записано на диск до наступного екрана. Якщо зберегти не вдається (диск
          заповнений, немає прав), kurs каже про це й чому, і ви залишаєтеся на тому самому
          запитанні: Enter пробує ще раз, q зупиняє з кодом виходу 4.

          приклади:
            kurs start marina
            kurs start marina --module evidence --lang uk --plain
            printf '1\\n2\\n' | kurs start example --learner test
          """
      ),
    ])
}
