import Foundation

/// A worksheet for a paper quiz, or its answer key: numbered questions, lettered choices, "Choose
/// TWO" for multiple response, a name/class/date/score box, and the seed and bank name on the sheet
/// so the same sheet can be made again (never a local path: the sheet is handed out).
///
/// The answer key opens with a compact grid (`1 b · 2 b,c · …`), then each answer with its
/// explanation, repeated sentences dropped. The same items, seed and bank always give the same
/// text.
///
/// HTML is laid out for print (``WorksheetHTML``): 20 questions fit on three A4 or Letter pages.
package struct Worksheet: Sendable {
    /// The formats a sheet is printed in.
    package enum Format: String, Sendable, CaseIterable {
        case markdown, text, html
    }

    package var items: [Item]
    package var seed: UInt64
    package var bankFiles: [String]

    package init(items: [Item], seed: UInt64, bankFiles: [String]) {
        self.items = items
        self.seed = seed
        self.bankFiles = bankFiles
    }

    /// The sheet (or, with `answerKey`, the key with explanations) in `format`.
    package func render(_ format: Format, answerKey: Bool = false) -> String {
        switch format {
        case .text: return TextReportRenderer.render(document(answerKey: answerKey))
        case .markdown: return MarkdownReportRenderer.render(document(answerKey: answerKey))
        case .html: return WorksheetHTML.render(self, answerKey: answerKey)
        }
    }

    /// The bank's name for the sheet: the bank folder's or file's own name (`QuestionBanks`,
    /// `course.yaml`), never the path to it.
    package var bankName: String { DisplayNames.bankName(files: bankFiles) }

    /// The prompt with "(Choose TWO.)" added to a multiple-response question that does not say so.
    func prompt(_ item: Item) -> String {
        guard item.isMultipleResponse, !item.prompt.lowercased().contains("choose") else {
            return item.prompt
        }
        return item.prompt + " (Choose \(TextFormat.numberWord(item.answers.count)).)"
    }

    /// `1 b · 2 b,c · …`: every question's key letters.
    package var answerGrid: String {
        items.enumerated().map { n, item in
            "\(n + 1) " + item.answerLetters.sorted().joined(separator: ",")
        }
        .joined(separator: " · ")
    }

    /// The explanation (and nuance) with sentences said twice kept once.
    static func explanation(_ item: Item) -> String {
        var text = item.explanation
        if let nuance = item.nuance, !nuance.isEmpty {
            text += (text.isEmpty ? "" : " ") + "Nuance: " + nuance
        }
        var seen: Set<String> = []
        var kept: [String] = []
        for sentence in text.components(separatedBy: ". ") {
            let key = sentence.trimmingCharacters(in: CharacterSet(charactersIn: ". ")).lowercased()
            if key.isEmpty || seen.insert(key).inserted { kept.append(sentence) }
        }
        return kept.joined(separator: ". ")
    }

    /// The header lines: seed, bank name, number of questions.
    var header: [ReportDocument.Field] {
        [
            .init("Seed", String(seed)), .init("Bank", bankName), .init("Questions", String(items.count)),
        ]
    }

    /// The sheet laid out as a document (text and Markdown).
    package func document(answerKey: Bool) -> ReportDocument {
        var sections: [ReportDocument.Section] = []
        if answerKey {
            sections.append(.init(title: "Answer grid", blocks: [.paragraph(answerGrid)]))
            sections.append(
                .init(
                    title: "Answers and explanations",
                    blocks: items.enumerated().map { n, item in
                        .paragraph(
                            "\(n + 1). "
                                + ChoiceAnswer.describe(item.answerLetters.sorted(), choices: item.choices)
                                + "\n" + Self.explanation(item))
                    }))
        } else {
            sections.append(
                .init(
                    title: "Instructions",
                    blocks: [
                        .fields([
                            .init("Name", String(repeating: "_", count: 30)),
                            .init("Class", String(repeating: "_", count: 16)),
                            .init("Date", String(repeating: "_", count: 16)),
                            .init("Score", "____ / \(items.count)"),
                        ]),
                        .paragraph(
                            "Circle the letter of the best answer. Where a question says \"Choose TWO\", circle two letters."
                        ),
                    ]))
            for (n, item) in items.enumerated() {
                sections.append(
                    .init(
                        title: "Question \(n + 1)",
                        blocks: [
                            .paragraph(prompt(item)),
                            .paragraph(
                                item.choices.enumerated().map {
                                    "(\(ChoiceAnswer.letter($0.offset))) \($0.element)"
                                }
                                .joined(separator: "\n")),
                            .paragraph("Answer: ______"),
                        ]))
            }
        }
        return ReportDocument(
            title: answerKey ? "SRM quiz: answer key" : "SRM quiz: worksheet", header: header,
            sections: sections)
    }
}
