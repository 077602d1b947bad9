import Foundation

/// Works through a list of course files on every core, ahead of the thread that takes the
/// results in order.
///
/// A course of many module files spends most of its loading time parsing them, checking them
/// against the schema and building modules from them. While one thread takes a result, the
/// others work on the next files. At most `window` results are made and not yet taken, so
/// memory stays bounded however many files the course has. Results come back in the order of
/// the list, so findings and the course digest are exactly those of one file after another.
///
/// The threads are threads of their own, not Dispatch's pool: they wait for room while the taker
/// is behind, and waiting there could starve other work of the pool's few threads. They hold
/// only the shared `State`, never the `ReadAhead`, so that dropping it stops and joins them.
final class ReadAhead<Output: Sendable> {
  /// A file to read, and the path its findings print.
  struct File: Sendable {
    var url: URL
    var displayPath: String
  }

  private let state: State
  /// Signalled once by each thread as it ends.
  private let ended = DispatchSemaphore(value: 0)
  private let threads: Int

  /// Starts working through `files` at once.
  /// - Parameters:
  ///   - threads: how many threads work; by default one per core.
  ///   - makeReader: makes one reader for each thread.
  ///   - work: what a thread does with file number `index`, with its own reader.
  init(
    files: [File], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    makeReader: () -> XMLReader,
    work: @escaping @Sendable (_ index: Int, File, XMLReader) -> Output
  ) {
    self.threads = max(1, min(threads, files.count))
    state = State(files: files, window: self.threads * 2, work: work)
    for _ in 0..<self.threads {
      let reader = makeReader()
      let (state, ended) = (state, ended)
      let thread = Thread {
        state.run(with: reader)
        ended.signal()
      }
      thread.name = "kurs-read-ahead"
      thread.start()
    }
  }

  /// Stops the threads and waits for them, so that none outlives the load.
  deinit {
    state.stop()
    for _ in 0..<threads { ended.wait() }
  }

  /// The result for file `index`, once made. Take each once, in the order of the list (the
  /// threads work in that order; waiting for a later file first could wait for ever).
  func take(_ index: Int) -> Output? { state.take(index) }

  /// What the threads and the taker share.
  private final class State: @unchecked Sendable {
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

    init(files: [File], window: Int, work: @escaping @Sendable (Int, File, XMLReader) -> Output) {
      self.files = files
      self.work = work
      self.window = window
      ready = files.map { _ in DispatchSemaphore(value: 0) }
      room = DispatchSemaphore(value: window)
    }

    func run(with reader: XMLReader) {
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
}
