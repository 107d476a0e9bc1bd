import ArgumentParser
import Foundation
import SRMQuizKit

/// What the `progress` subcommands share: opening the store and reporting its errors.
enum ProgressCommandSupport {
    /// Opens the store `options` pick (creating it with default settings if absent), printing
    /// its warnings; a failure is thrown (exit status 1).
    static func open(_ options: LearnerOptions, settings: SchedulerSettings = SchedulerSettings()) throws
        -> ProgressStore
    {
        let location = try options.location()
        do {
            let store = try ProgressStore.open(
                at: location.file, learner: location.learner, createWith: settings, clock: SystemClock())
            for warning in store.warnings { CLIOutput.warning(warning) }
            return store
        } catch {
            throw CLIOutput.fail(error.description)
        }
    }

    /// Reads the progress `options` pick without locking it (a session may be running), printing
    /// its warnings; `nil` if there is none yet.
    ///
    /// A failure is thrown (exit status 1).
    static func read(_ options: LearnerOptions) throws -> (document: ProgressDocument, file: URL)? {
        let location = try options.location()
        do {
            guard let read = try ProgressDocument.read(at: location.file) else { return nil }
            for warning in read.warnings { CLIOutput.warning(warning) }
            return (read.document, location.file)
        } catch {
            throw CLIOutput.fail(error.description)
        }
    }

    /// `value` as pretty, key-sorted JSON text.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let data = try ProgressCodec.fileEncoder().encode(value)
        return CLIOutput.terminalSafeJSON(String(decoding: data, as: UTF8.self))
    }
}
