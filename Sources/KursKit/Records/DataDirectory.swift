import Foundation

/// Where learners' data lives: `--data-dir`, else `KURS_DATA_DIR`, else `$XDG_DATA_HOME/kurs`,
/// else `~/.local/share/kurs`. Folders are created 0700 and files 0600: on a shared computer,
/// other accounts cannot read who is learning what.
public enum DataDirectory {
  public static func resolve(option: String?, environment: [String: String]) -> URL {
    if let option { return URL(fileURLWithPath: option) }
    if let value = environment["KURS_DATA_DIR"], !value.isEmpty { return URL(fileURLWithPath: value) }
    if let value = environment["XDG_DATA_HOME"], !value.isEmpty {
      return URL(fileURLWithPath: value).appendingPathComponent("kurs")
    }
    let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser
    return home.appendingPathComponent(".local/share/kurs")
  }

  /// Creates `url` and its missing parents with mode 0700.
  public static func create(_ url: URL) throws {
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }
}
