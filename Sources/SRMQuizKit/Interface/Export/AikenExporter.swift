import Foundation

/// Aiken: single-answer multiple choice only.
///
/// The question on one line, options `A. …`, then `ANSWER: B`, and a blank line. Items with several
/// answers, no choices (flashcards) or more than 26 choices are skipped; ``ExportOutput/skipped``
/// says which and why.
package struct AikenExporter: ItemExporter {
    /// Aiken letters options `A` to `Z`.
    package static let maximumChoices = 26

    package init() {}

    package func export(_ items: [Item]) -> ExportOutput {
        var text = ""
        var skipped: [SkippedItem] = []
        for item in items {
            if let reason = Self.skipReason(item) {
                skipped.append(SkippedItem(id: item.id, reason: reason))
                continue
            }
            text += Self.oneLine(item.prompt) + "\n"
            for (index, choice) in item.choices.enumerated() {
                text += AnkiExporter.letter(index) + ". " + Self.oneLine(choice) + "\n"
            }
            let answer = item.choices.firstIndex(of: item.answers[0]).map(AnkiExporter.letter) ?? "A"
            text += "ANSWER: \(answer)\n\n"
        }
        return ExportOutput(text: text, skipped: skipped)
    }

    /// Why Aiken cannot hold `item`, or nil.
    static func skipReason(_ item: Item) -> String? {
        if item.choices.isEmpty { return "flashcards have no choices" }
        if item.answers.count != 1 { return "Aiken holds only single-answer questions" }
        if item.choices.count < 2 { return "Aiken needs at least 2 choices" }
        if item.choices.count > maximumChoices { return "Aiken letters at most 26 choices" }
        if !item.choices.contains(item.answers[0]) { return "the answer is not among the choices" }
        return nil
    }

    /// Text on a single line: line breaks and tabs become spaces, ends trimmed.
    static func oneLine(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isNewline || $0 == "\t" })
        return words.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(
            separator: " ")
    }
}
