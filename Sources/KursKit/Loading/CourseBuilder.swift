import Foundation

/// Turns parsed course files into the model, collecting findings as it goes. One builder loads
/// one course; `CourseLoader` is its public face.
///
/// Module files are read and built on every core (`ReadAhead`), each by a builder of its own
/// (`PartSettings`), and taken back in file order: findings, files read and the course digest
/// come out exactly as if one file were read after another.
final class CourseBuilder {
  let reader: XMLReader
  /// Set once the course file is read: a packed course resolves shared files among its own.
  private(set) var resolver: PathResolver
  /// A packed course's files (`<files><file href=…>`), by `embeddedKey`: module-ref, use and
  /// include resolve to these, never to files on disk. Empty for a course folder.
  private(set) var embedded: [String: ParsedElement] = [:]
  /// Whether the course file carries its files (`<files>`).
  private(set) var isPacked = false
  let courseDisplayDirectory: String
  /// Called with each module as soon as it is built (on the thread that built it), with its
  /// position among the course's elements and the course's settings (no modules, no texts);
  /// the course keeps the module it returns.
  var moduleHook: (@Sendable (_ position: Int, _ module: Module, _ course: Course) -> Module)?

  private(set) var diagnostics: [Diagnostic] = []
  private(set) var filesRead: [String] = []
  /// The files read, in the order they were read (`kurs pack` carries them).
  private(set) var sourceFiles: [URL] = []
  var languages: [String] = []
  var defaultLanguage = "en"
  /// Shared files, each read once however often and on whichever thread it is used.
  let shelf: LibraryShelf
  /// Set for a module's own builder: a shared file it uses is noted here and reported by the
  /// course's builder when it takes the module back, in file order.
  private let defersLibraries: Bool
  private(set) var libraryUses: [LibraryUse] = []
  /// Shared files reported already (by path).
  private var reportedLibraries: Set<String> = []
  /// The digest of the course's files as Kurs 0.1 made it (`Course.legacyDigest`), when this
  /// builder keeps one (the course's own builder, unless the course is only being checked).
  private var digest: SHA256Digest?

  /// Where a module's builder used a shared file.
  struct LibraryUse: Sendable {
    /// How many findings the builder had then.
    var position: Int
    var key: String
    var href: String
    var location: SourceLocation
    var isShared: Bool
  }

  init(
    reader: XMLReader, resolver: PathResolver, courseDisplayDirectory: String,
    shelf: LibraryShelf = LibraryShelf(),
    defersLibraries: Bool = false, withDigest: Bool = true
  ) {
    self.reader = reader
    self.resolver = resolver
    self.courseDisplayDirectory = courseDisplayDirectory
    self.shelf = shelf
    self.defersLibraries = defersLibraries
    digest = withDigest ? SHA256Digest() : nil
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
    sourceFiles.append(url)
    recordFile(
      displayPath: displayPath, digestPath: digest == nil ? [] : digestPath(of: url),
      bytes: document.bytes)
    diagnostics.append(contentsOf: document.diagnostics)
    guard let root = document.root else { return nil }
    guard root.name == expectedRoot else {
      report(
        .error(
          .schema, at: referencedAt ?? root.location,
          Self.wrongRoot(root.name, expected: expectedRoot)))
      return nil
    }
    return root
  }

  /// What the legacy digest takes of a file's path: the path inside the course folder (a shared
  /// file's path stays absolute, as Kurs 0.1 had it).
  private func digestPath(of url: URL) -> [UInt8] {
    Array(
      url.standardizedFileURL.path.replacingOccurrences(of: resolver.courseDirectory.path, with: "")
        .utf8)
  }

  /// Counts a file read: in the list of files and in the course digest.
  private func recordFile(displayPath: String, digestPath: [UInt8], bytes: [UInt8]) {
    filesRead.append(displayPath)
    digest?.update(digestPath)
    digest?.update(bytes)
  }

  /// " (did you mean 'content:checklists.xml'?)" when a file beside the missing one has a close name.
  private static func similarFile(to path: String, isShared: Bool) -> String {
    let missing = URL(fileURLWithPath: path)
    let names =
      (try? FileManager.default.contentsOfDirectory(
        atPath: missing.deletingLastPathComponent().path)) ?? []
    guard
      let close = Suggestion.closest(
        to: missing.lastPathComponent, in: names.filter { $0.hasSuffix(".xml") })
    else {
      return ""
    }
    return " (did you mean '\(isShared ? "content:" : "")\(close)'?)"
  }

  private static func wrongRoot(_ found: String, expected: String) -> String {
    switch (found, expected) {
    case ("module", "course"):
      return
        "this is a module file; validate the course folder whose course.xml names it with <module-ref>"
    case ("content", "course"):
      return "this is a shared content file; it is checked with every course that uses it"
    case ("course", "module"):
      return
        "<module-ref> names a course file, but a module file's root is <module>: move the <module> element into its own file (without <course> around it), or write it inline in course.xml"
    case ("content", "module"):
      return
        "<module-ref> names a shared content file, but a module file's root is <module>; name content files with <use> or <include>"
    default:
      return "expected <\(expected)> as the root element, found <\(found)>"
    }
  }

  // MARK: Course

  func buildCourse(fileURL: URL, displayPath courseFilePath: String) -> Course? {
    guard
      let root = readFile(
        fileURL, displayPath: courseFilePath, expectedRoot: "course", referencedAt: nil)
    else { return nil }
    readEmbeddedFiles(root)
    languages = (root[attribute: "languages"] ?? "").split(separator: " ").map(String.init)
    defaultLanguage = root[attribute: "default-language"] ?? languages.first ?? "en"
    var seenLanguages: Set<String> = []
    for language in languages where !seenLanguages.insert(language).inserted {
      error(root.location(ofAttribute: "languages"), "language '\(language)' is listed twice")
    }
    if !languages.contains(defaultLanguage) {
      error(
        root.location(ofAttribute: "default-language"),
        "default language '\(defaultLanguage)' is not one of languages=\"\(languages.joined(separator: " "))\"; add it there or choose one of them"
      )
    }

    var libraries: [ContentLibrary] = []
    for use in root.elements(named: "resources").flatMap({ $0.elements(named: "use") }) {
      if let library = library(
        href: use[attribute: "href"] ?? "", at: use.location(ofAttribute: "href"),
        from: resolver.courseDirectory)
      {
        libraries.append(library)
      }
    }

    let completion =
      root.elements(named: "completion").first.map { element in
        CompletionRule(
          modules: element[attribute: "modules"].map { $0.split(separator: " ").map(String.init) },
          minimumScore: element[attribute: "min-score"].flatMap { Int($0) },
          location: element.location)
      } ?? CompletionRule()
    let modules = buildModules(
      root,
      settings: Course(
        id: root[attribute: "id"] ?? "", version: root[attribute: "version"] ?? "",
        languages: languages,
        defaultLanguage: defaultLanguage, title: LocalizedText(), completion: completion,
        modules: [],
        location: root.location))

    var course = Course(
      id: root[attribute: "id"] ?? "",
      version: root[attribute: "version"] ?? "",
      languages: languages,
      defaultLanguage: defaultLanguage,
      title: localized(root.elements(named: "title"), "title"),
      description: localized(root.elements(named: "description"), "description"),
      audience: localized(root.elements(named: "audience"), "audience"),
      contentNote: body(
        root.elements(named: "content-note"), "content-note", directory: resolver.courseDirectory),
      completion: completion,
      libraries: libraries,
      modules: modules,
      location: root.location)
    if let digest {
      course.digest = course.identityDigest()
      course.legacyDigest = digest.hexDigest()
    }
    return course
  }

  // MARK: Packed courses

  /// Notes the files a packed course carries. Its shared files are its own: `content:` names
  /// them, and no Content/ folder on this computer is read.
  private func readEmbeddedFiles(_ root: ParsedElement) {
    let files = root.elements(named: "files").flatMap { $0.elements(named: "file") }
    guard !root.elements(named: "files").isEmpty else { return }
    isPacked = true
    resolver.contentDirectory = resolver.courseDirectory.appendingPathComponent(".packed-content")
    for file in files {
      let href = file[attribute: "href"] ?? ""
      let location = file.location(ofAttribute: "href")
      let target: PathResolver.Target
      do {
        target = try resolver.resolve(href, from: resolver.courseDirectory)
      } catch {
        self.error(location, error.description)
        continue
      }
      guard target.fragment == nil else {
        error(location, "file href '\(href)' names a file, without '#'")
        continue
      }
      let key = embeddedKey(target)
      guard embedded[key] == nil else {
        error(location, "file '\(href)' is carried twice in <files>; keep one")
        continue
      }
      if let content = file.elements.first { embedded[key] = content }
    }
  }

  /// How a packed course names a file it carries: its path inside the course folder
  /// (`modules/intro.xml`), or `content:` and its path inside Content/.
  func embeddedKey(_ target: PathResolver.Target) -> String {
    let root =
      (target.isShared
      ? resolver.contentDirectory ?? resolver.courseDirectory : resolver.courseDirectory)
      .standardizedFileURL.path
    let path = target.file.standardizedFileURL.path
    let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    return target.isShared ? "content:" + relative : relative
  }

  /// What a reading thread made of a module file.
  private struct BuiltModule: Sendable {
    var document: XMLReader.Document
    /// The module, when the file is one; built by its own builder, whose findings follow.
    var module: Module?
    var diagnostics: [Diagnostic] = []
    var libraryUses: [LibraryUse] = []
  }

  /// The modules of the course, in order: written in course.xml, or in module files, which are
  /// read and built on every core (with `moduleHook` applied there) while this thread takes
  /// them back one after another.
  private func buildModules(_ root: ParsedElement, settings: Course) -> [Module] {
    let elements = root.elements
    let references = elements.map { element in
      element.name == "module-ref" ? moduleFile(element) : nil
    }
    var files: [ReadAhead<BuiltModule>.File] = []
    var positions: [Int] = []
    for (position, reference) in references.enumerated() {
      guard case .file(let url)? = reference else { continue }
      files.append(ReadAhead.File(url: url, displayPath: displayPath(of: url)))
      positions.append(position)
    }
    let hook = moduleHook
    let parts = PartSettings(builder: self)
    let filePositions = positions
    let readAhead =
      files.count > 1
      ? ReadAhead(files: files, makeReader: reader.withSameSchema) { index, file, reader in
        let document = reader.read(fileAt: file.url, displayPath: file.displayPath)
        guard let root = document.root, root.name == "module" else {
          return BuiltModule(document: document)
        }
        let builder = parts.builder(reader: reader)
        var module = builder.buildModule(root, directory: file.url.deletingLastPathComponent())
        if let hook { module = hook(filePositions[index], module, settings) }
        return BuiltModule(
          document: document, module: module, diagnostics: builder.diagnostics,
          libraryUses: builder.libraryUses)
      }
      : nil

    var fileIndex = 0
    var modules: [Module] = []
    for (position, (element, reference)) in zip(elements, references).enumerated() {
      var module: Module
      switch (element.name, reference) {
      case ("module", _):
        module = buildModule(element, directory: resolver.courseDirectory)
      case (_, .problem(let problem)?):
        report(problem)
        continue
      case (_, .embedded(let moduleRoot, let url)?):
        guard moduleRoot.name == "module" else {
          report(
            .error(
              .schema, at: element.location(ofAttribute: "href"),
              Self.wrongRoot(moduleRoot.name, expected: "module")))
          continue
        }
        module = buildModule(moduleRoot, directory: url.deletingLastPathComponent())
      case (_, .file?):
        let file = files[fileIndex]
        let built = readAhead?.take(fileIndex)
        fileIndex += 1
        guard
          let moduleRoot = readFile(
            file.url, displayPath: file.displayPath, expectedRoot: "module",
            referencedAt: element.location(ofAttribute: "href"), document: built?.document)
        else { continue }
        if let built, let builtModule = built.module {
          takeFindings(built.diagnostics, libraryUses: built.libraryUses)
          modules.append(builtModule)
          continue
        }
        module = buildModule(moduleRoot, directory: file.url.deletingLastPathComponent())
      default:
        continue
      }
      if let hook { module = hook(position, module, settings) }
      modules.append(module)
    }
    return modules
  }

  /// What a part's builder needs of this one, to be made on another thread.
  private struct PartSettings: Sendable {
    var resolver: PathResolver
    var courseDisplayDirectory: String
    var shelf: LibraryShelf
    var languages: [String]
    var defaultLanguage: String

    var embedded: [String: ParsedElement]
    var isPacked: Bool

    init(builder: CourseBuilder) {
      embedded = builder.embedded
      isPacked = builder.isPacked
      resolver = builder.resolver
      courseDisplayDirectory = builder.courseDisplayDirectory
      shelf = builder.shelf
      languages = builder.languages
      defaultLanguage = builder.defaultLanguage
    }

    func builder(reader: XMLReader) -> CourseBuilder {
      let builder = CourseBuilder(
        reader: reader, resolver: resolver, courseDisplayDirectory: courseDisplayDirectory,
        shelf: shelf,
        defersLibraries: true, withDigest: false)
      builder.languages = languages
      builder.defaultLanguage = defaultLanguage
      builder.embedded = embedded
      builder.isPacked = isPacked
      return builder
    }
  }

  /// Takes a part builder's findings, reporting each shared file it used first where it used it.
  private func takeFindings(_ findings: [Diagnostic], libraryUses: [LibraryUse]) {
    var next = 0
    for use in libraryUses {
      diagnostics.append(contentsOf: findings[next..<use.position])
      next = use.position
      if let entry = shelf[use.key] { report(use, entry) }
    }
    diagnostics.append(contentsOf: findings[next...])
  }

  private enum ModuleFile {
    case file(URL)
    /// A module a packed course carries: its root element, and where its file would be.
    case embedded(ParsedElement, URL)
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
        .error(
          at: location,
          "module-ref '\(href)' must name a module file in the course folder, without '#'"))
    }
    if isPacked {
      guard let root = embedded[embeddedKey(target)] else {
        return .problem(
          .error(
            .file, at: location,
            "module file '\(href)' is not carried in this packed course's <files>; pack the course again with kurs pack"
          ))
      }
      return .embedded(root, target.file)
    }
    guard FileManager.default.fileExists(atPath: target.file.path) else {
      return .problem(
        .error(.file, at: location, "module file '\(href)' not found in the course folder"))
    }
    return .file(target.file)
  }

  // MARK: Shared content

  /// A shared file as a library: read once for the whole course, and reported (its findings,
  /// the digest) at its first use.
  func library(href: String, at location: SourceLocation, from directory: URL) -> ContentLibrary? {
    let target: PathResolver.Target
    do {
      target = try resolver.resolve(href, from: directory)
    } catch {
      self.error(location, error.description)
      return nil
    }
    let key = isPacked ? embeddedKey(target) : target.file.path
    let entry = shelf.entry(for: key) {
      isPacked ? loadEmbeddedLibrary(key: key, href: href) : loadLibrary(target.file, href: href)
    }
    let use = LibraryUse(
      position: diagnostics.count, key: key, href: href, location: location,
      isShared: target.isShared)
    if defersLibraries {
      libraryUses.append(use)
    } else {
      report(use, entry)
    }
    return entry.library
  }

  /// Builds a shared file a packed course carries.
  private func loadEmbeddedLibrary(key: String, href: String) -> LibraryShelf.Entry {
    guard let root = embedded[key] else { return LibraryShelf.Entry(missing: true) }
    var entry = LibraryShelf.Entry(isEmbedded: true)
    build(root, href: href, into: &entry)
    return entry
  }

  /// Builds a shared file's root into `entry`: its library, or the wrong root it has.
  private func build(_ root: ParsedElement, href: String, into entry: inout LibraryShelf.Entry) {
    guard root.name == "content" else {
      entry.wrongRoot = root.name
      return
    }
    let builder = PartSettings(builder: self).builder(reader: reader)
    entry.library = builder.buildLibrary(
      root, href: href.split(separator: "#").first.map(String.init) ?? href)
    entry.buildFindings = builder.diagnostics
  }

  /// Reads and builds a shared file, keeping what that found.
  private func loadLibrary(_ file: URL, href: String) -> LibraryShelf.Entry {
    guard FileManager.default.fileExists(atPath: file.path) else {
      return LibraryShelf.Entry(missing: true)
    }
    let path = displayPath(of: file)
    let document = reader.read(fileAt: file, displayPath: path)
    var entry = LibraryShelf.Entry(
      displayPath: path, url: file, digestPath: digestPath(of: file), bytes: document.bytes,
      readFindings: document.diagnostics)
    // Path and bytes are kept whichever builder reads the file: the course's builder reports it,
    // and it may keep a digest.
    guard let root = document.root else { return entry }
    build(root, href: href, into: &entry)
    return entry
  }

  /// Reports a shared file at its first use: the file read, what reading and building it found.
  private func report(_ use: LibraryUse, _ entry: LibraryShelf.Entry) {
    guard reportedLibraries.insert(use.key).inserted else { return }
    guard !entry.missing else {
      if isPacked {
        report(
          .error(
            .file, at: use.location,
            "'\(use.href)' is not carried in this packed course's <files>; pack the course again with kurs pack"
          ))
      } else {
        report(
          .error(
            .file, at: use.location,
            "'\(use.href)' not found\(use.isShared ? " in Content/" : "")\(Self.similarFile(to: use.key, isShared: use.isShared))"
          ))
      }
      return
    }
    if !entry.isEmbedded {
      if let url = entry.url { sourceFiles.append(url) }
      recordFile(displayPath: entry.displayPath, digestPath: entry.digestPath, bytes: entry.bytes)
    }
    diagnostics.append(contentsOf: entry.readFindings)
    if let found = entry.wrongRoot {
      report(.error(.schema, at: use.location, Self.wrongRoot(found, expected: "content")))
    }
    diagnostics.append(contentsOf: entry.buildFindings)
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
            language: $0.language == nil ? nil : language(of: $0), checked: $0[attribute: "checked"]
          )
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
