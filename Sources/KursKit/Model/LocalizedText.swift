/// A run of inline text with its emphasis.
public struct TextRun: Sendable, Equatable, Codable {
  public enum Style: String, Sendable, Equatable, Codable {
    case plain, emphasis, strong
  }
  public var text: String
  public var style: Style

  public init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

/// One line of inline text in one language: runs of plain, emphasised and strong text.
public struct InlineText: Sendable, Equatable, Codable {
  public var runs: [TextRun]

  public init(runs: [TextRun]) { self.runs = runs }

  public init(_ plain: String) { self.runs = plain.isEmpty ? [] : [TextRun(plain)] }

  /// The text without emphasis markers.
  public var plain: String { runs.map(\.text).joined() }

  public var isBlank: Bool { plain.allSatisfy(\.isWhitespace) }
}

/// A text given in several languages (`xml:lang`), with the default language as fallback.
public struct LocalizedText: Sendable, Equatable, Codable {
  /// The text per language code.
  public var variants: [String: InlineText]
  /// Where the first variant was written, for findings about this text.
  public var location: SourceLocation?

  public init(variants: [String: InlineText] = [:], location: SourceLocation? = nil) {
    self.variants = variants
    self.location = location
  }

  public var isEmpty: Bool { variants.isEmpty }

  /// The text in `language`, else in `fallback`, else any text there is.
  public func resolve(_ language: String, fallback: String) -> InlineText? {
    variants[language] ?? variants[fallback]
      ?? variants.keys.sorted().first.flatMap { variants[$0] }
  }
}

/// Blocks in several languages: the body of a page or an end, a content note.
public struct LocalizedBody: Sendable, Equatable, Codable {
  public var variants: [String: [Block]]
  public var location: SourceLocation?

  public init(variants: [String: [Block]] = [:], location: SourceLocation? = nil) {
    self.variants = variants
    self.location = location
  }

  public var isEmpty: Bool { variants.isEmpty }

  /// The blocks in `language`, else in `fallback`, else none.
  public func resolve(_ language: String, fallback: String) -> [Block] {
    variants[language] ?? variants[fallback] ?? variants.keys.sorted().first.flatMap {
      variants[$0]
    } ?? []
  }
}

/// A block of a body.
public indirect enum Block: Sendable, Equatable, Codable {
  case paragraph(InlineText)
  case list(ordered: Bool, items: [InlineText])
  case quote(speaker: String?, text: InlineText)
  case note(kind: NoteKind, title: String?, blocks: [Block])
  case story(title: String?, blocks: [Block])
  /// A block of shared material included from Content/, already resolved.
  case included(title: InlineText?, blocks: [Block])

  public enum NoteKind: String, Sendable, Equatable, Codable, CaseIterable {
    case info, tip, warning, important
  }

  /// Every inline text in this block, for checks and reading-time estimates.
  public var inlineTexts: [InlineText] {
    switch self {
    case .paragraph(let text): return [text]
    case .list(_, let items): return items
    case .quote(_, let text): return [text]
    case .note(_, _, let blocks), .story(_, let blocks): return blocks.flatMap(\.inlineTexts)
    case .included(let title, let blocks):
      return (title.map { [$0] } ?? []) + blocks.flatMap(\.inlineTexts)
    }
  }
}
