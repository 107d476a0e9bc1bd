import ArgumentParser
import Foundation
import SRMQuizKit

/// `srmquiz progress rebuild`: recompute every card from the review log.
struct ProgressRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recompute every card from the review log, optionally with new scheduler settings.",
        discussion: """
            The review log is the source of truth. Each item's reviews are replayed in order \
            through the scheduler, with interval fuzz drawn from a seed derived from the item id, \
            so a rebuild is reproducible. Cards of items never reviewed are kept. --retention and \
            --scheduler also change the stored settings. The review log is rewritten with the \
            answers in effect and their new cards; the previous files are kept as <file>.bak and \
            <log>.bak. With --skip-damaged, log lines that cannot be read are left out and kept \
            as they were in <log>.damaged.
            """)

    @OptionGroup var learner: LearnerOptions

    @Option(help: ArgumentHelp("FSRS desired retention, 0.70 to 0.99.", valueName: "r"))
    var retention: Double?

    @Option(help: ArgumentHelp("The scheduler: fsrs or sm2.", valueName: "name"))
    var scheduler: SchedulerKind?

    @Flag(name: .customLong("json"), help: "Print a JSON object instead of text.")
    var json = false

    @Flag(help: "Leave out damaged review log lines (kept in <log>.damaged) instead of stopping.")
    var skipDamaged = false

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        try OptionCheck.retention(retention)
    }

    func run() throws {
        let store: ProgressStore
        if skipDamaged {
            let location = try learner.location()
            do {
                let opened = try ProgressStore.openSkippingDamagedLines(
                    at: location.file, clock: SystemClock())
                store = opened.store
                for (line, reason) in opened.damaged {
                    CLIOutput.inform(
                        "left out line \(line) of \(store.logURL.path): \(reason)")
                }
                if !opened.damaged.isEmpty {
                    CLIOutput.inform(
                        "the damaged lines are kept in \(store.logURL.path).damaged")
                }
            } catch {
                throw CLIOutput.fail(error.description)
            }
        } else {
            store = try ProgressCommandSupport.open(learner)
        }
        defer { store.close() }
        do {
            try store.loadLog()
        } catch {
            throw CLIOutput.fail(error.description)
        }
        var settings = store.settings
        if let retention { settings.desiredRetention = retention }
        if let scheduler { settings.kind = scheduler }
        let engine: any Scheduler
        do {
            engine = try settings.makeScheduler()
        } catch {
            throw CLIOutput.fail("cannot set up the scheduler: \(error)")
        }
        let result = ProgressRebuilder.rebuild(log: store.log, existing: store.cards, scheduler: engine)
        do {
            try store.replaceCards(with: result, settings: settings)
        } catch {
            throw CLIOutput.fail(error.description)
        }
        struct Report: Encodable {
            var file: String
            var cards: Int
            var reviews: Int
            var scheduler: SchedulerKind
            var desiredRetention: Double
        }
        let report = Report(
            file: store.url.path, cards: result.cards.count, reviews: store.log.count,
            scheduler: settings.kind,
            desiredRetention: settings.desiredRetention)
        if json {
            CLIOutput.document(try ProgressCommandSupport.json(report) + "\n")
        } else {
            CLIOutput.print(
                "Rebuilt \(report.cards) cards from \(report.reviews) reviews with \(settings.kind.rawValue) "
                    + "(desired retention \(String(format: "%.2f", settings.desiredRetention))).")
        }
    }
}
