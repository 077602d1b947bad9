/// The course format's version, carried by the namespace of every Kurs file.
public enum FormatVersion {
  /// The one version this Kurs reads.
  public static let current = 1
  public static let namespacePrefix = "urn:kurs:course:"
  public static let namespace = "urn:kurs:course:1"

  /// A finding when `namespace` is not format version 1, else `nil`.
  static func check(namespace: String?, at location: SourceLocation) -> Diagnostic? {
    guard let namespace else {
      return .error(
        .schema, at: location,
        "the root element has no namespace; a Kurs file starts with xmlns=\"\(Self.namespace)\"")
    }
    if namespace == Self.namespace { return nil }
    if namespace.hasPrefix(namespacePrefix) {
      let version = namespace.dropFirst(namespacePrefix.count)
      return .error(
        .schema, at: location,
        "course format version \(version) is not supported; this kurs reads version \(current) (\(Self.namespace)): update kurs or write the file in version \(current)"
      )
    }
    return .error(
      .schema, at: location,
      "unknown namespace '\(namespace)'; a Kurs file uses xmlns=\"\(Self.namespace)\"")
  }
}
