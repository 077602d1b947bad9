import Foundation

/// `body(0..<count)` on every core; the results in order.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  guard count > 1 else { return (0..<count).map(body) }
  let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
  results.initialize(repeating: nil)
  defer { results.deallocate() }
  nonisolated(unsafe) let shared = results
  DispatchQueue.concurrentPerform(iterations: count) { index in shared[index] = body(index) }
  // Every index was written by `concurrentPerform`, which returns only when all have run.
  return results.compactMap { $0 }
}
