import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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

  /// Checks the course, then adds it to the learner's courses as one file (packed beside its
  /// place, then renamed over an older copy in one step).
  func run(_ context: CommandContext) -> ExitCode {
    let (console, locator, loader) = (context.console, context.locator, context.loader)
    let language = context.readerLanguage
    guard FileManager.default.fileExists(atPath: path) else {
      console.writeError(
        "kurs: \(path): no such file or folder; give a course file (kurs pack makes one) or a course folder\n"
      )
      return .unreadable
    }
    let destinationRoot = locator.userDirectory
    do {
      try DataDirectory.create(destinationRoot)
    } catch {
      console.writeError(
        "kurs: cannot create \(destinationRoot.path): \(error.localizedDescription); nothing was added\n"
      )
      return .unreadable
    }
    // Packed beside its final place, checked, then renamed over the old copy in one step.
    let staged = destinationRoot.appendingPathComponent(".adding-\(UUID().uuidString).xml")
    defer { try? FileManager.default.removeItem(at: staged) }
    let course: Course
    do {
      course = try CoursePacker.pack(path: path, to: staged, loader: loader)
    } catch {
      if case .invalid = error {
        console.writeError(error.description + "\n")
      } else {
        console.writeError("kurs: \(error.description)\n")
      }
      console.writeError("kurs: \(path) was not added; nothing was changed\n")
      return error.isInvalid ? .invalid : .unreadable
    }
    guard !course.id.isEmpty, !course.id.contains("/"), !course.id.hasPrefix(".") else {
      console.writeError(
        "kurs: \(path): the course id '\(course.id)' cannot name a folder; nothing was added\n")
      return .invalid
    }
    let folder = destinationRoot.appendingPathComponent(course.id)
    let file = folder.appendingPathComponent("course.xml")
    let previous =
      FileManager.default.fileExists(atPath: file.path)
      ? loader.load(path: folder.path).course : nil
    do {
      try DataDirectory.create(folder)
      if rename(staged.path, file.path) != 0 {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      // The rename is on disk before it is reported.
      let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
      if descriptor >= 0 {
        fsync(descriptor)
        close(descriptor)
      }
    } catch {
      console.writeError(
        "kurs: cannot write \(file.path): \(error.localizedDescription); nothing was added\n")
      return .unreadable
    }
    // The title in the reader's language where the course has it (Russian for Ukrainian).
    let shownIn = LanguageChain.first(
      of: LanguageChain.chain(explicit: language, environment: [:]), in: course.languages)
    let title =
      course.title.resolve(shownIn ?? course.defaultLanguage, fallback: course.defaultLanguage)?
      .plain ?? course.id
    func t(_ key: Localization.Key, _ arguments: String...) -> String {
      Localization.string(key, language, arguments: arguments)
    }
    if let previous, previous.digest == course.digest {
      console.write(t(.courseUnchanged, course.id, course.version, title) + "\n")
    } else if let previous {
      console.write(
        t(.courseReplaced, course.id, previous.version, course.version, title, destinationRoot.path)
          + "\n")
    } else {
      console.write(t(.courseAdded, course.id, course.version, title, destinationRoot.path) + "\n")
    }
    console.write(t(.courseStartWith, "kurs start \(course.id)") + "\n")
    return .success
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
