import Foundation
import Testing

@testable import KursKit

@Suite struct ReadAheadTests {
  @Test func documentsComeBackInTheOrderOfTheListWithTheirOwnFindings() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var files: [ReadAhead<XMLReader.Document>.File] = []
    for index in 0..<40 {
      let url = directory.appendingPathComponent("m\(index).xml")
      // Every fifth file is broken, on a line of its own number.
      let text =
        index % 5 == 0
        ? String(repeating: "\n", count: index) + "<module"
        : "<module xmlns=\"urn:kurs:course:1\" id=\"m\(index)\" start=\"p\" pass-mark=\"0\"><title>M</title><page id=\"p\"><title>P</title><body><p>x</p></body></page></module>"
      try Data(text.utf8).write(to: url)
      files.append(ReadAhead.File(url: url, displayPath: "m\(index).xml"))
    }
    let schema = CourseSchema.text
    let readAhead = ReadAhead(
      files: files, threads: 3, makeReader: { XMLReader(schemaText: schema) }
    ) {
      _, file, reader in reader.read(fileAt: file.url, displayPath: file.displayPath)
    }
    for index in 0..<40 {
      let document = try #require(readAhead.take(index))
      if index % 5 == 0 {
        #expect(document.root == nil)
        #expect(document.diagnostics.first?.location.file == "m\(index).xml")
        #expect(document.diagnostics.first?.location.line == index + 1)
      } else {
        #expect(document.diagnostics.isEmpty)
        #expect(document.root?[attribute: "id"] == "m\(index)")
      }
    }
  }

  @Test func stoppingEarlyEndsTheReadingThreads() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let files = try (0..<30).map { index -> ReadAhead<XMLReader.Document>.File in
      let url = directory.appendingPathComponent("m\(index).xml")
      try Data("<module/>".utf8).write(to: url)
      return ReadAhead.File(url: url, displayPath: url.lastPathComponent)
    }
    let schema = CourseSchema.text
    var readAhead: ReadAhead? = ReadAhead(
      files: files, threads: 2, makeReader: { XMLReader(schemaText: schema) }
    ) {
      _, file, reader in reader.read(fileAt: file.url, displayPath: file.displayPath)
    }
    _ = readAhead?.take(0)
    // Deinit stops the threads and waits for them: this returns rather than hanging.
    readAhead = nil
    #expect(readAhead == nil)
  }

  /// Dropping a read-ahead stops its threads and waits for them: none keeps it alive or works
  /// on afterwards. (Its threads once held it, and the last of them then waited for itself in
  /// deinit for ever: one stuck thread per course loaded.)
  @Test func droppingTheReadAheadStopsAndJoinsItsThreads() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let files = try (0..<12).map { index -> ReadAhead<Int>.File in
      let url = directory.appendingPathComponent("m\(index).xml")
      try Data("<module/>".utf8).write(to: url)
      return ReadAhead.File(url: url, displayPath: url.lastPathComponent)
    }
    let schema = CourseSchema.text
    let calls = Counter()
    weak var dropped: ReadAhead<Int>?
    do {
      let readAhead = ReadAhead(
        files: files, threads: 2, makeReader: { XMLReader(schemaText: schema) }
      ) {
        index, _, _ in
        calls.increment()
        usleep(20_000)  // slow files: the threads are busy when the read-ahead is dropped
        return index
      }
      dropped = readAhead
      #expect(readAhead.take(0) == 0)
    }
    #expect(dropped == nil)
    let afterDrop = calls.value
    usleep(100_000)
    #expect(calls.value == afterDrop)
    #expect(afterDrop < files.count)
  }
}

private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  func increment() {
    lock.lock()
    count += 1
    lock.unlock()
  }
  var value: Int {
    lock.lock()
    defer { lock.unlock() }
    return count
  }
}
