import Foundation
import Testing

@testable import KursKit

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct DataDirectoryTests {
  /// A link planted where Kurs keeps a learner's certificates would make Kurs (even root)
  /// write them where someone else chose.
  @Test func aPlantedLinkWhereAFolderGoesIsRefusedNotFollowed() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let elsewhere = root.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let certificates = root.appendingPathComponent("data/certificates")
    try FileManager.default.createDirectory(at: certificates, withIntermediateDirectories: true)
    let planted = certificates.appendingPathComponent("abc")
    try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: elsewhere)
    let error = try #require(throws: StoreError.self) { try DataDirectory.create(planted) }
    #expect(
      error.description
        == "\(planted.path): this is a symbolic link; Kurs does not follow links inside its data folder. Remove the link, then try again"
    )
  }

  @Test func aFolderEveryoneMayWriteIsRefusedAndOneOfYourOwnIsNot() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try DataDirectory.checkOwnership(root)
    try DataDirectory.checkOwnership(root.appendingPathComponent("not-yet"))
    #expect(chmod(root.path, 0o1777) == 0)
    let error = try #require(throws: StoreError.self) { try DataDirectory.checkOwnership(root) }
    #expect(
      error.description.hasPrefix(
        "\(root.path): every account on this computer can change this data folder (mode 1777)"))
  }

  @Test func idsKursNeverMakesAreRefused() {
    #expect(LearnerProfile.isValidID(UUID().uuidString.lowercased()))
    for id in [
      "", "..", "../learners", "../../precious", "a/b", "/tmp", ".hidden", "-x", "a\u{0}b",
      String(repeating: "a", count: 65), "é",
    ] {
      #expect(!LearnerProfile.isValidID(id), "\(id)")
    }
  }
}
