import Foundation

/// Turns items, feedback and explanations into the text the learner sees. Every piece of bank
/// text goes through ``TerminalText/sanitize(_:)``.
public struct QuestionRenderer: Sendable {
    public var style: TerminalStyle

    public init(style: TerminalStyle) {
        self.style = style
    }

    private func clean(_ text: String) -> String { TerminalText.sanitize(text) }

    /// The question: a header line, the prompt, and the lettered options (those in
    /// `ruledOut` marked as removed by a hint).
    public func question(_ item: Item, header: String, ruledOut: Set<Int> = []) -> String {
        var out = "\n" + style.dim(header) + "\n" + style.bold(style.fold(clean(item.prompt))) + "\n"
        if item.isMultipleResponse {
            out += style.dim("(choose \(item.answers.count))") + "\n"
        }
        for (index, choice) in item.choices.enumerated() {
            let line = style.fold("  \(SessionEngine.letter(index))) \(clean(choice))", indent: "     ")
            out += (ruledOut.contains(index) ? style.dim(line + "  — ruled out") : line) + "\n"
        }
        if item.kind == .flashcard { out += style.dim("(Enter shows the back)") + "\n" }
        return out
    }

    /// A flashcard's back and the rating scale.
    public func back(_ item: Item) -> String {
        let back = style.fold(item.answers.map(clean).joined(separator: "\n"))
        return style.cyan(back) + "\n" + style.dim("Rate: 1 Again · 2 Hard · 3 Good · 4 Easy") + "\n"
    }

    /// The correct options, `b) Customer` or `a) X, c) Y`.
    public func correctAnswer(_ item: Item) -> String {
        if item.kind == .flashcard { return item.answers.map(clean).joined(separator: "; ") }
        return zip(item.answerLetters, item.answers).map { "\($0)) \(clean($1))" }
            .joined(separator: ", ")
    }

    /// Right or wrong, the correct answer, the explanation, the nuance and the first source.
    public func feedback(_ result: AnswerResult, now: Date) -> String {
        let item = result.item
        var out = ""
        switch result.correct {
        case .some(true):
            out += style.green("✓ Right") + " — \(correctAnswer(item))"
        case .some(false):
            let label = item.answers.count > 1 ? "the answers are" : "the answer is"
            out += style.red("✗ Wrong") + " — \(label) \(correctAnswer(item))"
        case .none:
            out += "Rated \(result.rating.displayName)"
        }
        out += style.dim(" (\(result.rating.displayName)")
        if let card = result.card {
            out += style.dim(", next \(RelativeTime.until(card.due, from: now))")
        }
        out += style.dim(")") + "\n"
        let explanation = style.fold(clean(item.explanation))
        if !explanation.isEmpty { out += explanation + "\n" }
        if let nuance = item.nuance.map(clean), !nuance.isEmpty {
            out += style.yellow("Nuance: ") + String(style.fold("Nuance: " + nuance).dropFirst(8)) + "\n"
        }
        if let source = item.sources.first {
            out += style.dim("Source: " + clean(source)) + "\n"
        }
        return out
    }

    /// The full explanation of an answered item: answer, explanation, nuance, every source and
    /// the facts it tests.
    public func explanation(_ item: Item) -> String {
        var out = style.bold(style.fold(clean(item.prompt))) + "\n"
        out += style.fold("Answer: " + correctAnswer(item)) + "\n"
        let explanation = style.fold(clean(item.explanation))
        if !explanation.isEmpty { out += explanation + "\n" }
        if let nuance = item.nuance.map(clean), !nuance.isEmpty {
            out += style.yellow("Nuance: ") + String(style.fold("Nuance: " + nuance).dropFirst(8)) + "\n"
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
