import Foundation

/// Where Kurs keeps what it can always rebuild (the list of courses `kurs courses` shows):
/// `$XDG_CACHE_HOME/kurs`, else `~/.cache/kurs`, as the XDG base directory specification says,
/// so that backup tools and cleaners treat it as a cache. It holds nothing about learners: course
/// ids, versions, titles and file stamps.
public enum CacheDirectory {
  public static func resolve(environment: [String: String]) -> URL {
    // The specification: a relative path in the variable is invalid and is ignored.
    if let value = environment["XDG_CACHE_HOME"], value.hasPrefix("/") {
      return URL(fileURLWithPath: value).appendingPathComponent("kurs")
    }
    let home =
      environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser
    return home.appendingPathComponent(".cache/kurs")
  }
}
