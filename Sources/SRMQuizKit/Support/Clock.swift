import Foundation

/// Where the program gets the time from. Tests inject a fixed or stepping clock.
public protocol Clock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The real wall clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always says the same time (tests).
public struct FixedClock: Clock {
    public var date: Date
    public init(_ date: Date) { self.date = date }
    public func now() -> Date { date }
}

/// A clock that moves only when told to (tests, and ``ScriptedTerminal``-style drivers).
public final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var time: Date

    /// A clock that starts at `start`.
    public init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) { time = start }

    public func now() -> Date { lock.withLock { time } }

    /// Moves the clock `seconds` forward.
    public func advance(_ seconds: TimeInterval) { lock.withLock { time = time.addingTimeInterval(seconds) } }

    /// Sets the clock to `date` (never backwards).
    public func set(_ date: Date) { lock.withLock { time = max(time, date) } }
}
