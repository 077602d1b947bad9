import Foundation
import Testing

@testable import KursKit

@Suite struct PlayerAssetsTests {
  static let folder = Fixtures.repository.appendingPathComponent(
    "Sources/KursKit/Resources/player")

  /// The binary carries the player: each compiled-in file is the file in Resources/player,
  /// byte for byte, and no file is left out (run scripts/embed-player after editing one).
  @Test func compiledInFilesAreThePlayerFiles() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
    #expect(names == PlayerAssets.files.keys.sorted(), "run scripts/embed-player")
    for name in names {
      let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(name))
      #expect(
        Array((PlayerAssets.files[name] ?? "").utf8) == Array(bytes),
        "\(name) differs from its compiled-in text: run scripts/embed-player")
    }
  }

  @Test func thePageRunsTheEngineFirstAndThePlayerLast() {
    let names = PlayerAssets.scripts.map(\.name)
    #expect(names.first == "engine.js")
    #expect(names.last == "player.js")
  }
}
