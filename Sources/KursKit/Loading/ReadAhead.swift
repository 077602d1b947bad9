import Foundation

/// Works through a list of course files on every core, ahead of the thread that takes the
/// results in order.
///
/// A course of many module files spends most of its loading time parsing them, checking them
/// against the schema and building modules from them. While one thread takes a result, the
/// others work on the next files. At most `window` results are made and not yet taken, so
/// memory stays bounded however many files the course has. Results come back in the order of
/// the list, so findings and the course digest are exactly those of one file after another.
final class ReadAhead<Output: Sendable>: @unchecked Sendable {
  /// A file to read, and the path its findings print.
  struct File: Sendable {
    var url: URL
    var displayPath: String
  }

  private let files: [File]
  private let work: @Sendable (Int, File, XMLReader) -> Output
  private let lock = NSLock()
  /// Results not yet taken (guarded by `lock`).
  private var results: [Int: Output] = [:]
  /// The next file a thread takes (guarded by `lock`).
  private var next = 0
  /// Set when no more is wanted (guarded by `lock`).
  private var stopped = false
  private let ready: [DispatchSemaphore]
  /// Counts the results that may still be made ahead of the taker.
  private let room: DispatchSemaphore
  private let window: Int
  private let finished = DispatchGroup()

  /// Starts working through `files` at once.
  /// - Parameters:
  ///   - threads: how many threads work; by default one per core.
  ///   - makeReader: makes one reader for each thread.
  ///   - work: what a thread does with file number `index`, with its own reader.
  init(
    files: [File], threads: Int = ProcessInfo.processInfo.activeProcessorCount, makeReader: () -> XMLReader,
    work: @escaping @Sendable (_ index: Int, File, XMLReader) -> Output
  ) {
    self.files = files
    self.work = work
    self.ready = files.map { _ in DispatchSemaphore(value: 0) }
    let threads = max(1, min(threads, files.count))
    window = threads * 2
    room = DispatchSemaphore(value: window)
    for _ in 0..<threads {
      let reader = makeReader()
      DispatchQueue.global().async(group: finished) { self.run(with: reader) }
    }
  }

  deinit {
    stop()
    finished.wait()
  }

  private func run(with reader: XMLReader) {
    while true {
      room.wait()
      lock.lock()
      guard !stopped, next < files.count else {
        lock.unlock()
        room.signal()
        return
      }
      let index = next
      next += 1
      lock.unlock()
      let result = work(index, files[index], reader)
      lock.lock()
      results[index] = result
      lock.unlock()
      ready[index].signal()
    }
  }

  /// The result for file `index`, once made. Take each once, in the order of the list (the
  /// threads work in that order; waiting for a later file first could wait for ever).
  func take(_ index: Int) -> Output? {
    ready[index].wait()
    lock.lock()
    let result = results.removeValue(forKey: index)
    lock.unlock()
    room.signal()
    return result
  }

  /// Starts no more files; the threads end after the file each is on.
  func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
    // Wake every thread waiting for room, so it sees `stopped` and ends.
    for _ in 0..<window { room.signal() }
  }
}
