import Foundation
import SRMQuizKit

/// Turns items, feedback and explanations into the text the learner sees.
///
/// Every piece of bank text goes through ``TerminalText/sanitize(_:)``; the ``Terminal`` wraps it
/// at the width of the moment it is printed.
package struct QuestionRenderer: Sendable {
    package var style: TerminalStyle

    package init(style: TerminalStyle) {
        self.style = style
    }

    private func clean(_ text: String) -> String { TerminalText.sanitize(text) }

    /// The question: a header line, the prompt, and the lettered options (those in
    /// `ruledOut` marked as removed by a hint).
    package func question(_ item: Item, header: String, ruledOut: Set<Int> = []) -> String {
        var out = "\n" + style.dim(header) + "\n" + style.bold(clean(item.prompt)) + "\n"
        if let note = Self.chooseNote(item) { out += style.dim(note) + "\n" }
        for (index, choice) in item.choices.enumerated() {
            let line = "  \(SessionEngine.letter(index))) \(clean(choice))"
            out += (ruledOut.contains(index) ? style.dim(line + "  — ruled out") : line) + "\n"
        }
        if item.kind == .flashcard { out += style.dim("(Enter shows the back)") + "\n" }
        return out
    }

    /// "(Choose TWO.)" for a multiple-response item whose prompt does not already say it.
    package static func chooseNote(_ item: Item) -> String? {
        guard item.isMultipleResponse, !item.prompt.lowercased().contains("(choose") else { return nil }
        return "(Choose \(TextFormat.numberWord(item.answers.count)).)"
    }

    /// A flashcard's back and the rating scale.
    package func back(_ item: Item) -> String {
        let back = item.answers.map(clean).joined(separator: "\n")
        return style.cyan(back) + "\n" + style.dim("Rate: 1 Again · 2 Hard · 3 Good · 4 Easy") + "\n"
    }

    /// The correct options, `b) Customer` or `a) X, c) Y`.
    package func correctAnswer(_ item: Item) -> String {
        if item.kind == .flashcard { return item.answers.map(clean).joined(separator: "; ") }
        return zip(item.answerLetters, item.answers).map { "\($0)) \(clean($1))" }
            .joined(separator: ", ")
    }

    /// Right or wrong with the correct answer, the rating and the next review ("Good, next in 10
    /// min"), the explanation, the nuance and the first source.
    ///
    /// A rated flashcard does not repeat the back the learner has just read.
    package func feedback(_ result: AnswerResult, now: Date) -> String {
        let item = result.item
        var schedule = result.rating.displayName
        if let card = result.card { schedule += ", next " + RelativeTime.until(card.due, from: now) }
        var out = ""
        switch result.correct {
        case .some(true):
            out += style.green("✓ Right") + " — \(correctAnswer(item)) " + style.dim("(\(schedule))")
        case .some(false):
            let label = item.answers.count > 1 ? "the answers are" : "the answer is"
            out += style.red("✗ Wrong") + " — \(label) \(correctAnswer(item)) " + style.dim("(\(schedule))")
        case .none:
            out += "Rated " + schedule
        }
        out += "\n"
        let explanation = clean(item.explanation)
        let back = item.answers.map(clean).joined(separator: "\n")
        if !explanation.isEmpty, !(result.correct == nil && explanation == back) { out += explanation + "\n" }
        if let nuance = item.nuance.map(clean), !nuance.isEmpty {
            out += style.yellow("Nuance: ") + nuance + "\n"
        }
        if let source = item.sources.first {
            out += style.dim("Source: " + clean(source)) + "\n"
        }
        return out
    }

    /// The full explanation of an answered item: answer, explanation, nuance, every source and
    /// the facts it tests.
    package func explanation(_ item: Item) -> String {
        var out = style.bold(clean(item.prompt)) + "\n"
        out += "Answer: " + correctAnswer(item) + "\n"
        let explanation = clean(item.explanation)
        if !explanation.isEmpty { out += explanation + "\n" }
        if let nuance = item.nuance.map(clean), !nuance.isEmpty {
            out += style.yellow("Nuance: ") + nuance + "\n"
        }
        if !item.sources.isEmpty {
            out += "Sources:\n" + item.sources.map { "  " + clean($0) + "\n" }.joined()
        }
        if !item.facts.isEmpty {
            out += style.dim("Facts: " + item.facts.map(clean).joined(separator: ", ")) + "\n"
        }
        return out
    }
}
