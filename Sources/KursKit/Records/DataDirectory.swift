import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where learners' data lives: `--data-dir`, else `KURS_DATA_DIR`, else `$XDG_DATA_HOME/kurs`,
/// else `~/.local/share/kurs`. Folders are created 0700 and files 0600: on a shared computer,
/// other accounts cannot read who is learning what.
public enum DataDirectory {
  public static func resolve(option: String?, environment: [String: String]) -> URL {
    if let option { return URL(fileURLWithPath: option) }
    if let value = environment["KURS_DATA_DIR"], !value.isEmpty {
      return URL(fileURLWithPath: value)
    }
    if let value = environment["XDG_DATA_HOME"], !value.isEmpty {
      return URL(fileURLWithPath: value).appendingPathComponent("kurs")
    }
    let home =
      environment["HOME"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser
    return home.appendingPathComponent(".local/share/kurs")
  }

  /// Creates `url` and its missing parents with mode 0700.
  /// - Throws: `StoreError` when `url` itself is a symbolic link (a link planted where Kurs
  ///   keeps a learner's folder would send their records elsewhere); the file system's error.
  public static func create(_ url: URL) throws {
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    var status = stat()
    if lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
      throw StoreError(file: url.path, LocalizedMessage(.dataFolderLink))
    }
  }

  /// Refuses a data folder that another account could change: one that belongs to another
  /// user, or that every account may write to. A missing folder is fine (Kurs makes it 0700).
  /// - Throws: `StoreError` naming the folder and saying what to do.
  public static func checkOwnership(_ url: URL) throws {
    var status = stat()
    guard stat(url.path, &status) == 0 else { return }
    if status.st_uid != geteuid() {
      throw StoreError(file: url.path, LocalizedMessage(.dataFolderForeign, String(status.st_uid)))
    }
    if status.st_mode & S_IWOTH != 0 {
      throw StoreError(
        file: url.path, LocalizedMessage(.dataFolderOpen, String(status.st_mode & 0o7777, radix: 8))
      )
    }
  }
}
