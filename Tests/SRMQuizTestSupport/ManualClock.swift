import Foundation
import SRMQuizKit

/// A clock that moves only when told to (tests, and ``ScriptedTerminal``).
package final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var time: Date

    /// A clock that starts at `start`.
    package init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) { time = start }

    package func now() -> Date { lock.withLock { time } }

    /// Moves the clock `seconds` forward.
    package func advance(_ seconds: TimeInterval) {
        lock.withLock { time = time.addingTimeInterval(seconds) }
    }

    /// Sets the clock to `date` (never backwards).
    package func set(_ date: Date) { lock.withLock { time = max(time, date) } }
}
