import Foundation

/// The settings of one mock exam.
package struct ExamConfiguration: Sendable, Hashable, Codable {
    /// How many questions.
    package var count: Int
    /// The time allowed, in whole minutes (rounded up), as results files record it.
    package var minutes: Int
    /// The time allowed, in seconds (`--time 6s` gives less than a minute).
    package var timeLimit: TimeInterval
    /// The pass mark, as a percentage (70 by default).
    package var passMark: Double
    /// The seed that chose the questions and their order.
    package var seed: UInt64

    /// An exam of `count` questions with `minutes` (or exactly `timeLimit` seconds, which wins)
    /// allowed; by default the real exam's time scaled to `count`.
    package init(
        count: Int = 20, minutes: Int? = nil, timeLimit: TimeInterval? = nil, passMark: Double = 70,
        seed: UInt64
    ) {
        self.count = count
        let minutes = minutes ?? ExamConfiguration.defaultMinutes(count: count)
        self.timeLimit = timeLimit ?? TimeInterval(minutes) * 60
        self.minutes = timeLimit.map { max(1, Int(($0 / 60).rounded(.up))) } ?? minutes
        self.passMark = passMark
        self.seed = seed
    }

    /// The time of the real exam scaled to `count` questions: 90 minutes × count / 65, rounded up.
    package static func defaultMinutes(count: Int) -> Int {
        max(1, (90 * count + 64) / 65)
    }
}
