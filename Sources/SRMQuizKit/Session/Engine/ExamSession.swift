import Foundation

/// The state of one mock exam: the questions, the answers so far, the flags, the clock.
///
/// A value type with no I/O: ``ExamRunner`` reads lines and prints, and passes the time in.
/// Answers may be changed until the exam ends; an answer given after the deadline is refused.
public struct ExamSession: Sendable {
    public let items: [Item]
    public let configuration: ExamConfiguration
    public let startedAt: Date
    /// When time runs out.
    public let deadline: Date
    /// Each question's answer, `nil` while unanswered.
    public private(set) var answers: [ChoiceAnswer?]
    /// The indices (from 0) of flagged questions.
    public private(set) var flagged: Set<Int> = []
    /// The question shown, from 0.
    public private(set) var current = 0
    /// Seconds spent on each question so far.
    public private(set) var timeSpent: [TimeInterval]
    private var shownAt: Date?

    public init(items: [Item], configuration: ExamConfiguration, startedAt: Date) {
        self.items = items
        self.configuration = configuration
        self.startedAt = startedAt
        self.deadline = startedAt.addingTimeInterval(configuration.timeLimit)
        self.answers = Array(repeating: nil, count: items.count)
        self.timeSpent = Array(repeating: 0, count: items.count)
    }

    /// Whether the time is up at `now`.
    public func isTimeUp(at now: Date) -> Bool { now >= deadline }

    /// Whole seconds left at `now` (never negative).
    public func secondsLeft(at now: Date) -> Int {
        max(0, Int(deadline.timeIntervalSince(now).rounded(.down)))
    }

    /// The indices of unanswered questions.
    public var unanswered: [Int] { answers.indices.filter { answers[$0] == nil } }

    /// Shows question `index` from `now`: the time until the next call counts towards it.
    public mutating func show(_ index: Int, at now: Date) {
        stopTimer(at: now)
        current = max(0, min(index, items.count - 1))
        shownAt = now
    }

    /// Adds the time since the question was shown (up to the deadline) to it.
    public mutating func stopTimer(at now: Date) {
        if let shownAt, !items.isEmpty {
            let end = min(now, deadline)
            timeSpent[current] += max(0, end.timeIntervalSince(shownAt))
        }
        shownAt = nil
    }

    /// Records `answer` for the current question; refused (returns `false`) when time is up.
    @discardableResult public mutating func answer(_ answer: ChoiceAnswer, at now: Date) -> Bool {
        guard !isTimeUp(at: now), !items.isEmpty else { return false }
        answers[current] = answer
        return true
    }

    /// Flags the current question, or removes its flag; returns whether it is now flagged.
    @discardableResult public mutating func toggleFlag() -> Bool {
        if flagged.remove(current) != nil { return false }
        flagged.insert(current)
        return true
    }

    /// The next question to show after the current one: the next unanswered question after it
    /// (wrapping round), or `nil` when every question is answered.
    public func nextUnanswered() -> Int? {
        guard !items.isEmpty else { return nil }
        for step in 1...items.count {
            let i = (current + step) % items.count
            if answers[i] == nil { return i }
        }
        return nil
    }

    /// The finished exam, for the results file.
    /// The time on the question still on screen counts up to `finishedAt` (or the deadline).
    public func result(finishedAt: Date, timedOut: Bool, bankFiles: [String]) -> ExamResult {
        var finished = self
        finished.stopTimer(at: finishedAt)
        let timeSpent = finished.timeSpent
        let records = items.indices.map { i in
            let item = items[i]
            let given = answers[i]
            return ExamQuestionRecord(
                number: i + 1, id: item.id, kind: item.kind, prompt: item.prompt, choices: item.choices,
                correctLetters: item.answerLetters.sorted(), answer: given?.letters,
                correct: given?.isCorrect(for: item) ?? false, timeMs: Int((timeSpent[i] * 1000).rounded()),
                flagged: flagged.contains(i), explanation: item.explanation,
                tags: ScoreBreakdown.tags(of: item),
                facts: item.facts)
        }
        return ExamResult(
            startedAt: startedAt, finishedAt: finishedAt, seed: configuration.seed,
            minutes: configuration.minutes,
            passMark: configuration.passMark, timedOut: timedOut, bankFiles: bankFiles, questions: records)
    }
}
