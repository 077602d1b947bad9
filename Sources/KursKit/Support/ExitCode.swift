/// The exit codes of `kurs`, documented in `kurs help` and docs/.
public enum ExitCode: Int32, Sendable {
  /// Success: the course is valid (warnings allowed), the command did its work.
  case success = 0
  /// The input is invalid: a course with errors, a refused file.
  case invalid = 1
  /// A file could not be read.
  case unreadable = 2
  /// The runner's input ended (scripted mode): progress is saved; `kurs resume` continues.
  case inputEnded = 3
  /// A step or a certificate could not be saved (full disk, no permission) and the learner
  /// stopped: everything before that step is on disk, that step is not.
  case notSaved = 4
  /// The command line is wrong (sysexits' EX_USAGE).
  case usage = 64
}
