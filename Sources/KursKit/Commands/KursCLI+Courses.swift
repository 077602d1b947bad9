import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `kurs pack` and `kurs add`: a course as one file, sent by a trainer and added by a learner.
extension KursCLI {
  func pack(_ name: String, out: String?, locator: CourseLocator, loader: CourseLoader) -> ExitCode
  {
    guard let path = locator.path(for: name) else {
      console.writeError(
        "kurs: no course '\(name)'\(didYouMean(name, locator.courseIDs())); looked in \(locator.searchedDescription); give a course id or a path\n"
      )
      return .invalid
    }
    let output: URL
    if let out {
      output = URL(fileURLWithPath: out)
    } else {
      let course = loader.load(path: path, withDigest: false).course
      let name = course.map { "\($0.id)-\($0.version)" } ?? "course"
      output = URL(fileURLWithPath: "\(name).xml")
    }
    var isDirectory: ObjCBool = false
    let folder = output.deletingLastPathComponent()
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      console.writeError(
        "kurs: the folder \(folder.path) does not exist; nothing was written. Create it or choose another --out\n"
      )
      return .unreadable
    }
    do {
      let course = try CoursePacker.pack(path: path, to: output, loader: loader)
      console.write(
        "packed course '\(course.id)' \(course.version) into \(output.path)\nlearners add it with: kurs add \(output.lastPathComponent)\n"
      )
      return .success
    } catch {
      return report(error, path: path)
    }
  }

  /// - Parameter language: the language of what a learner reads when the course is added; a
  ///   broken course's errors are an author's, in English.
  func add(_ path: String, locator: CourseLocator, loader: CourseLoader, language: String = "en")
    -> ExitCode
  {
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

  private func report(_ error: CoursePacker.PackError, path: String) -> ExitCode {
    if case .invalid = error {
      console.writeError(error.description + "\n")
      console.writeError(
        "kurs: fix the errors above first (kurs validate \(path)); nothing was written\n")
      return .invalid
    }
    console.writeError("kurs: \(error.description)\n")
    return .unreadable
  }
}

extension CoursePacker.PackError {
  var isInvalid: Bool {
    switch self {
    case .invalid, .notUTF8, .declaresDoctype, .noRootElement: return true
    default: return false
    }
  }
}
