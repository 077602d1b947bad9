import Foundation

/// Writes a course's web page (`kurs publish html`): whole or not at all.
public enum PagePublisher {
  /// Why a page was not written.
  public enum PublishError: Error, Equatable, CustomStringConvertible {
    case noFolder(String)
    case notWritten(path: String, reason: String)

    public var description: String {
      switch self {
      case .noFolder(let path):
        return
          "kurs: the folder \(path) does not exist; nothing was written. Create it or choose another --out"
      case .notWritten(let path, let reason):
        return "kurs: \(path): the page could not be written (\(reason)); nothing was written"
      }
    }
  }

  /// Writes the page of `course` to `output` through a temporary file renamed into place, so
  /// that a reader never sees half a page and a failure leaves no file behind.
  /// - Throws: `PublishError`.
  public static func writeHTML(_ course: Course, to output: URL, options: PlayerPage.Options)
    throws(PublishError)
  {
    let folder = output.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw .noFolder(folder.path) }
    do {
      let page = try PlayerPage.html(course: course, options: options)
      try AtomicFile.write(Data(page.utf8), to: output)
    } catch {
      throw .notWritten(path: output.path, reason: error.localizedDescription)
    }
  }
}
