import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The real `kurs` binary on a pseudo-terminal, as a learner at a keyboard sees it: the child is
/// a session leader with the terminal as its controlling terminal, so typing Ctrl-C sends it
/// SIGINT through the terminal's line discipline, exactly as a real terminal would.
final class PseudoTerminalProcess {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let master: Int32
  private let pid: pid_t
  /// Every byte the terminal has shown so far (with the echo of what was typed).
  private var output: [UInt8] = []
  /// Where the next `waitFor` starts looking, in bytes; always at a character boundary.
  private var mark = 0
  private var exitStatus: Int32?

  init(
    _ arguments: [String], environment extra: [String: String] = [:], colour: Bool = false,
    columns: UInt16 = 80, rows: UInt16 = 500
  ) throws {
    // posix_openpt, unlockpt and ptsname, spelt as the Linux ioctls they are: Swift's Glibc
    // module leaves the X/Open functions out.
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
    let getNumber: UInt = 0x8004_5430  // TIOCGPTN
    guard master >= 0, ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0
    else {
      throw Failure(description: "no pseudo-terminal: errno \(errno)")
    }
    let slavePath = "/dev/pts/\(number)"
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid and without O_NOCTTY: the terminal becomes the controlling terminal.
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    let setSID: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc)
    posix_spawnattr_setflags(
      &attributes, Int16(setSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    var environment = KursProcess.inheritedEnvironment
    environment["NO_COLOR"] = colour ? nil : "1"
    environment["TERM"] = "xterm"
    for (key, value) in extra { environment[key] = value }
    let argv = ([KursProcess.binary.path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, KursProcess.binary.path, &actions, &attributes, argv, envp)
    guard status == 0 else {
      close(master)
      throw Failure(description: "could not start \(KursProcess.binary.path): errno \(status)")
    }
    self.master = master
    self.pid = pid
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
  }

  /// Everything the terminal has shown so far.
  var transcript: String { String(decoding: output, as: UTF8.self) }

  /// Types `text` (with `\n` for Enter) as a learner would.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Presses Ctrl-C: the terminal's interrupt character.
  func pressControlC() { type("\u{03}") }

  /// Reads until `text` appears after the last match, or fails after `seconds`.
  @discardableResult
  func waitFor(_ text: String, seconds: Double = 60) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      let unread = String(decoding: output[mark...], as: UTF8.self)
      if let found = unread.range(of: text) {
        let seen = String(unread[..<found.upperBound])
        mark += seen.utf8.count
        return seen
      }
      guard Date() < deadline else {
        throw Failure(description: "'\(text)' did not appear; the terminal showed:\n\(unread)")
      }
      guard readSome(timeoutMilliseconds: 200) else {
        throw Failure(description: "the terminal closed before '\(text)'; it showed:\n\(unread)")
      }
    }
  }

  /// Waits for the process to end and returns its exit code (128 + N after signal N).
  func waitForExit(seconds: Double = 60) throws -> Int32 {
    if let exitStatus { return exitStatus }
    let deadline = Date().addingTimeInterval(seconds)
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      guard Date() < deadline else {
        throw Failure(description: "kurs did not exit; it showed:\n\(transcript)")
      }
      _ = readSome(timeoutMilliseconds: 100)
    }
    while readSome(timeoutMilliseconds: 100) {}
    let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    exitStatus = code
    return code
  }

  /// Reads what is there; `false` once the terminal is closed (every child's descriptor gone).
  private func readSome(timeoutMilliseconds: Int32) -> Bool {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, timeoutMilliseconds)
    guard ready > 0 else { return ready == 0 }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = read(master, &buffer, buffer.count)
    guard count > 0 else { return false }
    output += buffer[0..<count]
    return true
  }
}
