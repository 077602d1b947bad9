import Foundation

/// Writes files so that a reader never sees half a file: write beside, flush, then rename.
public enum AtomicFile {
  /// Writes `data` to `url` through a temporary file in the same folder, then renames it.
  /// - Parameters:
  ///   - permissions: POSIX mode of the new file (0600 for learners' data).
  ///   - overwrite: when false, an existing file at `url` is never replaced: the new file is
  ///     linked into place (`link(2)`, which fails when the name exists) instead of renamed.
  /// - Throws: the underlying error (`POSIXError(.EEXIST)` for an existing file that must not
  ///   be replaced); the target is then untouched.
  public static func write(
    _ data: Data, to url: URL, permissions: Int = 0o644, overwrite: Bool = true
  ) throws {
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    guard
      FileManager.default.createFile(
        atPath: temporary.path, contents: nil, attributes: [.posixPermissions: permissions])
    else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: directory.path])
    }
    do {
      let handle = try FileHandle(forWritingTo: temporary)
      defer { try? handle.close() }
      try handle.write(contentsOf: data)
      try handle.synchronize()
      if overwrite {
        if rename(temporary.path, url.path) != 0 {
          throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
      } else {
        if link(temporary.path, url.path) != 0 {
          throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        unlink(temporary.path)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }

  /// Writes `data` to a new temporary file beside `url` and flushes it, for a caller that
  /// renames several files into place together.
  /// - Returns: the temporary file (the caller renames or removes it).
  /// - Throws: the file system's error; no temporary file is left then.
  static func stage(_ data: Data, for url: URL, permissions: Int) throws -> URL {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    guard
      FileManager.default.createFile(
        atPath: temporary.path, contents: nil, attributes: [.posixPermissions: permissions])
    else {
      throw CocoaError(
        .fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.deletingLastPathComponent().path]
      )
    }
    do {
      let handle = try FileHandle(forWritingTo: temporary)
      defer { try? handle.close() }
      try handle.write(contentsOf: data)
      try handle.synchronize()
    } catch {
      unlink(temporary.path)
      throw error
    }
    return temporary
  }

  /// Flushes a folder's entries (the renames into it) to disk (`fsync(2)` on the folder).
  static func synchronize(_ directory: URL) {
    let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }
}
