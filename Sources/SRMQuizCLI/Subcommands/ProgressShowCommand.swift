import ArgumentParser
import Foundation
import SRMQuizKit

/// `srmquiz progress show`: cards by phase, what is due, retention, leeches, orphans.
struct ProgressShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Summarise a learner's progress.",
        discussion: """
            Shows cards by phase (new, learning, review, relearning); cards due now, today, \
            tomorrow and this week (new cards not counted); reviews done; retention (share of \
            correct answers to cards that had graduated) and overall accuracy; leeches (8 or more \
            lapses); and items with progress that are no longer in the banks (orphans; their \
            history is kept). It reads the progress file and its review log without locking \
            them, so it works while a session is running and includes every answer already given.
            """)

    @OptionGroup var learner: LearnerOptions
    @OptionGroup var bank: BankOptions

    @Flag(name: .customLong("json"), help: "Print a JSON object instead of text.")
    var json = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        // The bank (for orphans) is loaded on another thread while the progress is read.
        nonisolated(unsafe) var bankResult: Result<Set<String>, Error>?
        let bankLoaded = DispatchGroup()
        let paths = Result { try bank.paths() }
        DispatchQueue.global().async(group: bankLoaded) {
            bankResult = Result {
                Set(try BankOptions.generated(paths: try paths.get(), seed: 0).items.map(\.id))
            }
        }
        guard let (document, file) = try ProgressCommandSupport.read(learner) else {
            throw CLIOutput.fail(
                "no progress yet for learner '\(try learner.location().learner)' at "
                    + "\(try learner.location().file.path)")
        }
        var known: Set<String>?
        var bankProblem: String?
        bankLoaded.wait()
        do {
            known = try bankResult!.get()
        } catch let error as BankError {
            bankProblem = error.description
        } catch {
            bankProblem = "\(error)"
        }
        if let bankProblem {
            CLIOutput.warning(
                "cannot load the bank, so orphans are not counted:\n\(bankProblem)")
        }
        let summary = ProgressSummary(
            document: document, file: file.path, now: Date(), timeZone: .current,
            knownItemIDs: known, bankProblem: bankProblem)
        if json {
            CLIOutput.document(try ProgressCommandSupport.json(summary) + "\n")
        } else {
            CLIOutput.printText(summary.lines().joined(separator: "\n"))
        }
    }
}
