import Foundation
import Testing

@testable import KursKit

@Suite struct CourseSchemaTests {
  /// The binary carries the schema: the compiled-in text must be the schema file, byte for byte
  /// (run scripts/embed-schema after editing the .xsd).
  @Test func compiledInSchemaIsTheSchemaFile() throws {
    let file = Fixtures.repository.appendingPathComponent(
      "Sources/KursKit/Resources/kurs-course-1.xsd")
    let bytes = try Data(contentsOf: file)
    #expect(Array(CourseSchema.text.utf8) == Array(bytes))
  }

  @Test func compiledInSchemaIsAnXMLSchema() {
    #expect(CourseSchema.text.hasPrefix("<?xml"))
    #expect(CourseSchema.text.contains("targetNamespace=\"urn:kurs:course:1\""))
    #expect(CourseSchema.fingerprint.count >= 8)
  }
}
