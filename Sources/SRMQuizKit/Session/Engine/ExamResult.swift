import Foundation

/// A finished mock exam: what the results file holds and what reports read.
package struct ExamResult: Sendable, Hashable, Codable {
    /// The value of ``format`` that marks an exam results file.
    package static let formatName = "srmquiz-exam-result"

    /// Always ``formatName``; lets `srmquiz report` tell the file's kind.
    package var format: String = ExamResult.formatName
    /// The version of this layout.
    package var version: Int = 1
    package var startedAt: Date
    package var finishedAt: Date
    package var seed: UInt64
    /// The time allowed, in minutes.
    package var minutes: Int
    /// The pass mark, as a percentage.
    package var passMark: Double
    /// Whether the exam submitted itself because time ran out.
    package var timedOut: Bool
    /// The bank files the questions came from.
    package var bankFiles: [String]
    package var questions: [ExamQuestionRecord]

    package init(
        startedAt: Date, finishedAt: Date, seed: UInt64, minutes: Int, passMark: Double, timedOut: Bool,
        bankFiles: [String], questions: [ExamQuestionRecord]
    ) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.seed = seed
        self.minutes = minutes
        self.passMark = passMark
        self.timedOut = timedOut
        self.bankFiles = bankFiles
        self.questions = questions
    }

    /// Questions answered correctly.
    package var correctCount: Int { questions.filter(\.correct).count }
    /// The score as a percentage of all questions (0 when there are none).
    package var percent: Double {
        questions.isEmpty ? 0 : Double(correctCount) * 100 / Double(questions.count)
    }
    /// Whether the score reaches the pass mark.
    package var passed: Bool { percent >= passMark }

    /// The JSON encoder results files use: ISO 8601 dates, sorted keys, pretty printed.
    package static func encoder(pretty: Bool = true) -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys]
        return e
    }

    /// The JSON decoder results files use.
    package static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
