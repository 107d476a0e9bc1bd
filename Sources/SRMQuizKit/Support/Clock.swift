import Foundation

/// Where the program gets the time from.
///
/// Tests inject a fixed or stepping clock.
public protocol Clock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The real wall clock.
public struct SystemClock: Clock {
    /// The wall clock.
    public init() {}
    /// The current time, from the system.
    public func now() -> Date { Date() }
}

/// A clock that always says the same time (tests).
package struct FixedClock: Clock {
    package var date: Date
    package init(_ date: Date) { self.date = date }
    package func now() -> Date { date }
}

/// A clock that moves only when told to (tests, and ``ScriptedTerminal``-style drivers).
package final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var time: Date

    /// A clock that starts at `start`.
    package init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) { time = start }

    package func now() -> Date { lock.withLock { time } }

    /// Moves the clock `seconds` forward.
    package func advance(_ seconds: TimeInterval) { lock.withLock { time = time.addingTimeInterval(seconds) } }

    /// Sets the clock to `date` (never backwards).
    package func set(_ date: Date) { lock.withLock { time = max(time, date) } }
}
