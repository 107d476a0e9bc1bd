import Foundation

/// The state of one mock exam: the questions, the answers so far, the flags, the clock.
///
/// A value type with no I/O: ``ExamRunner`` reads lines and prints, and passes the time in.
/// Answers may be changed until the exam ends; an answer given after the deadline is refused.
package struct ExamSession: Sendable {
    package let items: [Item]
    package let configuration: ExamConfiguration
    package let startedAt: Date
    /// When time runs out.
    package let deadline: Date
    /// Each question's answer, `nil` while unanswered.
    package private(set) var answers: [ChoiceAnswer?]
    /// The indices (from 0) of flagged questions.
    package private(set) var flagged: Set<Int> = []
    /// The question shown, from 0.
    package private(set) var current = 0
    /// Seconds spent on each question so far.
    package private(set) var timeSpent: [TimeInterval]
    private var shownAt: Date?

    package init(items: [Item], configuration: ExamConfiguration, startedAt: Date) {
        self.items = items
        self.configuration = configuration
        self.startedAt = startedAt
        self.deadline = startedAt.addingTimeInterval(configuration.timeLimit)
        self.answers = Array(repeating: nil, count: items.count)
        self.timeSpent = Array(repeating: 0, count: items.count)
    }

    /// What a journal keeps of an exam in progress: enough to resume it after a crash.
    package struct Snapshot: Sendable, Hashable, Codable {
        /// The letters given per question, `nil` where unanswered.
        package var answers: [[String]?]
        /// The flagged questions (0-based).
        package var flagged: [Int]
        /// Seconds spent on each question.
        package var timeSpent: [Double]
        /// The question on screen (0-based).
        package var current: Int
        /// Seconds of the time limit used.
        package var elapsed: Double
    }

    /// The state at `now`, the time on the question on screen included.
    package func snapshot(at now: Date) -> Snapshot {
        var copy = self
        copy.stopTimer(at: now)
        return Snapshot(
            answers: answers.map { $0?.letters }, flagged: flagged.sorted(), timeSpent: copy.timeSpent,
            current: current, elapsed: min(now, deadline).timeIntervalSince(startedAt))
    }

    /// The exam of `snapshot` taken up again at `now`, with the time it had left.
    package init(items: [Item], configuration: ExamConfiguration, resuming snapshot: Snapshot, at now: Date) {
        self.init(
            items: items, configuration: configuration, startedAt: now.addingTimeInterval(-snapshot.elapsed))
        for (i, letters) in snapshot.answers.enumerated() where i < answers.count {
            answers[i] = letters.map { ChoiceAnswer(letters: $0) }
        }
        flagged = Set(snapshot.flagged.filter { items.indices.contains($0) })
        for (i, seconds) in snapshot.timeSpent.enumerated() where i < timeSpent.count {
            timeSpent[i] = seconds
        }
        current = max(0, min(snapshot.current, items.count - 1))
    }

    /// Whether the time is up at `now`.
    package func isTimeUp(at now: Date) -> Bool { now >= deadline }

    /// Whole seconds left at `now` (never negative).
    package func secondsLeft(at now: Date) -> Int {
        max(0, Int(deadline.timeIntervalSince(now).rounded(.down)))
    }

    /// The indices of unanswered questions.
    package var unanswered: [Int] { answers.indices.filter { answers[$0] == nil } }

    /// Shows question `index` from `now`: the time until the next call counts towards it.
    package mutating func show(_ index: Int, at now: Date) {
        stopTimer(at: now)
        current = max(0, min(index, items.count - 1))
        shownAt = now
    }

    /// Adds the time since the question was shown (up to the deadline) to it.
    package mutating func stopTimer(at now: Date) {
        if let shownAt, !items.isEmpty {
            let end = min(now, deadline)
            timeSpent[current] += max(0, end.timeIntervalSince(shownAt))
        }
        shownAt = nil
    }

    /// Records `answer` for the current question; refused (returns `false`) when time is up.
    @discardableResult package mutating func answer(_ answer: ChoiceAnswer, at now: Date) -> Bool {
        guard !isTimeUp(at: now), !items.isEmpty else { return false }
        answers[current] = answer
        return true
    }

    /// Flags the current question, or removes its flag; returns whether it is now flagged.
    @discardableResult package mutating func toggleFlag() -> Bool {
        if flagged.remove(current) != nil { return false }
        flagged.insert(current)
        return true
    }

    /// The next question to show after the current one: the next unanswered question after it
    /// (wrapping round), or `nil` when every question is answered.
    package func nextUnanswered() -> Int? {
        guard !items.isEmpty else { return nil }
        for step in 1...items.count {
            let i = (current + step) % items.count
            if answers[i] == nil { return i }
        }
        return nil
    }

    /// The finished exam, for the results file.
    ///
    /// The time on the question still on screen counts up to `finishedAt` (or the deadline).
    package func result(finishedAt: Date, timedOut: Bool, bankFiles: [String]) -> ExamResult {
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
