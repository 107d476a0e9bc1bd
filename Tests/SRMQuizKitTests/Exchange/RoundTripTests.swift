import SRMQuizKit
import Testing

/// Export with our exporters, import with our importers, compare field by field.
@Suite struct ExchangeRoundTripTests {
    static let items = [
        ExchangeFixtures.single, ExchangeFixtures.tricky, ExchangeFixtures.multiple,
        ExchangeFixtures.trueFalse,
        ExchangeFixtures.falseStatement,
    ]

    /// What the importers make of an item's explanation and nuance.
    static func explanation(_ item: Item) -> String {
        item.nuance.map { item.explanation + "\n\nNuance: " + $0 } ?? item.explanation
    }

    static func compare(_ questions: [AuthoredQuestion], _ items: [Item], sources: Bool) {
        #expect(questions.count == items.count)
        for (question, item) in zip(questions, items) {
            #expect(question.id == item.id)
            #expect(question.prompt == item.prompt)
            #expect(question.choices == item.choices)
            #expect(question.answers == item.answers)
            #expect(question.explanation == explanation(item))
            if sources { #expect(question.sources == item.sources) }
            let expected: AuthoredQuestion.Style =
                item.choices == ["True", "False"] ? .trueFalse : item.answers.count > 1 ? .multiple : .single
            #expect(question.style == expected)
        }
    }

    @Test func gift() {
        let text = GIFTExporter().export(Self.items).text
        let result = GIFTImporter().importQuestions(from: text)
        #expect(result.problems.isEmpty)
        Self.compare(result.questions, Self.items, sources: true)
    }

    @Test func csv() {
        let text = CSVExporter().export(Self.items).text
        let result = CSVImporter().importQuestions(from: text)
        #expect(result.problems.isEmpty)
        Self.compare(result.questions, Self.items, sources: true)
        #expect(result.questions[0].services == ["ec2"])
        #expect(result.questions[1].topics == ["odd tag"])
    }

    @Test func aiken() {
        let single = Self.items.filter { $0.answers.count == 1 }
        let text = AikenExporter().export(Self.items).text
        let result = AikenImporter().importQuestions(from: text)
        #expect(result.problems.isEmpty)
        #expect(result.questions.count == single.count)
        for (question, item) in zip(result.questions, single) {
            // Aiken keeps a question on one line and has no ids or explanations.
            #expect(
                question.prompt
                    == item.prompt.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(
                        of: "\n", with: " "))
            #expect(question.choices == item.choices)
            #expect(question.answers == item.answers)
            #expect(question.explanation == "The answer is: \(item.answers[0]).")
        }
    }

    @Test(arguments: [ImportFormat.gift, .csv, .aiken])
    func importedBanksLoad(format: ImportFormat) throws {
        let exportFormat = ExportFormat(rawValue: format.rawValue)!
        let text = exportFormat.exporter().export(Self.items).text
        let result = format.importer.importQuestions(from: text)
        var questions = result.questions
        for index in questions.indices { questions[index].services = [] }  // no services in this bank
        let yaml = try BankWriter.yaml(questions: questions)
        let loaded = BankLoader.check(yaml: yaml, name: "imported.yaml")
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        #expect(loaded.bank.questions == questions)
    }
}
