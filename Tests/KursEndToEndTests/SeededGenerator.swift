import Foundation
import KursKit

/// Random numbers a failing test can repeat: KursKit's SplitMix64 from a seed that the test
/// prints with every failure. `KURS_TEST_SEED=N` replays a run; without it, each run takes a
/// new seed.
struct SeededGenerator: RandomNumberGenerator {
  private var generator: SplitMix64
  let seed: UInt64

  init(seed: UInt64? = nil) {
    let chosen =
      seed ?? ProcessInfo.processInfo.environment["KURS_TEST_SEED"].flatMap { UInt64($0) }
      ?? UInt64.random(in: 0...UInt64.max)
    self.seed = chosen
    generator = SplitMix64(seed: chosen)
  }

  mutating func next() -> UInt64 { generator.next() }
}
