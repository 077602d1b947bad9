/// A place in a course file: what every finding and every error points at.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  /// The file path as the user gave it (relative paths stay relative, as compilers print them).
  public var file: String
  /// 1-based line.
  public var line: Int
  /// 1-based column, counted in characters (Unicode scalars), not bytes.
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, the form editors jump to.
  public var description: String { "\(file):\(line):\(column)" }
}
