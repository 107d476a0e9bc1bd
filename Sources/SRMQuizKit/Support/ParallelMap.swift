import Foundation

/// Runs independent pieces of start-up work on every processor and keeps their results in order.
///
/// The pieces must not share mutable state; each result is written once, by the thread that made
/// it, into its own slot, and read only after every piece has finished (`concurrentPerform`
/// returns when all iterations are done), so the values need not be `Sendable`. Results are the
/// same, and in the same order, as a sequential `(0..<count).map(body)`.
package enum ParallelMap {
    /// `body(0) … body(count - 1)`, run concurrently, in index order.
    package static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        nonisolated(unsafe) var slots = [T?](repeating: nil, count: count)
        slots.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    buffer[index] = body(index)
                }
            }
        }
        return slots.map { $0! }
    }
}
