import Testing

@testable import KursKit

/// The learner's command keys on the Latin, Russian and Ukrainian layouts.
@Suite struct LearnerKeysTests {
  /// Issue 20, point 5: `c` opens the contents, and `с` (the same key on the Russian and
  /// Ukrainian layouts) does too; `і`, on the `s` key of the Ukrainian layout, shows the screen
  /// again as `ы` does on the Russian one.
  @Test func theContentsKeyAndTheUkrainianLayoutAreRead() {
    #expect(LearnerKeys.key("c") == "c")
    #expect(LearnerKeys.key(" С ") == "c")
    #expect(LearnerKeys.key("і") == "s")
    #expect(LearnerKeys.key("ы") == "s")
    // A matching answer with those letters is not a key.
    #expect(LearnerKeys.key("1с") == "1с")
  }
}
