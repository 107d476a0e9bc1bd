// TEMPORARY: a minimal stand-in for the progress branch's LearnerOptions; replaced at merge.
import ArgumentParser
import Foundation
import SRMQuizKit

/// `--learner NAME` and `--progress FILE`, for every command that reads or writes progress.
public struct LearnerOptions: ParsableArguments {
    @Option(
        name: .customLong("learner"),
        help: ArgumentHelp("The learner whose progress to use; default 'default'.", valueName: "name"))
    public var learner: String?

    @Option(
        name: .customLong("progress"),
        help: ArgumentHelp(
            "The progress file to use, instead of $XDG_DATA_HOME/srmquiz/<learner>.json.", valueName: "file"))
    public var progress: String?

    public init() {}

    /// The progress file these options pick.
    public func file(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let progress { return progress }
        let name = learner ?? "default"
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }),
            !name.hasPrefix(".")
        else { throw ValidationError("--learner: '\(name)' is not a valid name (letters, digits, '-', '_', '.')") }
        let data: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            data = home + "/.local/share"
        } else {
            throw ValidationError("cannot find a data folder: set HOME or XDG_DATA_HOME, or pass --progress FILE")
        }
        return data + "/srmquiz/\(name).json"
    }
}
