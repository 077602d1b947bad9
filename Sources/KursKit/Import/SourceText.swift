/// A text of the source in its markup: Moodle HTML (also "moodle auto-format"), plain text or
/// Markdown, possibly holding multilang spans.
struct SourceText: Sendable, Equatable {
  enum Format: Sendable, Equatable {
    case html, plain, markdown
  }

  var raw: String
  var format: Format

  init(_ raw: String, format: Format = .html) {
    self.raw = raw
    self.format = format
  }

  var isBlank: Bool { raw.allSatisfy(\.isWhitespace) }
}
