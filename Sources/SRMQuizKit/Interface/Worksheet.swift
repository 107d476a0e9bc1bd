/// A worksheet for a paper quiz, or its answer key: numbered questions, lettered choices,
/// "Choose TWO" for multiple response, room to write, and the seed and bank on the sheet so the
/// same sheet can be made again. The same items, seed and bank always give the same text.
public struct Worksheet: Sendable {
    /// The formats a sheet is printed in.
    public enum Format: String, Sendable, CaseIterable {
        case markdown, text, html
    }

    public var items: [Item]
    public var seed: UInt64
    public var bankFiles: [String]

    public init(items: [Item], seed: UInt64, bankFiles: [String]) {
        self.items = items
        self.seed = seed
        self.bankFiles = bankFiles
    }

    /// The sheet (or, with `answerKey`, the key with explanations) in `format`.
    public func render(_ format: Format, answerKey: Bool = false) -> String {
        let doc = document(answerKey: answerKey)
        switch format {
        case .text: return TextReportRenderer.render(doc)
        case .markdown: return MarkdownReportRenderer.render(doc)
        case .html: return HTMLReportRenderer.render(doc)
        }
    }

    /// The sheet laid out as a document (the same layout for every format).
    public func document(answerKey: Bool) -> ReportDocument {
        let header = [
            ReportDocument.Field("Seed", String(seed)),
            ReportDocument.Field("Bank", Bank.label(files: bankFiles)),
            ReportDocument.Field("Questions", String(items.count)),
        ]
        var sections: [ReportDocument.Section] = []
        if !answerKey {
            sections.append(
                .init(
                    title: "Instructions",
                    blocks: [
                        .fields([
                            .init("Name", String(repeating: "_", count: 40)),
                            .init("Date", String(repeating: "_", count: 20)),
                        ]),
                        .paragraph(
                            "Circle the letter of the best answer. Where a question says \"Choose TWO\", circle two letters."
                        ),
                    ]))
        }
        for (n, item) in items.enumerated() {
            var blocks: [ReportDocument.Block] = []
            var prompt = item.prompt
            if item.isMultipleResponse { prompt += " (Choose \(TextFormat.numberWord(item.answers.count)).)" }
            blocks.append(.paragraph(prompt))
            if answerKey {
                blocks.append(
                    .fields(
                        [
                            .init(
                                "Answer",
                                ChoiceAnswer.describe(item.answerLetters.sorted(), choices: item.choices)),
                            .init("Why", item.explanation.isEmpty ? "-" : item.explanation),
                        ] + (item.nuance.map { [.init("Nuance", $0)] } ?? [])))
            } else {
                blocks.append(
                    .paragraph(
                        item.choices.enumerated().map { "(\(ChoiceAnswer.letter($0.offset))) \($0.element)" }
                            .joined(separator: "\n")))
                blocks.append(.paragraph("Answer: ______"))
            }
            sections.append(.init(title: "Question \(n + 1)", blocks: blocks))
        }
        return ReportDocument(
            title: answerKey ? "SRM quiz: answer key" : "SRM quiz: worksheet", header: header,
            sections: sections)
    }
}
