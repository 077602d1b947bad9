import Foundation

/// Reads a list of course files on every core, ahead of the one that is building from them.
///
/// A course of many module files spends as long parsing and checking them against the schema
/// as building the model from them. While the builder works on one module, the other cores read
/// the next ones. At most `window` files are read and not yet taken, so memory stays bounded
/// however many files the course has. Documents come back in the order of the list, so findings
/// and the course digest are exactly those of reading one file after another.
final class ReadAhead: @unchecked Sendable {
  /// A file to read, and the path its findings print.
  struct File: Sendable {
    var url: URL
    var displayPath: String
  }

  private let files: [File]
  private let lock = NSLock()
  /// Read documents not yet taken (guarded by `lock`).
  private var documents: [Int: XMLReader.Document] = [:]
  /// The next file a reading thread takes (guarded by `lock`).
  private var next = 0
  /// Set when the builder wants no more (guarded by `lock`).
  private var stopped = false
  private let ready: [DispatchSemaphore]
  /// Counts the files that may still be read ahead of the builder.
  private let room: DispatchSemaphore
  private let window: Int
  private let finished = DispatchGroup()

  /// Starts reading `files` at once.
  /// - Parameters:
  ///   - makeReader: makes one reader for each reading thread.
  ///   - threads: how many threads read; by default one per core.
  init(files: [File], threads: Int = ProcessInfo.processInfo.activeProcessorCount, makeReader: () -> XMLReader) {
    self.files = files
    self.ready = files.map { _ in DispatchSemaphore(value: 0) }
    let threads = max(1, min(threads, files.count))
    window = threads * 2
    room = DispatchSemaphore(value: window)
    for _ in 0..<threads {
      let reader = makeReader()
      DispatchQueue.global().async(group: finished) { self.work(with: reader) }
    }
  }

  deinit {
    stop()
    finished.wait()
  }

  private func work(with reader: XMLReader) {
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
      let document = reader.read(fileAt: files[index].url, displayPath: files[index].displayPath)
      lock.lock()
      documents[index] = document
      lock.unlock()
      ready[index].signal()
    }
  }

  /// The document of file `index`, once read. Take each once, in the order of the list (the
  /// threads read in that order; waiting for a later file first could wait for ever).
  func document(_ index: Int) -> XMLReader.Document {
    ready[index].wait()
    lock.lock()
    let document = documents.removeValue(forKey: index)
    lock.unlock()
    room.signal()
    // Every index is read exactly once and signalled only after it is stored.
    return document ?? XMLReader.Document(root: nil, diagnostics: [], bytes: [])
  }

  /// Reads no more files; the threads end after the file each is reading.
  func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
    // Wake every thread waiting for room, so it sees `stopped` and ends.
    for _ in 0..<window { room.signal() }
  }
}
