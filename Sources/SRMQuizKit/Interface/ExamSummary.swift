/// The end-of-exam screen: score, pass or fail, the breakdowns, and every wrong answer with the
/// right one and its explanation.
package enum ExamSummary {
    /// The tags the breakdowns group by, in the order shown.
    package static let dimensions = ["owner", "category", "kind"]

    /// The summary of `result` as plain text (bank text sanitised for the terminal), with
    /// services, owners and categories by `names`.
    package static func text(for result: ExamResult, names: DisplayNames = DisplayNames()) -> String {
        let total = result.questions.count
        let percent = TextFormat.number((result.percent * 10).rounded() / 10)
        var out = "Score: \(result.correctCount) of \(total) (\(percent)%). "
        out +=
            result.passed
            ? "PASS (pass mark \(TextFormat.number(result.passMark))%).\n"
            : "FAIL (pass mark \(TextFormat.number(result.passMark))%).\n"
        if result.timedOut { out += "Time ran out before you submitted.\n" }
        let answers = result.questions.map { (tags: $0.tags, correct: $0.correct) }
        for dimension in dimensions {
            let breakdown = ScoreBreakdown.make(dimension: dimension, answers: answers)
            out += "\nBy \(dimension):\n"
            for row in breakdown.rows {
                let label = TerminalText.sanitize(names.name(row.label, of: dimension))
                out +=
                    "  " + label.padding(toLength: max(label.count, 22), withPad: " ", startingAt: 0)
                    + " \(row.correct)/\(row.total)  \(Int(row.percent.rounded()))%\n"
            }
        }
        let wrong = result.questions.filter { !$0.correct }
        if wrong.isEmpty {
            out += "\nNo wrong answers.\n"
        } else {
            out += "\nWrong or unanswered (\(wrong.count)):\n"
            for q in wrong {
                out += "\n\(q.number). \(TerminalText.sanitize(q.prompt))\n"
                let given = q.answer.map { letters(of: $0, in: q) } ?? "no answer"
                out += "   Your answer: \(given)\n"
                out += "   Right answer: \(letters(of: q.correctLetters, in: q))\n"
                if !q.explanation.isEmpty { out += "   \(TerminalText.sanitize(q.explanation))\n" }
            }
        }
        return out
    }

    private static func letters(of letters: [String], in q: ExamQuestionRecord) -> String {
        ChoiceAnswer.describe(letters, choices: q.choices)
    }
}
