import Foundation

/// Where the program gets the time from.
///
/// Tests inject a fixed or stepping clock (`FixedClock`, `ManualClock`, in the
/// SRMQuizTestSupport target).
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
