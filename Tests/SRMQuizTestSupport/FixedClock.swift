import Foundation
import SRMQuizKit

/// A clock that always says the same time (tests).
package struct FixedClock: Clock {
    package var date: Date
    package init(_ date: Date) { self.date = date }
    package func now() -> Date { date }
}
