import ArgumentParser
import Foundation
import SRMQuizKit

/// `srmquiz progress rebuild`: recompute every card from the review log.
struct ProgressRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recompute every card from the review log, optionally with new scheduler settings.",
        discussion: """
            The review log is the source of truth. Each item's reviews are replayed in order
            through the scheduler, with interval fuzz drawn from a seed derived from the item id,
            so a rebuild is reproducible. Cards of items never reviewed are kept. --retention and
            --scheduler also change the stored settings. The previous file is kept as <file>.bak.
            """)

    @OptionGroup var learner: LearnerOptions

    @Option(help: ArgumentHelp("FSRS desired retention, 0.70 to 0.99.", valueName: "r"))
    var retention: Double?

    @Option(help: ArgumentHelp("The scheduler: fsrs or sm2.", valueName: "name"))
    var scheduler: SchedulerKind?

    @Flag(name: .customLong("json"), help: "Print a JSON object instead of text.")
    var json = false

    func validate() throws {
        if let retention, !(0.70...0.99).contains(retention) {
            throw ValidationError("--retention must be between 0.70 and 0.99, not \(retention)")
        }
    }

    func run() throws {
        let store = try ProgressCommandSupport.open(learner)
        defer { store.close() }
        var settings = store.settings
        if let retention { settings.desiredRetention = retention }
        if let scheduler { settings.kind = scheduler }
        let engine: any Scheduler
        do {
            engine = try settings.makeScheduler()
        } catch {
            ProgressCommandSupport.printError("srmquiz: cannot set up the scheduler: \(error)")
            throw ExitCode(1)
        }
        let result = ProgressRebuilder.rebuild(log: store.log, existing: store.cards, scheduler: engine)
        do {
            try store.replaceCards(result.cards, phasesBefore: result.phasesBefore, settings: settings)
        } catch {
            ProgressCommandSupport.printError("srmquiz: \(error.description)")
            throw ExitCode(1)
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
            print(try ProgressCommandSupport.json(report))
        } else {
            print(
                "Rebuilt \(report.cards) cards from \(report.reviews) reviews with \(settings.kind.rawValue) "
                    + "(desired retention \(String(format: "%.2f", settings.desiredRetention))).")
        }
    }
}

extension SchedulerKind: ExpressibleByArgument {}
