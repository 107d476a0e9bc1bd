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
            so print the key later with the same --seed and --count (and filters).
            """
                + HelpText.examples([
                    "srmquiz print --count 20 --seed 3 > sheet.md                A worksheet.",
                    "srmquiz print --count 20 --seed 3 --answer-key > key.md     Its answer key.",
                    "srmquiz print --format html --service vpc --output vpc.html",
                ])
    )

    @Option(parsing: .unconditional, help: "How many questions.")
    var count = 20

    @OptionGroup var filterOptions: FilterOptions

    @Option(help: "The seed that chooses the questions (default: random, printed on the sheet).")
    var seed: UInt64?

    @Option(help: "markdown, text or html.")
    var format: Worksheet.Format = .markdown

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("answer-key"), help: "Print the answer key with explanations.")
    var answerKey = false

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        try OptionCheck.count(count)
    }

    func run() throws {
        let bank = try CLIOutput.loadBank(bankOptions)
        let seed = self.seed ?? ResultsOutput.randomSeed()
        let items = try filterOptions.choiceQuestions(from: bank, count: count, seed: seed)
        let sheet = Worksheet(items: items, seed: seed, bankFiles: bank.files)
            .render(format, answerKey: answerKey)
        try CLIOutput.document(sheet, to: output)
    }
}
