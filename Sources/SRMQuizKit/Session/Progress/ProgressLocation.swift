import Foundation

/// Where a learner's progress file is: `--progress FILE` if given, else
/// `$XDG_DATA_HOME/srmquiz/<learner>.json` (or `$HOME/.local/share/srmquiz/<learner>.json`).
public struct ProgressLocation: Sendable, Hashable {
    /// The learner name used when none is given.
    public static let defaultLearner = "default"

    /// The progress file.
    public var file: URL
    /// The learner's name (stored in a new file).
    public var learner: String

    public init(file: URL, learner: String) {
        self.file = file
        self.learner = learner
    }

    /// Resolves `--learner` and `--progress` against `environment` (a relative `--progress` is
    /// taken from `currentDirectory`).
    public static func resolve(
        learner: String?, progress: String?, environment: [String: String],
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(ProgressError) -> ProgressLocation {
        let name = learner ?? defaultLearner
        try validate(learner: name)
        if let progress, !progress.isEmpty {
            let file =
                progress.hasPrefix("/")
                ? URL(fileURLWithPath: progress)
                : URL(fileURLWithPath: currentDirectory).appendingPathComponent(progress)
            return ProgressLocation(file: file.standardizedFileURL, learner: name)
        }
        let folder = try dataFolder(environment: environment)
        return ProgressLocation(file: folder.appendingPathComponent(name + ".json"), learner: name)
    }

    /// `$XDG_DATA_HOME/srmquiz`, or `$HOME/.local/share/srmquiz`; relative values are ignored, as
    /// the XDG specification says.
    public static func dataFolder(environment: [String: String]) throws(ProgressError) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("srmquiz")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return URL(fileURLWithPath: home).appendingPathComponent(".local/share/srmquiz")
        }
        throw .noDataDirectory
    }

    /// Checks that `name` is 1 to 64 letters, digits, `-`, `_` or `.`, not starting with `.`.
    public static func validate(learner name: String) throws(ProgressError) {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "-" || $0 == "_" || $0 == "."
        }
        guard allowed, !name.isEmpty, name.count <= 64, !name.hasPrefix(".") else {
            throw .invalidLearnerName(name)
        }
    }
}
