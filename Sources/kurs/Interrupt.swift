import Foundation
import KursKit

#if canImport(Glibc)
  import Glibc
#endif

/// The message written on Ctrl-C. It lives in a fixed buffer allocated once, because a signal
/// handler may not allocate or touch Swift objects: the handler only reads these bytes.
private let interruptCapacity = 4096
nonisolated(unsafe) private let interruptBuffer = UnsafeMutablePointer<UInt8>.allocate(
  capacity: interruptCapacity)
nonisolated(unsafe) private var interruptLength = 0

/// Sets the message for Ctrl-C. The length is cleared first and set last, so a signal arriving
/// in between writes nothing rather than half a message.
func setInterruptMessage(_ text: String) {
  let bytes = Array(text.utf8.prefix(interruptCapacity))
  interruptLength = 0
  bytes.withUnsafeBufferPointer { buffer in
    guard let base = buffer.baseAddress else { return }
    interruptBuffer.update(from: base, count: buffer.count)
  }
  interruptLength = bytes.count
}

/// Installs a SIGINT handler that says progress is saved and how to resume, then exits 130.
/// Every step is already on disk before the next screen is shown, so there is nothing to save.
@Sendable func installInterruptHandler(message: String) {
  setInterruptMessage(message)
  signal(SIGINT) { _ in
    _ = write(STDERR_FILENO, interruptBuffer, interruptLength)
    _exit(130)
  }
}
