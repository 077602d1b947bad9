/// `kurs add FILE|FOLDER`: add a course a trainer sent to the learner's courses.
struct AddCommand: Command {
  static let configuration = CommandConfiguration(
    name: "add", abstract: "add a course file (or folder) a trainer sent you",
    arguments: [CommandArgument("FILE|FOLDER")], usesDataFolder: true, help: help)

  var arguments: [String]
  var path: String { arguments.first ?? "" }

  init(path: String) { arguments = [path] }
  init(_ parsed: ParsedArguments) { arguments = parsed.arguments }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError(
        "'kurs add' needs one course file or folder: kurs add marina.xml", command: "add")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.add(
      path, locator: context.locator, loader: context.loader, language: context.readerLanguage)
  }
}

// MARK: - kurs help add

extension AddCommand {
  /// What `kurs help add` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Checks a course (a packed course file, a course.xml or a course folder) and adds it
      to your courses (DATA/courses, by default ~/.local/share/kurs/courses) as one file, so
      that 'kurs start ID' finds it. A broken course is refused with its errors and nothing
      is added. Adding a course with the id of one you have replaces it (your progress is
      kept: it belongs to you, not to the course file).

      example:
        kurs add marina.xml
        kurs start marina
      """,
    translations: [
      "ru": HelpTopic.Translation(
        discussion: """
          Проверяет курс (упакованный файл курса, course.xml или папку курса) и добавляет его
          в ваши курсы (DATA/courses, по умолчанию ~/.local/share/kurs/courses) одним файлом,
          чтобы его нашла команда 'kurs start ID'. Курс с ошибками не добавляется: kurs
          показывает ошибки и ничего не меняет. Курс с тем же идентификатором, что у уже
          добавленного, заменяет его (ваш прогресс остаётся: он принадлежит вам, а не файлу
          курса).

          пример:
            kurs add marina.xml
            kurs start marina
          """
      ),
      "uk": HelpTopic.Translation(
        discussion: """
          Перевіряє курс (запакований файл курсу, course.xml або папку курсу) і додає його до
          ваших курсів (DATA/courses, типово ~/.local/share/kurs/courses) одним файлом, щоб його
          знайшла команда 'kurs start ID'. Курс із помилками не додається: kurs показує помилки й
          нічого не змінює. Курс із тим самим ідентифікатором, що й уже доданий, замінює його
          (ваш прогрес залишається: він належить вам, а не файлу курсу).

          приклад:
            kurs add marina.xml
            kurs start marina
          """
      ),
    ])
}
