import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a learner's progress file is: `--progress FILE` if given, else
/// `$XDG_DATA_HOME/srmquiz/<learner>.json` (or `$HOME/.local/share/srmquiz/<learner>.json`).
public struct ProgressLocation: Sendable, Hashable {
    /// The learner name used when none is given.
    public static let defaultLearner = "default"

    /// The progress file.
    public var file: URL
    /// The learner's name (stored in a new file).
    public var learner: String

    /// The progress `file` of `learner`, as given.
    public init(file: URL, learner: String) {
        self.file = file
        self.learner = learner
    }

    /// Resolves `--learner` and `--progress` against `environment` (a relative `--progress` is
    /// taken from `currentDirectory`).
    ///
    /// With `followSymlinks`, a symbolic link at the path is resolved, so the real file is the one
    /// locked and written; without, opening a linked path is refused
    /// (``ProgressError/symbolicLink(file:target:)``).
    public static func resolve(
        learner: String?, progress: String?, environment: [String: String],
        currentDirectory: String = FileManager.default.currentDirectoryPath, followSymlinks: Bool = false
    ) throws(ProgressError) -> ProgressLocation {
        let name = learner ?? defaultLearner
        try validate(learner: name)
        var file: URL
        if let progress, !progress.isEmpty {
            file =
                progress.hasPrefix("/")
                ? URL(fileURLWithPath: progress)
                : URL(fileURLWithPath: currentDirectory).appendingPathComponent(progress)
            file = file.standardizedFileURL
        } else {
            file = try dataFolder(environment: environment).appendingPathComponent(name + ".json")
        }
        if followSymlinks { file = try resolvingLinks(file) }
        return ProgressLocation(file: file, learner: name)
    }

    /// `file` with a symbolic link at its end followed (links to links too, up to 32), even to a
    /// file that does not exist yet.
    static func resolvingLinks(_ file: URL) throws(ProgressError) -> URL {
        var current = file
        for _ in 0..<32 {
            var info = stat()
            guard lstat(current.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let target = ProgressFiles.linkTarget(current) else {
                throw .io(file: current.path, operation: "reading the link", errno: errno)
            }
            current =
                (target.hasPrefix("/")
                ? URL(fileURLWithPath: target)
                : current.deletingLastPathComponent().appendingPathComponent(target)).standardizedFileURL
        }
        throw .io(file: file.path, operation: "following links", errno: ELOOP)
    }

    /// `$XDG_DATA_HOME/srmquiz`, or `$HOME/.local/share/srmquiz` (``DataDirectory``); relative
    /// values are ignored, as the XDG specification says.
    package static func dataFolder(environment: [String: String]) throws(ProgressError) -> URL {
        guard let path = DataDirectory.path(environment: environment) else { throw .noDataDirectory }
        return URL(fileURLWithPath: path)
    }

    /// Checks that `name` is 1 to 64 letters, digits, `-`, `_` or `.`, not starting with `.`.
    package static func validate(learner name: String) throws(ProgressError) {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "-" || $0 == "_" || $0 == "."
        }
        guard allowed, !name.isEmpty, name.count <= 64, !name.hasPrefix(".") else {
            throw .invalidLearnerName(name)
        }
    }
}
