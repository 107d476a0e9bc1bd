import ArgumentParser
import Foundation
import SRMQuizKit

/// `srmquiz progress restore`: put the backup back after the progress file was damaged.
struct ProgressRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace a damaged progress file with its backup (<file>.bak).",
        discussion: """
            Every time the progress file is rewritten, the version it replaces is kept as \
            <file>.bak. If the progress file cannot be read, restore puts the backup in its place. \
            The damaged file (and its journal, if any) is not deleted: it is moved aside as \
            <file>.corrupt-<timestamp>. Restore refuses if the backup is missing or unreadable \
            too, and, unless --force, if the progress file reads fine (answers given since the \
            backup would be dropped from it) or cannot be read for a reason that is not damage (a \
            permission, an I/O error, a format from a newer srmquiz). With --force it says how many \
            acknowledged answers the restored progress no longer holds.
            """)

    @OptionGroup var learner: LearnerOptions

    @Flag(
        help:
            "Restore even if the progress file reads fine or is not damaged (says how many answers are set aside)."
    )
    var force = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let location = try learner.location()
        do {
            let result = try ProgressRestore.restore(at: location.file, force: force, clock: SystemClock())
            CLIOutput.print("Restored \(result.file) from \(result.backup) (\(result.reviews) reviews).")
            for path in result.setAside { CLIOutput.print("Kept the replaced file as \(path).") }
            if force {
                let count =
                    result.answersSetAside.map { "\($0) acknowledged answers" }
                    ?? "an unknown number of answers (the review log cannot be read)"
                CLIOutput.print("Set aside \(count) that the restored progress does not hold.")
            }
        } catch {
            throw CLIOutput.fail(error.description)
        }
    }
}
