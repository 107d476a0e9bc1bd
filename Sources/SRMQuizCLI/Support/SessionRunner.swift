import ArgumentParser
import Foundation
import SRMQuizKit
import SRMQuizTerminal

/// What `study`, `quiz` and `cram` share: load the bank, open the learner's progress, build the
/// session, pick a line reader for the terminal (or a pipe), and run the REPL.
enum SessionRunner {
    /// Scheduler settings given on the command line for this session.
    struct Overrides {
        var scheduler: SchedulerKind?
        var retention: Double?
        /// SM-2: the hour a study day starts at, saved in the progress file (issue #15).
        var dayStartsAt: Int?
    }

    /// Runs one session on the items that pass the filter of `options`; errors are thrown (exit
    /// status 1, or 64 for a filter value the banks do not have).
    @MainActor
    static func run(
        configuration: SessionConfiguration, generatorSeed: UInt64, overrides: Overrides = Overrides(),
        options: SessionOptions
    ) throws {
        let (filter, bankOptions, learnerOptions, display) =
            (options.filterOptions, options.bankOptions, options.learnerOptions, options.display)
        let environment = ProcessInfo.processInfo.environment
        var createWith = SchedulerSettings()
        if let kind = overrides.scheduler { createWith.kind = kind }
        if let retention = overrides.retention { createWith.desiredRetention = retention }
        // Open the progress file on another thread while the bank loads: the two dominate
        // the time to the first question.
        // With filters, the bank is read and the filters checked first, so a mistyped value never
        // creates or locks a progress file.
        let location = try learnerOptions.location(environment: environment)
        let settingsForNew = createWith
        let load = { () throws -> (DisplayNames, [Item]) in
            let generated = try bankOptions.generated(seed: generatorSeed)
            if generated.items.isEmpty { throw CLIOutput.fail("the bank yields no questions") }
            return (generated.names, try filter.select(from: generated.items))
        }
        let checkedFirst = filter.isEmpty ? nil : Result(catching: load)
        if case .failure(let error) = checkedFirst { throw error }
        let opening = BackgroundResult { () throws(ProgressError) -> ProgressStore in
            try ProgressStore.open(
                at: location.file, learner: location.learner, createWith: settingsForNew, clock: SystemClock()
            )
        }
        let loaded = checkedFirst ?? Result(catching: load)
        let store: ProgressStore
        do {
            store = try opening.value()
        } catch {
            throw CLIOutput.fail(String(describing: error))
        }
        defer {
            do {
                try store.finish()
            } catch {  // the answers are safe in the review log; only the state's rewrite failed
                CLIOutput.warning(
                    "\(error.description); every answer is in the review log, which is applied the next time")
            }
        }
        for warning in store.warnings { CLIOutput.warning(warning) }
        let (names, items) = try loaded.get()
        // SM-2 day rule (issue #15): record the time zone and a new day start in the file.
        if let pinned = store.settings.pinningStudyDay(dayStartsAt: overrides.dayStartsAt) {
            do { try store.updateSettings(pinned) } catch { throw CLIOutput.fail(String(describing: error)) }
        }
        var settings = store.settings
        if let kind = overrides.scheduler { settings.kind = kind }
        if let retention = overrides.retention { settings.desiredRetention = retention }
        let scheduler: any Scheduler
        do {
            scheduler = try settings.makeScheduler()
        } catch {
            throw CLIOutput.fail(String(describing: error))
        }

        let clock = SystemClock()
        let engine = SessionEngine(
            items: items, store: store, scheduler: scheduler, configuration: configuration, clock: clock)
        let style = display.style(environment: environment)
        let terminal = TerminalInput.terminal(environment: environment)
        defer { terminal.finish() }
        do {
            try REPL(
                engine: engine, terminal: terminal, clock: clock, style: style,
                names: names
            ).run()
        } catch {
            throw CLIOutput.fail(error.description)  // after the REPL's summary, which says so
        }
    }

}
