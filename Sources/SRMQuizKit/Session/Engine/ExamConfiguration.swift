/// The settings of one mock exam.
public struct ExamConfiguration: Sendable, Hashable, Codable {
    /// How many questions.
    public var count: Int
    /// The time allowed, in minutes.
    public var minutes: Int
    /// The pass mark, as a percentage (70 by default).
    public var passMark: Double
    /// The seed that chose the questions and their order.
    public var seed: UInt64

    public init(count: Int = 20, minutes: Int? = nil, passMark: Double = 70, seed: UInt64) {
        self.count = count
        self.minutes = minutes ?? ExamConfiguration.defaultMinutes(count: count)
        self.passMark = passMark
        self.seed = seed
    }

    /// The time of the real exam scaled to `count` questions: 90 minutes × count / 65, rounded up.
    public static func defaultMinutes(count: Int) -> Int {
        max(1, (90 * count + 64) / 65)
    }
}
