/// `kurs courses`: the courses found and whether they are valid.
struct CoursesCommand: Command {
  static let configuration = CommandConfiguration(
    name: "courses", abstract: "list the courses and whether they are valid",
    usesDataFolder: true, help: help)

  init() {}
  init(_ parsed: ParsedArguments) {}

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.listCourses(
      context.options, locator: context.locator, loader: context.loader,
      language: context.readerLanguage, home: false)
  }
}

// MARK: - kurs help courses

extension CoursesCommand {
  /// What `kurs help courses` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Lists the courses with their version, title and whether they are valid, and where
      each folder of courses is. When it finds none, it says where it looked and exits 1.

      where kurs looks for courses:
        1. --courses DIR: only there
        2. else $KURS_COURSES: only there
        3. else all of these, earlier first (a course id found earlier hides the same id
           later, so a newer copy you added wins over the one installed):
           - your courses: DATA/courses, by default ~/.local/share/kurs/courses
             ($XDG_DATA_HOME/kurs/courses); 'kurs add' puts courses there
           - the courses installed with kurs: ../share/kurs/courses beside the program
             (/usr/share/kurs/courses for the .deb)
           - Courses/ in the current folder
           - the Courses/ of the checkout kurs was built in (swift run kurs)
      Shared material (content:FILE) is read from the Content/ folder beside a course's
      folder (share/kurs/content for installed courses), or --content DIR.

      examples:
        kurs courses
        kurs courses --courses ~/my-courses
      """,
    translations: [
      "ru": HelpTopic.Translation(
        discussion: """
          Показывает курсы с версией, названием и тем, исправны ли они, и где лежит каждая папка
          с курсами. Если курсов нет, говорит, где искал, и завершается с кодом 1.

          где kurs ищет курсы:
            1. --courses DIR: только там
            2. иначе $KURS_COURSES: только там
            3. иначе во всех этих местах, по порядку (курс, найденный раньше, скрывает курс
               с тем же идентификатором дальше, так что добавленная вами новая копия важнее
               установленной):
               - ваши курсы: DATA/courses, по умолчанию ~/.local/share/kurs/courses
                 ($XDG_DATA_HOME/kurs/courses); сюда их кладёт 'kurs add'
               - курсы, установленные вместе с kurs: ../share/kurs/courses рядом с программой
                 (/usr/share/kurs/courses для пакета .deb)
               - Courses/ в текущей папке
               - Courses/ в папке исходников, из которой собран kurs (swift run kurs)
          Общие материалы (content:FILE) читаются из папки Content/ рядом с папкой курса
          (share/kurs/content для установленных курсов) или из --content DIR.

          примеры:
            kurs courses
            kurs courses --courses ~/my-courses
          """
      ),
      "uk": HelpTopic.Translation(
        discussion: """
          Показує курси з версією, назвою і тим, чи вони справні, і де лежить кожна папка з
          курсами. Якщо курсів немає, каже, де шукав, і завершується з кодом 1.

          де kurs шукає курси:
            1. --courses DIR: лише там
            2. інакше $KURS_COURSES: лише там
            3. інакше в усіх цих місцях, по черзі (курс, знайдений раніше, приховує курс із тим
               самим ідентифікатором далі, тож додана вами новіша копія важливіша за встановлену):
               - ваші курси: DATA/courses, типово ~/.local/share/kurs/courses
                 ($XDG_DATA_HOME/kurs/courses); сюди їх кладе 'kurs add'
               - курси, встановлені разом із kurs: ../share/kurs/courses поруч із програмою
                 (/usr/share/kurs/courses для пакета .deb)
               - Courses/ у поточній папці
               - Courses/ у папці з кодом, з якої зібрано kurs (swift run kurs)
          Спільні матеріали (content:FILE) читаються з папки Content/ поруч із папкою курсу
          (share/kurs/content для встановлених курсів) або з --content DIR.

          приклади:
            kurs courses
            kurs courses --courses ~/my-courses
          """
      ),
    ])
}
