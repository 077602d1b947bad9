/// The SCORM 1.2 schema files (ADL and IMS, as ADL published them with SCORM 1.2) that a
/// package carries beside its imsmanifest.xml, as the SCORM 1.2 Content Aggregation Model
/// asks: a package names its schemas by relative location and must hold them itself. Compiled
/// into the binary by scripts/embed-scorm from `Resources/scorm` (origin: docs/publishing.md).
public enum SCORMSchemas {
  /// The names, sorted: the order they go into a package.
  public static var names: [String] { files.keys.sorted() }
}
