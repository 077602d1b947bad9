import Foundation

/// The XML Schema of course format version 1, shipped as a resource of KursKit.
public enum CourseSchema {
  /// The schema's file name in the resource bundle and in the source tree.
  public static let fileName = "kurs-course-1.xsd"

  /// The schema text, or `nil` when the installation lacks it.
  ///
  /// Looks beside the executable first (`Kurs_KursKit.resources`, where SwiftPM puts resources),
  /// then in the source tree this file was built from. Unlike the generated `Bundle.module`, a
  /// missing file is reported, not a crash.
  public static func text() -> String? {
    url().flatMap { FileManager.default.contents(atPath: $0.path) }.map { String(decoding: $0, as: UTF8.self) }
  }

  /// Where the schema file is, or `nil` when the installation lacks it.
  public static func url() -> URL? {
    var candidates: [URL] = []
    let executableDirectory = Bundle.main.bundleURL
    candidates.append(
      executableDirectory.appendingPathComponent("Kurs_KursKit.resources").appendingPathComponent(fileName))
    candidates.append(
      executableDirectory.deletingLastPathComponent().appendingPathComponent("Kurs_KursKit.resources")
        .appendingPathComponent(fileName))
    candidates.append(
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources").appendingPathComponent(fileName))
    return candidates.first { FileManager.default.isReadableFile(atPath: $0.path) }
  }
}
