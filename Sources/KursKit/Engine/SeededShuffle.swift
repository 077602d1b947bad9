/// Deterministic shuffles: the same learner always sees the same order of a question's choices,
/// on any machine and in any run (Swift's own hashing is seeded per process, so it is not used).
public struct SeededShuffle: Sendable {
  private var generator: SplitMix64

  /// A generator seeded from text (FNV-1a), e.g. the learner id and the question id.
  public init(seed: String) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in seed.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    generator = SplitMix64(seed: hash)
  }

  public mutating func next() -> UInt64 { generator.next() }

  /// A Fisher–Yates shuffle of `items`.
  public mutating func shuffled<T>(_ items: [T]) -> [T] {
    var result = items
    guard result.count > 1 else { return result }
    for index in stride(from: result.count - 1, to: 0, by: -1) {
      let other = Int(next() % UInt64(index + 1))
      result.swapAt(index, other)
    }
    return result
  }

  /// A shuffle that never returns the original order (for ordering questions, where the
  /// original order is the answer): rotates by one if the shuffle happened to keep it.
  public mutating func derangedOrder<T: Equatable>(_ items: [T]) -> [T] {
    var result = shuffled(items)
    if result == items, result.count > 1 { result = Array(result.dropFirst()) + [result[0]] }
    return result
  }
}
