import Foundation

/// How a session chooses and records its questions.
package struct SessionConfiguration: Sendable {
    package var mode: SessionMode
    /// New items a day (study); `nil` takes the learner's setting.
    package var newPerDay: Int?
    /// At most this many answers in the session.
    package var limit: Int?
    /// How many questions (quiz and cram); `nil`: all that match.
    package var count: Int?
    /// Seed for the quiz's selection and order, and for interval fuzz.
    package var seed: UInt64
    /// Which items a quiz or cram draws from.
    package var filter: ItemFilter
    /// Whether answers go into the learner's schedule (study and quiz; cram never records).
    package var record: Bool
    /// How response time turns a right answer into a rating.
    package var timing: ResponseTiming
    /// When nothing else is left, learning cards due within this many seconds are asked early.
    package var learnAhead: TimeInterval
    /// The calendar whose days count new items and siblings.
    package var calendar: Calendar
    /// A coming exam: due reviews are ordered by how likely they are to be forgotten by then
    /// (lowest retrievability on that date first), not by now.
    package var examDate: Date?

    package init(
        mode: SessionMode = .study, newPerDay: Int? = nil, limit: Int? = nil, count: Int? = nil,
        seed: UInt64 = 0, filter: ItemFilter = ItemFilter(), record: Bool = true,
        timing: ResponseTiming = ResponseTiming(), learnAhead: TimeInterval = 20 * 60,
        calendar: Calendar = .current, examDate: Date? = nil
    ) {
        self.examDate = examDate
        self.mode = mode
        self.newPerDay = newPerDay
        self.limit = limit
        self.count = count
        self.seed = seed
        self.filter = filter
        self.record = record
        self.timing = timing
        self.learnAhead = learnAhead
        self.calendar = calendar
    }

    /// Whether answers are recorded: never in cram mode.
    package var records: Bool { record && mode != .cram }
}
