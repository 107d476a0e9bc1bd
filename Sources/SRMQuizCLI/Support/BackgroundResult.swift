import Foundation

/// Work started on its own thread at once, whose result is waited for later.
///
/// For I/O-bound start-up work whose values are handed over once (the value is not used
/// concurrently).
final class BackgroundResult<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the work and returns its value or rethrows its error.
    func value() throws -> Value {
        done.wait()
        guard let result else { preconditionFailure("signalled without a result") }
        return try result.get()
    }
}
