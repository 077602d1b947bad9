import Testing

@testable import KursKit

/// "Did you mean": close names are suggested, swapped letters count as one typo, far ones never.
@Suite struct SuggestionTests {
  @Test func distancesCountASwapOfNeighboursAsOneEdit() {
    func distance(_ a: String, _ b: String) -> Int { Suggestion.editDistance(Array(a), Array(b)) }
    #expect(distance("strat", "start") == 1)
    #expect(distance("kitten", "sitting") == 3)
    #expect(distance("", "abc") == 3 && distance("abc", "") == 3)
    #expect(distance("same", "same") == 0)
    #expect(distance("ab", "ba") == 1)
  }

  @Test func closeNamesAreSuggestedAndFarOnesAreNot() {
    #expect(Suggestion.closest(to: "strat", in: ["start", "stats", "resume"]) == "start")
    #expect(Suggestion.closest(to: "repotr", in: ["new", "import", "pull", "report"]) == "report")
    #expect(
      Suggestion.closest(to: "evidnce", in: ["recognise", "evidence", "justice"]) == "evidence")
    #expect(Suggestion.closest(to: "zzz", in: ["start", "resume"]) == nil)
    #expect(didYouMean("strat", ["start"]) == " (did you mean 'start'?)")
    #expect(didYouMean("zzz", ["start"]) == "")
  }
}
