import Foundation

/// The state of one class session: the questions, who answers each, and the answers scored so far.
///
/// No I/O: ``ClassRunner`` reads the instructor's lines and prints.
package struct ClassSession: Sendable {
    package let items: [Item]
    package let players: [String]
    package let mode: ClassResult.Mode
    package let timerSeconds: Double?
    package let speedBonus: Bool
    package let seed: UInt64
    package let startedAt: Date
    /// The questions answered so far.
    package private(set) var records: [ClassQuestionRecord] = []

    package init(
        items: [Item], players: [String], mode: ClassResult.Mode, timerSeconds: Double?, speedBonus: Bool,
        seed: UInt64, startedAt: Date
    ) {
        self.items = items
        self.players = players
        self.mode = mode
        self.timerSeconds = timerSeconds
        self.speedBonus = speedBonus
        self.seed = seed
        self.startedAt = startedAt
    }

    /// Whether every question has been answered.
    package var isFinished: Bool { records.count >= items.count }

    /// The next question to ask, if any.
    package var nextItem: Item? { isFinished ? nil : items[records.count] }

    /// Who answers question `index`: everyone together, or one player in turn.
    package func answerers(of index: Int) -> [String] {
        switch mode {
        case .together: players
        case .turns: players.isEmpty ? [] : [players[index % players.count]]
        }
    }

    /// Scores the answers to the next question (one per answerer, `nil` for none) given
    /// `elapsed` seconds after it was shown, and keeps them.
    @discardableResult package mutating func answerNext(_ answers: [ChoiceAnswer?], elapsed: Double)
        -> ClassQuestionRecord?
    {
        guard let item = nextItem else { return nil }
        let index = records.count
        let who = answerers(of: index)
        let late = timerSeconds.map { elapsed > $0 } ?? false
        let responses = who.indices.map { n -> ClassResponse in
            let given = late ? nil : (n < answers.count ? answers[n] : nil)
            let correct = given?.isCorrect(for: item) ?? false
            return ClassResponse(
                player: who[n], answer: given?.letters, correct: correct,
                timeMs: Int((elapsed * 1000).rounded()),
                late: late && n < answers.count && answers[n] != nil,
                points: ClassScoring.points(
                    correct: correct, elapsed: elapsed, timer: timerSeconds, speedBonus: speedBonus))
        }
        let record = ClassQuestionRecord(number: index + 1, item: item, responses: responses)
        records.append(record)
        return record
    }

    /// The session so far, for the results file.
    package func result(finishedAt: Date, bankFiles: [String]) -> ClassResult {
        ClassResult(
            startedAt: startedAt, finishedAt: finishedAt, seed: seed, bankFiles: bankFiles, mode: mode,
            timerSeconds: timerSeconds, speedBonus: speedBonus, players: players, questions: records)
    }
}
