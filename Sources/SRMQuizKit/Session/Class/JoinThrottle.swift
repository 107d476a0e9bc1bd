import Foundation

/// Slows down repeated wrong join codes from one address: after ``freeAttempts`` wrong codes, each
/// further attempt waits twice as long as the last (from ``baseDelay`` up to ``maximumDelay``)
/// before it is answered.
///
/// A right code forgets the address's failures.
package struct JoinThrottle: Sendable {
    /// Wrong codes answered at once.
    package static let freeAttempts = 3
    /// The first delay, in seconds.
    package static let baseDelay = 0.5
    /// The longest delay, in seconds.
    package static let maximumDelay = 8.0
    /// Failures older than this many seconds are forgotten.
    package static let window = 300.0

    private var failures: [String: (count: Int, last: Date)] = [:]

    package init() {}

    /// Seconds to wait before answering an attempt from `address` at `now`.
    package func delay(for address: String, now: Date) -> Double {
        guard let entry = failures[address], now.timeIntervalSince(entry.last) < Self.window,
            entry.count >= Self.freeAttempts
        else { return 0 }
        let exponent = entry.count - Self.freeAttempts
        return min(Self.maximumDelay, Self.baseDelay * pow(2, Double(min(exponent, 16))))
    }

    /// Notes a wrong code from `address` at `now`.
    package mutating func recordFailure(from address: String, now: Date) {
        var entry = failures[address] ?? (0, now)
        if now.timeIntervalSince(entry.last) >= Self.window { entry.count = 0 }
        entry = (entry.count + 1, now)
        failures[address] = entry
        if failures.count > 10_000 {
            failures = failures.filter { now.timeIntervalSince($0.value.last) < Self.window }
        }
    }

    /// Forgets `address`'s failures after a right code.
    package mutating func recordSuccess(from address: String) {
        failures[address] = nil
    }
}
