import Foundation

/// Where the program gets the time from. Tests inject a fixed or stepping clock (`FixedClock`,
/// `ManualClock`, in the SRMQuizTestSupport target).
public protocol Clock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The real wall clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}
