import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One runner per learner: an advisory lock (`flock`) on `learners/ID/session.lock`, held for
/// as long as the process lives. The kernel drops it when the process ends in any way, even
/// SIGKILL, so a lock left by a dead process is simply taken by the next runner. The file holds
/// the holder's process id, to name it in the message.
public final class SessionLock: Sendable {
  private let descriptor: Int32

  private init(descriptor: Int32) { self.descriptor = descriptor }

  deinit { close(descriptor) }

  /// Takes the lock in `folder`, or says who holds it.
  /// - Throws: `StoreError` naming the learner and the process that holds the lock.
  public static func acquire(in folder: URL, learner: String) throws -> SessionLock {
    try DataDirectory.create(folder)
    let path = folder.appendingPathComponent("session.lock").path
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard descriptor >= 0 else {
      throw StoreError(
        file: path, LocalizedMessage(.journalUnreadable, String(cString: strerror(errno))))
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      var buffer = [UInt8](repeating: 0, count: 32)
      let count = pread(descriptor, &buffer, buffer.count, 0)
      close(descriptor)
      let holder =
        count > 0
        ? String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(
          in: .whitespacesAndNewlines) : "?"
      throw StoreError(LocalizedMessage(.learnerBusy, learner, holder))
    }
    let pid = Array("\(getpid())\n".utf8)
    _ = ftruncate(descriptor, 0)
    _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    return SessionLock(descriptor: descriptor)
  }
}
