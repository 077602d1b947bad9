import Foundation

/// A course as a package for a learning platform (`kurs publish scorm`, `kurs publish cmi5`): a
/// ZIP holding the course's page (`PlayerPage`, published for the platform) as `index.html`,
/// and the file that tells the platform what the package is.
///
/// - SCORM 1.2 (what Moodle's SCORM activity plays and tracks fully; docs/publishing.md says
///   why not SCORM 2004): `imsmanifest.xml` with one organization, one item and one SCO, and
///   the four schema files it names beside it (`SCORMSchemas`).
/// - cmi5: `cmi5.xml`, one block holding one assignable unit launched at `index.html`, which
///   counts as done when the learner both completes and passes the course
///   (`moveOn="CompletedAndPassed"`), with a mastery score when the course asks for a minimum.
public enum LearningPackage {
  /// The kinds of package.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case scorm, cmi5

    /// The file at the package's root that describes it.
    public var manifestName: String {
      switch self {
      case .scorm: return "imsmanifest.xml"
      case .cmi5: return "cmi5.xml"
      }
    }

    var mode: PlayerPage.Options.Mode {
      switch self {
      case .scorm: return .scorm
      case .cmi5: return .cmi5
      }
    }
  }

  /// Why a package was not written.
  public enum PublishError: Error, Equatable, CustomStringConvertible {
    case noFolder(String)
    case notWritten(path: String, reason: String)

    public var description: String {
      switch self {
      case .noFolder(let path):
        return
          "kurs: the folder \(path) does not exist; nothing was written. Create it or choose another --out"
      case .notWritten(let path, let reason):
        return "kurs: \(path): the package could not be written (\(reason)); nothing was written"
      }
    }
  }

  /// The name of the page inside a package.
  public static let page = "index.html"

  /// The package's files, in the order they are stored: the manifest first, then the page,
  /// then (SCORM) the schema files.
  /// - Parameter modified: the time stamp every entry carries.
  /// - Throws: an encoding or archive error (none is expected for a loaded course).
  public static func archive(_ course: Course, kind: Kind, modified: Date) throws -> ZipArchive {
    var archive = ZipArchive(modified: modified)
    let manifest: String
    switch kind {
    case .scorm: manifest = scormManifest(course)
    case .cmi5: manifest = cmi5Structure(course)
    }
    try archive.add(kind.manifestName, Data(manifest.utf8))
    let html = try PlayerPage.html(course: course, options: PlayerPage.Options(mode: kind.mode))
    try archive.add(page, Data(html.utf8))
    if kind == .scorm {
      for name in SCORMSchemas.names {
        try archive.add(name, Data((SCORMSchemas.files[name] ?? "").utf8))
      }
    }
    return archive
  }

  /// Writes the package of `course` to `output` through a temporary file renamed into place:
  /// a reader (or an upload) never sees half a package, and a failure leaves no file.
  /// - Throws: `PublishError`.
  public static func write(_ course: Course, kind: Kind, to output: URL, modified: Date)
    throws(PublishError)
  {
    let folder = output.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw .noFolder(folder.path) }
    do {
      let bytes = try archive(course, kind: kind, modified: modified).data()
      try AtomicFile.write(bytes, to: output)
    } catch let error as ZipArchive.ZipError {
      throw .notWritten(path: output.path, reason: error.description)
    } catch {
      throw .notWritten(path: output.path, reason: error.localizedDescription)
    }
  }

  // MARK: - SCORM 1.2

  /// `imsmanifest.xml` of a SCORM 1.2 package: valid against imscp_rootv1p1p2.xsd and
  /// adlcp_rootv1p2.xsd (ManifestSchemaTests checks it). No `adlcp:masteryscore`: with one, an
  /// LMS would decide passed or failed from the score alone, but a Kurs course also asks for
  /// its modules' pass marks, so the page reports `passed` or `failed` itself.
  public static func scormManifest(_ course: Course) -> String {
    let id = xmlID(course.id)
    let title = Markup.escapeXML(limit(title(of: course), to: 200))
    let version =
      course.version.count <= 20 ? #" version="\#(Markup.escapeXML(course.version))""# : ""
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <manifest identifier="\(id)"\(version)
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
        <metadata>
          <schema>ADL SCORM</schema>
          <schemaversion>1.2</schemaversion>
        </metadata>
        <organizations default="\(id).organization">
          <organization identifier="\(id).organization">
            <title>\(title)</title>
            <item identifier="\(id).item" identifierref="\(id).sco" isvisible="true">
              <title>\(title)</title>
            </item>
          </organization>
        </organizations>
        <resources>
          <resource identifier="\(id).sco" type="webcontent" adlcp:scormtype="sco" href="\(page)">
            <file href="\(page)"/>
          </resource>
        </resources>
      </manifest>

      """
  }

  // MARK: - cmi5

  /// The course's IRI, as the runner's statements name it (`urn:kurs:course:ID`).
  public static func courseIRI(_ course: Course) -> String { "urn:kurs:course:\(course.id)" }

  /// The assignable unit's IRI.
  public static func auIRI(_ course: Course) -> String { courseIRI(course) + ":au" }

  /// `cmi5.xml`: the course, one block, one AU launched at `index.html`.
  public static func cmi5Structure(_ course: Course) -> String {
    let mastery = masteryScore(course).map { #" masteryScore="\#($0)""# } ?? ""
    let titles = langstrings(course, course.title, fallback: course.id)
    let descriptions = langstrings(course, course.description, fallback: title(of: course))
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
        <course id="\(Markup.escapeXML(courseIRI(course)))">
          <title>\(titles)</title>
          <description>\(descriptions)</description>
        </course>
        <block id="\(Markup.escapeXML(courseIRI(course))):block">
          <title>\(titles)</title>
          <description>\(descriptions)</description>
          <au id="\(Markup.escapeXML(auIRI(course)))" moveOn="CompletedAndPassed"\(mastery) launchMethod="AnyWindow">
            <title>\(titles)</title>
            <description>\(descriptions)</description>
            <url>\(page)</url>
          </au>
        </block>
      </courseStructure>

      """
  }

  /// The scaled score a pass needs at least, when the course asks for a minimum score: the
  /// minimum over the most points the counted modules can give, rounded down to the four
  /// decimals cmi5 allows, so that every learner Kurs passes also reaches it. `nil` when the
  /// course asks for no minimum (its modules' pass marks decide, and the page reports them).
  public static func masteryScore(_ course: Course) -> String? {
    guard let minimum = course.completion.minimumScore, minimum > 0 else { return nil }
    let engine = Engine(course: course, language: course.defaultLanguage, seed: "")
    let counted = course.completion.modules ?? course.scoredModules.map(\.id)
    let maximum = counted.reduce(0) { $0 + engine.maximum(of: $1) }
    guard maximum > 0 else { return nil }
    let tenThousandths = min(10_000, minimum * 10_000 / maximum)
    return String(format: "%d.%04d", tenThousandths / 10_000, tenThousandths % 10_000)
  }

  // MARK: - Text

  /// The course's title in its default language.
  static func title(of course: Course) -> String {
    let language = course.defaultLanguage
    let text = course.title.resolve(language, fallback: language)?.plain ?? ""
    return text.isEmpty ? course.id : text
  }

  /// One `<langstring>` per language the text has, the default language first.
  static func langstrings(_ course: Course, _ text: LocalizedText, fallback: String) -> String {
    let languages =
      [course.defaultLanguage]
      + course.languages.filter {
        $0 != course.defaultLanguage
      }
    let strings = languages.compactMap { language -> String? in
      guard let variant = text.variants[language]?.plain, !variant.isEmpty else { return nil }
      return
        #"<langstring lang="\#(Markup.escapeXML(language))">\#(Markup.escapeXML(variant))</langstring>"#
    }
    if strings.isEmpty {
      return
        #"<langstring lang="\#(Markup.escapeXML(course.defaultLanguage))">\#(Markup.escapeXML(fallback))</langstring>"#
    }
    return strings.joined()
  }

  /// An `xsd:ID` (an NCName) from a course id: `kurs.` and the id, with any other character
  /// than a letter, digit, `.`, `-` or `_` as `_`.
  static func xmlID(_ id: String) -> String {
    let safe = id.unicodeScalars.map { scalar -> String in
      let allowed =
        (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)))
        || scalar == "." || scalar == "-" || scalar == "_"
      return allowed ? String(scalar) : "_"
    }
    return "kurs." + safe.joined()
  }

  /// At most `count` characters: a longer text is cut and ends with "…".
  static func limit(_ text: String, to count: Int) -> String {
    text.count <= count ? text : String(text.prefix(count - 1)) + "…"
  }

}
