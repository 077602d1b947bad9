import Foundation

/// `DATA/cohorts/NAME/summaries.jsonl`: one line per stored learner file, with that file's
/// size, modification time and inode, and the summary of its statements. A cache, never the
/// only copy: a line whose file changed, or that cannot be read, is rebuilt from the file.
///
/// ```
/// {"kurs-cohort-summaries":1}
/// {"id":"…","pseudonym":"Ana","seal":"…","stamp":[12345,1763800000123456789,4242],"last":"…","count":80,…}
/// ```
public struct CohortIndex: Sendable {
  public struct Entry: Sendable, Equatable {
    public var summary: LearnerSummary
    public var stamp: FileStamp
  }

  static let header = "{\"kurs-cohort-summaries\":1}"

  /// The entries of an index file, by learner id; lines that cannot be read are left out.
  /// Large indexes are read on every core, a slice of lines each.
  static func read(_ data: Data) -> [String: Entry] {
    data.withUnsafeBytes { raw -> [String: Entry] in
      let bytes = UnsafeBufferPointer(
        start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
      guard let firstEnd = bytes.firstIndex(of: 0x0A),
        String(decoding: UnsafeBufferPointer(rebasing: bytes[..<firstEnd]), as: UTF8.self) == header
      else { return [:] }  // Another version of the index: rebuild it all from the files.
      // Slices that end at line ends.
      let slices = max(
        1, min(ProcessInfo.processInfo.activeProcessorCount * 4, bytes.count / 1_000_000))
      var bounds = [firstEnd + 1]
      for slice in 1..<slices {
        var cut = max(bounds[bounds.count - 1], bytes.count * slice / slices)
        while cut < bytes.count, bytes[cut - 1] != 0x0A { cut += 1 }
        bounds.append(cut)
      }
      bounds.append(bytes.count)
      let cuts = bounds
      nonisolated(unsafe) let shared = bytes
      let parts = parallelMap(slices) { slice -> [Entry] in
        var entries: [Entry] = []
        var start = cuts[slice]
        let stop = cuts[slice + 1]
        while start < stop {
          var end = start
          while end < stop, shared[end] != 0x0A { end += 1 }
          var cursor = JSONCursor(bytes: UnsafeBufferPointer(rebasing: shared[start..<end]))
          if let entry = try? cursor.indexEntry(), cursor.atEnd() { entries.append(entry) }
          start = end + 1
        }
        return entries
      }
      var entries: [String: Entry] = [:]
      entries.reserveCapacity(parts.reduce(0) { $0 + $1.count })
      for part in parts {
        for entry in part { entries[entry.summary.id] = entry }
      }
      return entries
    }
  }

  /// The index file for `entries`, sorted by learner id so the same cohort gives the same bytes.
  static func encode(_ entries: [String: Entry]) -> Data {
    var output = JSONWriter()
    output.raw(header + "\n")
    for id in entries.keys.sorted() {
      guard let entry = entries[id] else { continue }
      line(entry, into: &output)
      output.raw("\n")
    }
    return Data(output.bytes)
  }

  static func line(_ entry: Entry, into output: inout JSONWriter) {
    let summary = entry.summary
    output.raw("{\"id\":")
    output.string(summary.id)
    output.raw(",\"pseudonym\":")
    output.string(summary.pseudonym)
    output.raw(",\"seal\":")
    output.string(summary.seal)
    output.raw(
      ",\"stamp\":[\(entry.stamp.size),\(entry.stamp.modified),\(entry.stamp.inode)],\"last\":")
    output.string(summary.last)
    output.raw(",\"count\":\(summary.count),\"lastActivity\":")
    output.optional(summary.lastActivity)
    output.raw(",\"completed\":\(summary.completed),\"lastNode\":")
    output.optional(summary.lastNode)
    output.raw(",\"modules\":")
    output.object(summary.modules) { output, module in
      output.raw("{\"status\":")
      output.string(module.status)
      output.raw(",\"attempts\":\(module.attempts),\"best\":")
      output.number(module.best)
      output.raw(",\"maximum\":")
      output.number(module.maximum)
      output.raw("}")
    }
    output.raw(",\"firstTry\":")
    output.object(summary.firstTry) { output, right in output.raw("\(right)") }
    output.raw(",\"wrong\":")
    output.object(summary.wrong) { output, responses in
      output.object(responses) { output, count in output.raw("\(count)") }
    }
    output.raw("}")

  }
}

extension JSONCursor {
  /// One line of the cohort index.
  mutating func indexEntry() throws(SyntaxError) -> CohortIndex.Entry {
    var id: String?
    var pseudonym: String?
    var seal: String?
    var stamp: FileStamp?
    var last: String?
    var count: Int?
    var lastActivity: String?
    var completed: Bool?
    var lastNode: String?
    var modules: [String: LearnerSummary.Module]?
    var firstTry: [String: Bool]?
    var wrong: [String: [String: Int]]?
    try object { (cursor: inout Self, key: String) throws(SyntaxError) in
      switch key {
      case "id": id = try cursor.string()
      case "pseudonym": pseudonym = try cursor.string()
      case "seal": seal = try cursor.string()
      case "stamp":
        var numbers: [Int] = []
        try cursor.array { (cursor: inout Self) throws(SyntaxError) in
          numbers.append(try cursor.integer())
        }
        guard numbers.count == 3 else { throw SyntaxError() }
        stamp = FileStamp(size: numbers[0], modified: numbers[1], inode: numbers[2])
      case "last": last = try cursor.string()
      case "count": count = try cursor.integer()
      case "lastActivity": lastActivity = try cursor.optionalString()
      case "completed": completed = try cursor.value().bool
      case "lastNode": lastNode = try cursor.optionalString()
      case "modules":
        var result: [String: LearnerSummary.Module] = [:]
        try cursor.object { (cursor: inout Self, module: String) throws(SyntaxError) in
          let value = try cursor.value()
          guard let status = value["status"]?.string, let attempts = value["attempts"]?.integer
          else { throw SyntaxError() }
          result[module] = LearnerSummary.Module(
            status: status, attempts: attempts, best: value["best"]?.integer,
            maximum: value["maximum"]?.integer)
        }
        modules = result
      case "firstTry":
        var result: [String: Bool] = [:]
        try cursor.object { (cursor: inout Self, key: String) throws(SyntaxError) in
          guard let right = try cursor.value().bool else { throw SyntaxError() }
          result[key] = right
        }
        firstTry = result
      case "wrong":
        var result: [String: [String: Int]] = [:]
        try cursor.object { (cursor: inout Self, key: String) throws(SyntaxError) in
          var responses: [String: Int] = [:]
          try cursor.object { (cursor: inout Self, response: String) throws(SyntaxError) in
            responses[response] = try cursor.integer()
          }
          result[key] = responses
        }
        wrong = result
      default: try cursor.skip()
      }
    }
    guard let id, let pseudonym, let seal, let stamp, let last, let count, let completed,
      let modules, let firstTry, let wrong
    else {
      throw SyntaxError()
    }
    let summary = LearnerSummary(
      id: id, pseudonym: pseudonym, seal: seal, last: last, count: count,
      lastActivity: lastActivity, completed: completed,
      lastNode: lastNode, modules: modules, firstTry: firstTry, wrong: wrong)
    return CohortIndex.Entry(summary: summary, stamp: stamp)
  }
}
