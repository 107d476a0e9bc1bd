import ArgumentParser
import Foundation
import SRMQuizKit

/// `srmquiz export`: every generated item in a format other tools read.
package struct ExportCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export the questions for Anki, Moodle (GIFT, Aiken), spreadsheets (CSV) or scripts (JSON).",
        discussion: """
            Items are generated from the banks exactly as the trainer asks them (choice order fixed by \
            --seed). Ids are stable, so re-importing a newer Anki export updates the same notes.
            gift: multiple choice, multiple response (weighted), true/false, and matching questions \
            per service (at least three distinct answers each); flashcards as short-answer questions \
            (or essays when the answer is not an owner). aiken: single-answer questions only. Skipped items \
            are counted on stderr.
            """
                + HelpText.examples([
                    "srmquiz export --format anki --output srm.txt    For Anki.",
                    "srmquiz export --format gift --service ec2 -o ec2.gift",
                    "srmquiz export --format csv --owner shared > shared.csv",
                ]))

    @Option(
        help: ArgumentHelp(
            "The file format.", valueName: ExportFormat.allCases.map(\.rawValue).joined(separator: "|")))
    var format: ExportFormat

    @Option(help: "Fixes the order of choices (same seed, same file).")
    var seed: UInt64 = 0

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "Write to this file (replaced atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var filterOptions: FilterOptions

    @Option(help: "The Anki deck name.")
    var deck: String = AnkiExporter.defaultDeck

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var display: DisplayOptions

    package init() {}

    package func validate() throws {
        if deck.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--deck needs a name") }
    }

    package func run() throws {
        let bank = try CLIOutput.loadBank(bankOptions)
        let items = try filterOptions.select(from: QuestionGenerator(bank: bank).generate(seed: seed))
        let result = format.exporter(bank: bank, deck: deck).export(items)
        if items.isEmpty { CLIOutput.warning("no items to export") }
        if !result.skipped.isEmpty {
            let reasons = result.skipSummary.map { "\($0.count) \($0.reason)" }.joined(separator: "; ")
            CLIOutput.inform(
                "\(format.rawValue): skipped \(result.skipped.count) of \(items.count) items (\(reasons))")
        }
        try CLIOutput.document(result.text, to: output)
    }
}
