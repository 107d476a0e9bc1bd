import ArgumentParser
import Foundation
import SRMQuizKit

/// `srmquiz print`: a worksheet for a paper quiz, or its answer key.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a worksheet for a paper quiz (or, with --answer-key, its key).",
        discussion: """
            The seed and bank are printed on the sheet: the same seed and bank make the same sheet, \
            so print the key later with the same --seed and --count.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, text, html
    }

    @Option(help: "How many questions.")
    var count = 20

    @Option(help: "The seed that chooses the questions (default: random, printed on the sheet).")
    var seed: UInt64?

    @Option(help: "markdown, text or html.")
    var format: Format = .markdown

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("answer-key"), help: "Print the answer key with explanations.")
    var answerKey = false

    @OptionGroup var bankOptions: BankOptions

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
    }

    func run() throws {
        let bank = try CLIOutput.loadBank(bankOptions)
        let seed = self.seed ?? ResultsOutput.randomSeed()
        let items = ExamSelector.select(
            from: QuestionGenerator(bank: bank).generate(seed: seed), count: count, seed: seed)
        guard !items.isEmpty else { throw CLIOutput.fail("the bank has no questions with choices") }
        let sheet = Worksheet(items: items, seed: seed, bankFiles: bank.files)
            .render(Worksheet.Format(rawValue: format.rawValue) ?? .markdown, answerKey: answerKey)
        if let output {
            do {
                try DurableFile.write(sheet, to: output, mode: 0o644)
            } catch {
                throw CLIOutput.fail(error.description)
            }
        } else {
            StandardOutput().write(sheet)
        }
    }
}
