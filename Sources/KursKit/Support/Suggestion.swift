/// "Did you mean …?" for names that are close to a known one.
public enum Suggestion {
  /// The known name closest to `name` by edit distance, when it is close enough to be a typo.
  public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(name.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let distance = editDistance(target, Array(candidate.lowercased()))
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let allowed = max(1, min(3, target.count / 3))
    return best.distance <= allowed ? best.name : nil
  }

  /// Edit distance between two character arrays, a swap of two neighbours counting as one edit
  /// (optimal string alignment): `strat` is one typo away from `start`, as people type.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}

/// " (did you mean 'x'?)" when a known name is close, else "".
func didYouMean(_ name: String, _ known: [String]) -> String {
  Suggestion.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
}
