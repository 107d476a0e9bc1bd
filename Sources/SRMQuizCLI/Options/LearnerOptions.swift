import ArgumentParser
import Foundation
import SRMQuizKit

/// `--learner NAME` and `--progress FILE`, for every command that reads or writes progress.
public struct LearnerOptions: ParsableArguments {
    @Option(
        name: .customLong("learner"),
        help: ArgumentHelp(
            "The learner whose progress to use (letters, digits, '-', '_', '.'); default 'default'.",
            valueName: "name"))
    public var learner: String?

    @Option(
        name: .customLong("progress"),
        help: ArgumentHelp(
            "The progress file to use, instead of $XDG_DATA_HOME/srmquiz/<learner>.json.",
            valueName: "file"))
    public var progress: String?

    public init() {}

    /// The progress file and learner name these options pick.
    public func location(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ProgressLocation {
        do {
            return try ProgressLocation.resolve(
                learner: learner, progress: progress, environment: environment)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
