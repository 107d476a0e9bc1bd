import ArgumentParser
import Foundation
import SRMQuizKit

extension ExportFormat: ExpressibleByArgument {}

/// `srmquiz export`: every generated item in a format other tools read.
public struct ExportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
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
            """)

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

    @Option(
        name: .customLong("kind"),
        help: ArgumentHelp(
            "Only items of this kind (repeatable): \(ItemKind.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "kind"))
    var kinds: [String] = []

    @Option(help: "The Anki deck name.")
    var deck: String = AnkiExporter.defaultDeck

    @OptionGroup var bankOptions: BankOptions

    public init() {}

    public func validate() throws {
        let unknown = kinds.filter { ItemKind(rawValue: $0) == nil }
        if !unknown.isEmpty {
            throw ValidationError(
                "unknown --kind \(unknown.joined(separator: ", ")); expected one of "
                    + ItemKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if deck.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--deck needs a name") }
    }

    public func run() throws {
        let bank = try CLIOutput.loadBank(bankOptions)
        var items = QuestionGenerator(bank: bank).generate(seed: seed)
        if !kinds.isEmpty {
            let wanted = Set(kinds.compactMap(ItemKind.init(rawValue:)))
            items = items.filter { wanted.contains($0.kind) }
        }
        let result = format.exporter(bank: bank, deck: deck).export(items)
        if items.isEmpty { StandardOutput.standardError.write("srmquiz: warning: no items to export\n") }
        if !result.skipped.isEmpty {
            let reasons = result.skipSummary.map { "\($0.count) \($0.reason)" }.joined(separator: "; ")
            StandardOutput.standardError.write(
                "srmquiz: \(format.rawValue): skipped \(result.skipped.count) of \(items.count) items (\(reasons))\n"
            )
        }
        guard let output, output != "-" else {
            FileHandle.standardOutput.write(Data(result.text.utf8))
            return
        }
        do {
            try DurableFile.write(result.text, to: output, mode: 0o644)
        } catch {
            throw CLIOutput.fail(error.description)
        }
    }
}
