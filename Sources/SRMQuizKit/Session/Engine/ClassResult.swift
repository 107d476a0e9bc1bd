import Foundation

/// A finished class session: what the results file holds and what reports read.
package struct ClassResult: Sendable, Hashable, Codable {
    /// The value of ``format`` that marks a class results file.
    package static let formatName = "srmquiz-class-result"

    /// How players answer.
    package enum Mode: String, Sendable, Hashable, Codable {
        /// Every player answers every question; the instructor types them on one line.
        case together
        /// Each player answers their own question in turn.
        case turns
    }

    package var format: String = ClassResult.formatName
    package var version: Int = 1
    package var startedAt: Date
    package var finishedAt: Date
    package var seed: UInt64
    package var bankFiles: [String]
    package var mode: Mode
    /// Seconds per question, or `nil` for no timer.
    package var timerSeconds: Double?
    package var speedBonus: Bool
    package var players: [String]
    package var questions: [ClassQuestionRecord]

    package init(
        startedAt: Date, finishedAt: Date, seed: UInt64, bankFiles: [String], mode: Mode,
        timerSeconds: Double?,
        speedBonus: Bool, players: [String], questions: [ClassQuestionRecord]
    ) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.seed = seed
        self.bankFiles = bankFiles
        self.mode = mode
        self.timerSeconds = timerSeconds
        self.speedBonus = speedBonus
        self.players = players
        self.questions = questions
    }

    /// Each player's total points, in roster order.
    package var totals: [Int] {
        players.map { player in
            questions.reduce(0) { sum, q in
                sum + q.responses.filter { $0.player == player }.reduce(0) { $0 + $1.points }
            }
        }
    }

    /// Each player's correct answers, in roster order.
    package var correctCounts: [Int] {
        players.map { player in
            questions.reduce(0) { sum, q in
                sum + q.responses.filter { $0.player == player && $0.correct }.count
            }
        }
    }
}
