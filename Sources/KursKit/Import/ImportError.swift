/// Why a question bank was refused: nothing is written.
public enum ImportError: Error, Equatable, CustomStringConvertible {
  /// The file cannot be read (path, reason).
  case unreadable(String, String)
  /// The file is larger than the importer reads.
  case tooLarge(String, size: Int, limit: Int)
  /// The file is broken: not UTF-8, not well-formed XML, an unclosed GIFT brace…
  case malformed(SourceLocation, String)
  /// The file reads, but holds no question that maps to Kurs (path, what it held).
  case nothingToImport(String, String)
  /// The output folder exists already.
  case outputExists(String)
  /// The output folder cannot be written (path, reason).
  case unwritable(String, String)
  /// The course written does not validate: a bug in the importer (findings).
  case invalidResult([String])

  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "\(path): cannot read the file: \(reason)"
    case .tooLarge(let path, let size, let limit):
      return
        "\(path): the file is \(size / (1024 * 1024)) MiB; kurs imports files of at most \(limit / (1024 * 1024)) MiB: export the bank one category at a time"
    case .malformed(let location, let message):
      return "\(location): error: \(message)"
    case .nothingToImport(let path, let held):
      return "\(path): no question could be carried over (\(held)); nothing was written"
    case .outputExists(let path):
      return
        "\(path) already exists; nothing was written. Choose another --out or remove the folder"
    case .unwritable(let path, let reason):
      return "cannot write \(path): \(reason); nothing was written"
    case .invalidResult(let findings):
      return
        "the imported course does not validate, which is a bug in kurs import; nothing was written. Please report it with the file:\n"
        + findings.joined(separator: "\n")
    }
  }
}
