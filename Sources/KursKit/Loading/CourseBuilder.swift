import Foundation

/// Turns parsed course files into the model, collecting findings as it goes. One builder loads
/// one course; `CourseLoader` is its public face.
final class CourseBuilder {
  let reader: XMLReader
  let resolver: PathResolver
  let courseDisplayDirectory: String

  private(set) var diagnostics: [Diagnostic] = []
  private(set) var filesRead: [String] = []
  var languages: [String] = []
  var defaultLanguage = "en"
  /// Shared files already read, by path: each is read once however often it is used.
  private var libraries: [String: ContentLibrary?] = [:]
  private var digest = SHA256Digest()

  init(reader: XMLReader, resolver: PathResolver, courseDisplayDirectory: String) {
    self.reader = reader
    self.resolver = resolver
    self.courseDisplayDirectory = courseDisplayDirectory
  }

  func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  func error(_ location: SourceLocation, _ message: String) {
    diagnostics.append(.error(at: location, message))
  }

  func warning(_ location: SourceLocation, _ message: String) {
    diagnostics.append(.warning(at: location, message))
  }

  // MARK: Files

  /// How a file is named in findings: inside the course folder, relative to how the user named
  /// the course; elsewhere, relative to the working directory when possible.
  func displayPath(of url: URL) -> String {
    let path = url.standardizedFileURL.path
    let coursePath = resolver.courseDirectory.path + "/"
    if path.hasPrefix(coursePath) {
      let relative = String(path.dropFirst(coursePath.count))
      return courseDisplayDirectory.isEmpty ? relative : courseDisplayDirectory + "/" + relative
    }
    let workingDirectory = FileManager.default.currentDirectoryPath + "/"
    if path.hasPrefix(workingDirectory) { return String(path.dropFirst(workingDirectory.count)) }
    return path
  }

  /// Reads a file (or takes it read already), records it in the digest and returns its root
  /// when it passed the schema.
  func readFile(
    _ url: URL, displayPath: String, expectedRoot: String, referencedAt: SourceLocation?,
    document alreadyRead: XMLReader.Document? = nil
  ) -> ParsedElement? {
    let document = alreadyRead ?? reader.read(fileAt: url, displayPath: displayPath)
    filesRead.append(displayPath)
    let relative = url.standardizedFileURL.path.replacingOccurrences(
      of: resolver.courseDirectory.path, with: "")
    digest.update(Array(relative.utf8))
    digest.update(document.bytes)
    diagnostics.append(contentsOf: document.diagnostics)
    guard let root = document.root else { return nil }
    guard root.name == expectedRoot else {
      let hint: String
      switch (root.name, expectedRoot) {
      case ("module", "course"):
        hint = "this is a module file; validate the course folder whose course.xml names it with <module-ref>"
      case ("content", "course"):
        hint = "this is a shared content file; it is checked with every course that uses it"
      default:
        hint = "expected <\(expectedRoot)> as the root element, found <\(root.name)>"
      }
      report(.error(.schema, at: referencedAt ?? root.location, hint))
      return nil
    }
    return root
  }

  // MARK: Course

  func buildCourse(fileURL: URL, displayPath courseFilePath: String) -> Course? {
    guard
      let root = readFile(fileURL, displayPath: courseFilePath, expectedRoot: "course", referencedAt: nil)
    else { return nil }
    languages = (root[attribute: "languages"] ?? "").split(separator: " ").map(String.init)
    defaultLanguage = root[attribute: "default-language"] ?? languages.first ?? "en"
    var seenLanguages: Set<String> = []
    for language in languages where !seenLanguages.insert(language).inserted {
      error(root.location(ofAttribute: "languages"), "language '\(language)' is listed twice")
    }
    if !languages.contains(defaultLanguage) {
      error(
        root.location(ofAttribute: "default-language"),
        "default language '\(defaultLanguage)' is not one of languages=\"\(languages.joined(separator: " "))\"; add it there or choose one of them")
    }

    var libraries: [ContentLibrary] = []
    for use in root.elements(named: "resources").flatMap({ $0.elements(named: "use") }) {
      if let library = library(href: use[attribute: "href"] ?? "", at: use.location(ofAttribute: "href"), from: resolver.courseDirectory) {
        libraries.append(library)
      }
    }

    // Module files are found first, so that other cores can read them while modules are built.
    let references = root.elements.map { element in
      element.name == "module-ref" ? moduleFile(element) : nil
    }
    let files = references.compactMap { reference -> ReadAhead.File? in
      guard case .file(let url)? = reference else { return nil }
      return ReadAhead.File(url: url, displayPath: displayPath(of: url))
    }
    let readAhead = files.count > 1 ? ReadAhead(files: files, makeReader: reader.withSameSchema) : nil
    var fileIndex = 0
    var modules: [Module] = []
    for (element, reference) in zip(root.elements, references) {
      switch (element.name, reference) {
      case ("module", _):
        modules.append(buildModule(element, directory: resolver.courseDirectory))
      case (_, .problem(let problem)?):
        report(problem)
      case (_, .file?):
        let file = files[fileIndex]
        let document = readAhead?.document(fileIndex)
        fileIndex += 1
        if let moduleRoot = readFile(
          file.url, displayPath: file.displayPath, expectedRoot: "module",
          referencedAt: element.location(ofAttribute: "href"), document: document)
        {
          modules.append(buildModule(moduleRoot, directory: file.url.deletingLastPathComponent()))
        }
      default:
        continue
      }
    }

    let completion = root.elements(named: "completion").first.map { element in
      CompletionRule(
        modules: element[attribute: "modules"].map { $0.split(separator: " ").map(String.init) },
        minimumScore: element[attribute: "min-score"].flatMap { Int($0) },
        location: element.location)
    } ?? CompletionRule()

    return Course(
      id: root[attribute: "id"] ?? "",
      version: root[attribute: "version"] ?? "",
      languages: languages,
      defaultLanguage: defaultLanguage,
      title: localized(root.elements(named: "title"), "title"),
      description: localized(root.elements(named: "description"), "description"),
      audience: localized(root.elements(named: "audience"), "audience"),
      contentNote: body(root.elements(named: "content-note"), "content-note", directory: resolver.courseDirectory),
      completion: completion,
      libraries: libraries,
      modules: modules,
      location: root.location,
      digest: digest.hexDigest())
  }

  private enum ModuleFile {
    case file(URL)
    case problem(Diagnostic)
  }

  /// The module file a `<module-ref>` names, or what is wrong with it.
  private func moduleFile(_ element: ParsedElement) -> ModuleFile {
    let href = element[attribute: "href"] ?? ""
    let location = element.location(ofAttribute: "href")
    let target: PathResolver.Target
    do {
      target = try resolver.resolve(href, from: resolver.courseDirectory)
    } catch {
      return .problem(.error(at: location, error.description))
    }
    guard !target.isShared, target.fragment == nil else {
      return .problem(
        .error(at: location, "module-ref '\(href)' must name a module file in the course folder, without '#'"))
    }
    guard FileManager.default.fileExists(atPath: target.file.path) else {
      return .problem(.error(.file, at: location, "module file '\(href)' not found in the course folder"))
    }
    return .file(target.file)
  }

  // MARK: Shared content

  /// Reads a shared file (once) and returns it as a library.
  func library(href: String, at location: SourceLocation, from directory: URL) -> ContentLibrary? {
    let target: PathResolver.Target
    do {
      target = try resolver.resolve(href, from: directory)
    } catch {
      self.error(location, error.description)
      return nil
    }
    let key = target.file.path
    if let cached = libraries[key] { return cached }
    guard FileManager.default.fileExists(atPath: target.file.path) else {
      report(.error(.file, at: location, "'\(href)' not found\(target.isShared ? " in Content/" : "")"))
      libraries[key] = .some(nil)
      return nil
    }
    var built: ContentLibrary?
    if let root = readFile(
      target.file, displayPath: displayPath(of: target.file), expectedRoot: "content",
      referencedAt: location)
    {
      built = buildLibrary(root, href: href.split(separator: "#").first.map(String.init) ?? href)
    }
    libraries[key] = .some(built)
    return built
  }

  private func buildLibrary(_ root: ParsedElement, href: String) -> ContentLibrary {
    var terms: [Term] = []
    var blocks: [ContentBlock] = []
    var resources: [HelpResource] = []
    for element in root.elements {
      let id = element[attribute: "id"] ?? ""
      switch element.name {
      case "term":
        terms.append(
          Term(
            id: id, name: localized(element.elements(named: "name"), "name"),
            definition: localized(element.elements(named: "definition"), "definition"),
            location: element.location))
      case "block":
        blocks.append(
          ContentBlock(
            id: id, title: localized(element.elements(named: "title"), "title"),
            body: body(element.elements(named: "body"), "body", directory: nil),
            location: element.location))
      case "resource":
        let contacts = element.elements(named: "contact").map {
          HelpResource.Contact(
            kind: $0[attribute: "kind"] ?? "other", text: inline($0),
            language: $0.language == nil ? nil : language(of: $0))
        }
        resources.append(
          HelpResource(
            id: id, kind: element[attribute: "kind"] ?? "other",
            name: localized(element.elements(named: "name"), "name"),
            description: localized(element.elements(named: "description"), "description"),
            contacts: contacts, location: element.location))
      default:
        continue
      }
    }
    return ContentLibrary(
      id: root[attribute: "id"] ?? "", href: href,
      title: localized(root.elements(named: "title"), "title"), terms: terms, blocks: blocks,
      resources: resources, location: root.location)
  }
}
