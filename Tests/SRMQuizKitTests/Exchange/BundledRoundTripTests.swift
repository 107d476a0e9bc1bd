import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

/// Every item of the bundled bank that an export format writes as a question comes back from
/// `import`, field by field: the round trip loses nothing the bank can hold.
@Suite struct BundledRoundTripTests {
    static let items: [Item] = {
        guard let bank = try? BankLoader.load(paths: [CLI.bundledBank]) else { return [] }
        return QuestionGenerator(bank: bank).generate(seed: 7)
    }()

    /// What the importers make of an item's explanation and nuance.
    static func explanation(_ item: Item) -> String {
        item.nuance.map { item.explanation + "\n\nNuance: " + $0 } ?? item.explanation
    }

    /// The items with choices that `format` writes (the ones it can hold at all).
    static func choiceItems(_ format: ImportFormat) -> [Item] {
        items.filter { item in
            guard !item.choices.isEmpty, item.answers.allSatisfy(item.choices.contains) else { return false }
            return format != .aiken || item.answers.count == 1
        }
    }

    @Test(arguments: [ImportFormat.gift, .csv, .aiken])
    func everyExportedQuestionComesBack(format: ImportFormat) throws {
        try #require(Self.items.count > 500, "the bundled bank did not load")
        let exported = try #require(ExportFormat(rawValue: format.rawValue)).exporter().export(Self.items)
        let expected = Self.choiceItems(format)
        #expect(exported.skipped.count == (format == .aiken ? Self.items.count - expected.count : 0))
        let result = format.importer.importQuestions(from: exported.text)
        // Only what the bank has no type for stays behind: flashcards, GIFT's matching questions.
        let allowed = [
            "essay questions cannot be converted",
            "short-answer questions cannot be converted (the bank has no short-answer type)",
            "matching questions cannot be converted (the bank has no matching type)",
            "flashcards (no choices) cannot be converted",
        ]
        let unexpected = result.problems.filter { !allowed.contains($0.message) }
        #expect(unexpected.isEmpty, "\(unexpected.prefix(5))")
        #expect(result.questions.count == expected.count)

        // GIFT groups questions by kind; Aiken has no ids: find each item's question by id or text.
        let byID = Dictionary(result.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let byPrompt = Dictionary(
            result.questions.map { ($0.prompt, $0) }, uniquingKeysWith: { first, _ in first })
        for item in expected {
            let id = item.id.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "+", with: "-")
            let oneLine = item.prompt.split(whereSeparator: \.isNewline).joined(separator: " ")
            guard let question = format == .aiken ? byPrompt[oneLine] : byID[id] else {
                Issue.record("\(item.id) did not come back")
                continue
            }
            if format != .aiken {
                #expect(question.explanation == Self.explanation(item), "\(item.id)")
                #expect(question.sources == item.sources, "\(item.id)")
            }
            var prompt = item.prompt
            if format == .aiken { prompt = prompt.split(whereSeparator: \.isNewline).joined(separator: " ") }
            if item.answers.count > 1, !prompt.lowercased().contains("choose") {
                prompt += " Choose \(item.answers.count)"
            }
            #expect(question.prompt.hasPrefix(prompt), "\(item.id)")
            #expect(question.choices == item.choices, "\(item.id)")
            #expect(question.answers == item.answers, "\(item.id)")
        }
    }

    @Test func twoOptionItemsAreAmongThem() {
        #expect(Self.choiceItems(.gift).contains { $0.choices.count == 2 && $0.kind == .ofOrIn })
    }
}
