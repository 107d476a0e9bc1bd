import ArgumentParser
import Foundation
import SRMQuizKit

/// `--learner NAME`, `--progress FILE`, `--create` and `--follow-symlinks`, for every command that reads or writes
/// progress.
package struct LearnerOptions: ParsableArguments {
    @Option(
        name: .customLong("learner"),
        help: ArgumentHelp(
            "The learner whose progress to use (letters, digits, '-', '_', '.'); default 'default'.",
            valueName: "name"),
        completion: .custom { _, _, _ in Completions.learnerNames() })
    package var learner: String?

    @Option(
        name: .customLong("progress"),
        help: ArgumentHelp(
            "The progress file to use, instead of $XDG_DATA_HOME/srmquiz/<learner>.json.",
            valueName: "file"))
    package var progress: String?

    @Flag(
        name: .customLong("create"),
        help: "Create the folder of --progress FILE if it does not exist (otherwise that is an error).")
    package var create = false

    @Flag(
        name: .customLong("follow-symlinks"),
        help:
            "If the progress file is a symbolic link, use the file it points to (otherwise that is an error)."
    )
    package var followSymlinks = false

    package init() {}

    /// The progress file and learner name these options pick.
    ///
    /// A `--progress` file whose folder does not exist is an error (exit 1) unless `--create` was
    /// given.
    package func location(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ProgressLocation {
        let location: ProgressLocation
        do {
            location = try ProgressLocation.resolve(
                learner: learner, progress: progress, environment: environment, followSymlinks: followSymlinks
            )
        } catch .invalidLearnerName(let name) {
            throw ValidationError(ProgressError.invalidLearnerName(name).description)
        } catch {
            throw CLIError(error.description)
        }
        if progress?.isEmpty == false, !create {
            let folder = location.file.deletingLastPathComponent()
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder)
                || !isFolder.boolValue
            {
                throw CLIOutput.fail(
                    ProgressError.folderMissing(file: location.file.path, folder: folder.path).description)
            }
        }
        return location
    }
}
