import Foundation

/// Writes files so that a reader never sees half a file: write beside, flush, then rename.
public enum AtomicFile {
  /// Writes `data` to `url` through a temporary file in the same folder, then renames it.
  /// - Parameter permissions: POSIX mode of the new file (0600 for learners' data).
  /// - Throws: the underlying error; the target is then untouched.
  public static func write(_ data: Data, to url: URL, permissions: Int = 0o644) throws {
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    guard FileManager.default.createFile(
      atPath: temporary.path, contents: nil, attributes: [.posixPermissions: permissions])
    else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: directory.path])
    }
    do {
      let handle = try FileHandle(forWritingTo: temporary)
      defer { try? handle.close() }
      try handle.write(contentsOf: data)
      try handle.synchronize()
      if rename(temporary.path, url.path) != 0 {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}
