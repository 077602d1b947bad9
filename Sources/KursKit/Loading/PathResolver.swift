import Foundation

/// Resolves `href`s of course files, and refuses every one that leaves the course folder or
/// Content/: no network, no absolute paths, no `..` out of the folder, no symbolic links out.
public struct PathResolver: Sendable {
  /// The folder of the course (`course.xml`'s folder).
  public var courseDirectory: URL
  /// The shared Content/ folder, if one was found.
  public var contentDirectory: URL?

  public init(courseDirectory: URL, contentDirectory: URL?) {
    self.courseDirectory = courseDirectory
    self.contentDirectory = contentDirectory
  }

  /// A resolved reference: the file and the optional `#fragment`.
  public struct Target: Sendable, Equatable {
    public var file: URL
    public var fragment: String?
    /// Whether it is in Content/ (`content:…`).
    public var isShared: Bool
  }

  /// Why a reference was refused: a message that says what to write instead.
  public struct ReferenceError: Error, Equatable, CustomStringConvertible {
    public var description: String
  }

  /// Resolves `href` written in a file inside `baseDirectory`.
  public func resolve(_ href: String, from baseDirectory: URL) throws(ReferenceError) -> Target {
    var reference = href
    var fragment: String?
    if let hash = reference.firstIndex(of: "#") {
      fragment = String(reference[reference.index(after: hash)...])
      reference = String(reference[..<hash])
      if fragment?.isEmpty == true { fragment = nil }
    }
    let isShared = reference.hasPrefix("content:")
    if isShared { reference.removeFirst("content:".count) }

    if reference.isEmpty {
      throw ReferenceError(description: "reference '\(href)' names no file")
    }
    if !isShared, let colon = reference.firstIndex(of: ":"),
      reference[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." })
    {
      throw ReferenceError(
        description:
          "reference '\(href)' is a URL; Kurs never fetches anything: name a file in the course folder, or 'content:FILE' for shared material in Content/"
      )
    }
    if reference.hasPrefix("/") || reference.hasPrefix("\\") || reference.hasPrefix("~") {
      throw ReferenceError(
        description:
          "reference '\(href)' is an absolute path; write a path relative to the course folder, or 'content:FILE' for Content/"
      )
    }
    if reference.contains("\\") || reference.contains("\0") {
      throw ReferenceError(
        description: "reference '\(href)' contains '\\'; use '/' between folders")
    }

    let root: URL
    let base: URL
    if isShared {
      guard let contentDirectory else {
        throw ReferenceError(
          description:
            "reference '\(href)' names shared content, but no Content/ folder was found; pass --content DIR"
        )
      }
      root = contentDirectory
      base = contentDirectory
    } else {
      root = courseDirectory
      base = baseDirectory
    }
    let candidate = base.appendingPathComponent(reference).standardizedFileURL
    let rootPath = root.standardizedFileURL.path
    guard Self.isInside(candidate.path, root: rootPath) else {
      throw ReferenceError(
        description: isShared
          ? "reference '\(href)' leaves the Content/ folder; shared files must be inside Content/"
          : "reference '\(href)' leaves the course folder; name a file inside the course folder, or 'content:FILE' for shared material in Content/"
      )
    }
    // A symbolic link inside the folder must not lead out of it.
    let real = candidate.resolvingSymlinksInPath().path
    let realRoot = root.resolvingSymlinksInPath().path
    guard Self.isInside(real, root: realRoot) else {
      throw ReferenceError(
        description:
          "reference '\(href)' is a symbolic link that leads out of the \(isShared ? "Content/" : "course") folder; copy the file into the folder instead"
      )
    }
    return Target(file: candidate, fragment: fragment, isShared: isShared)
  }

  private static func isInside(_ path: String, root: String) -> Bool {
    let rootWithSlash = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(rootWithSlash)
  }
}
