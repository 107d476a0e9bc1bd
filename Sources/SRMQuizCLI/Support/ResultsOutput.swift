import ArgumentParser
import Foundation
import SRMQuizKit

/// Saving exam and class results: to `--results FILE`, or to the data folder by default.
enum ResultsOutput {
    /// Writes `value` as JSON to `path`, or to `results/<prefix>-<timestamp>.json` in the data
    /// folder; returns the path written.
    ///
    /// Prints the error and fails when it cannot.
    static func save<T: Encodable>(_ value: T, to path: String?, prefix: String, at date: Date) throws
        -> String
    {
        let target = try self.target(path, prefix: prefix, at: date)
        let data: Data
        do {
            data = try ExamResult.encoder().encode(value)
        } catch {
            throw CLIOutput.fail("cannot encode the results: \(error)")
        }
        do {
            try DurableFile.write(data + Data("\n".utf8), to: target)
        } catch {
            throw CLIOutput.fail(error.description)
        }
        return target
    }

    /// `path`, or a new results file name in the data folder (unique to the millisecond).
    static func target(_ path: String?, prefix: String, at date: Date) throws -> String {
        let env = ProcessInfo.processInfo.environment
        guard let target = path ?? DataDirectory.resultsFile(prefix: prefix, at: date, environment: env)
        else {
            throw noDataFolder
        }
        return target
    }

    /// The folder default results files go in: `results/` in the data folder.
    static func folder(environment: [String: String]) throws -> String {
        guard let data = DataDirectory.path(environment: environment) else { throw noDataFolder }
        return (data as NSString).appendingPathComponent("results")
    }

    /// The error for a results file with no `--results` and no data folder.
    private static var noDataFolder: CLIError {
        CLIOutput.fail("cannot find a data folder: set HOME or XDG_DATA_HOME, or pass --results FILE")
    }

    /// A seed from the system's generator, for runs without `--seed` (printed so they can be repeated).
    static func randomSeed() -> UInt64 {
        UInt64.random(in: 1...999_999)
    }
}
