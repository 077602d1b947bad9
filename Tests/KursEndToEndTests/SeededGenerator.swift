import Foundation

/// Random numbers a failing test can repeat: SplitMix64 from a seed that the test prints with
/// every failure. `KURS_TEST_SEED=N` replays a run; without it, each run takes a new seed.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  let seed: UInt64

  init(seed: UInt64? = nil) {
    let chosen =
      seed ?? ProcessInfo.processInfo.environment["KURS_TEST_SEED"].flatMap { UInt64($0) }
      ?? UInt64.random(in: 0...UInt64.max)
    self.seed = chosen
    state = chosen
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
