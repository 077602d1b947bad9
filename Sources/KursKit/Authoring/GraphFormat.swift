/// The output formats of `kurs graph`.
public enum GraphFormat: String, Sendable, Equatable, CaseIterable {
  case dot, mermaid
}
