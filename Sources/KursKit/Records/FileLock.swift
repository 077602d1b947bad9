import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A short exclusive lock (`flock(2)`) on a lock file, for a read-change-write of a shared
/// file: every process that changes the file takes it first, so none loses another's change.
/// The kernel drops the lock when the process ends in any way, even SIGKILL.
enum FileLock {
  /// Runs `body` while holding an exclusive lock on `url` (created 0600 when missing, never
  /// followed through a symbolic link), waiting for another holder to finish.
  /// - Throws: `StoreError` naming the lock file when it cannot be opened or locked; what
  ///   `body` throws.
  static func withExclusive<T>(_ url: URL, _ body: () throws -> T) throws -> T {
    let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard descriptor >= 0 else {
      throw StoreError(
        file: url.path, LocalizedMessage(.lockFailed, String(cString: strerror(errno))))
    }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else {
        throw StoreError(
          file: url.path, LocalizedMessage(.lockFailed, String(cString: strerror(errno))))
      }
    }
    return try body()
  }
}
