import Foundation

/// What can go wrong with a progress file.
///
/// Every case names the file; none of them is raised after the file was changed, so the learner's
/// data is as it was.
public indirect enum ProgressError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Another process holds the file's lock.
    case locked(file: String, holderPID: Int32?)
    /// The file is not valid JSON.
    case invalidJSON(file: String, line: Int?, column: Int?, message: String)
    /// A required field is missing.
    case missingField(file: String, field: String)
    /// A field holds the wrong kind of value.
    case invalidField(file: String, field: String, message: String)
    /// The file's `format` is one this program does not read.
    case unsupportedFormat(file: String, found: Int, supported: ClosedRange<Int>)
    /// A line of the review log (not a torn last line) cannot be read, fails its integrity check
    /// or does not follow from the lines before it; `offset` is where it starts, in bytes.
    case logDamaged(file: String, line: Int, offset: Int?, message: String)
    /// The state file fails its integrity check (it was changed after it was written).
    case stateDamaged(file: String, message: String)
    /// The review log does not match the state file (shorter than the state says, or missing).
    case logMismatch(file: String, message: String)
    /// `--progress` names a file in a folder that does not exist (and `--create` was not given).
    case folderMissing(file: String, folder: String)
    /// The progress file is missing but its journal or backup is there, so starting afresh would
    /// hide data.
    case missingWithLeftovers(file: String, leftover: String)
    /// A system call failed.
    case io(file: String, operation: String, errno: Int32)
    /// The data could not be encoded (a non-finite number, for example).
    case encoding(file: String, message: String)
    /// The learner name cannot be used as a file name.
    case invalidLearnerName(String)
    /// Neither `XDG_DATA_HOME` nor `HOME` is set to an absolute path.
    case noDataDirectory
    /// There is no backup to restore.
    case backupMissing(file: String)
    /// The backup cannot be read either.
    case backupCorrupt(backup: String, problem: ProgressError)
    /// `restore` was asked for while the progress file reads fine.
    case restoreRefused(file: String)
    /// The answer to undo was migrated without the card it replaced.
    case undoUnavailable(file: String)
    /// The store was used after `close()`.
    case closed(file: String)
    /// The progress path (or a file beside it) is a symbolic link, which srmquiz does not write
    /// through; `target` is where it points, when known.
    case symbolicLink(file: String, target: String?)
    /// The path names a FIFO, a device, a socket or a folder instead of a regular file.
    case notRegularFile(file: String, kind: FileKind)
    /// The file has other names (hard links) than its own and its backup.
    case hardLinked(file: String, links: Int)
    /// The folder of the progress file could be changed by other users (who could plant links).
    case unsafeFolder(folder: String, reason: String)
    /// `restore` was asked for, but the file could not be read for a reason that is not damage
    /// (permission, I/O, a lock, a newer format): restoring would roll back good answers.
    case restoreNotDamaged(file: String, problem: ProgressError)

    /// The problem with the file named, for the learner.
    public var description: String {
        switch self {
        case .locked(let file, let pid):
            let holder = pid.map { " (process \($0))" } ?? ""
            return "\(file): progress file is in use by another srmquiz process\(holder); "
                + "finish that session first"
        case .invalidJSON(let file, let line, let column, let message):
            var place = file
            if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
            return "\(place): progress file is not valid JSON: \(message). "
                + "The file was left untouched; see `srmquiz progress restore --help`"
        case .missingField(let file, let field):
            return "\(file): progress file is missing the field `\(field)`. "
                + "The file was left untouched; see `srmquiz progress restore --help`"
        case .invalidField(let file, let field, let message):
            return "\(file): progress file field `\(field)`: \(message). "
                + "The file was left untouched; see `srmquiz progress restore --help`"
        case .unsupportedFormat(let file, let found, let supported):
            return "\(file): progress file has format \(found); this srmquiz reads formats "
                + "\(supported.lowerBound) to \(supported.upperBound). It may come from a newer "
                + "srmquiz; the file was left untouched"
        case .logDamaged(let file, let line, let offset, let message):
            let at = offset.map { " (at byte \($0))" } ?? ""
            return "\(file):\(line): review log line\(at) cannot be used: \(message). Nothing was changed. "
                + "To recover, run `srmquiz progress rebuild --skip-damaged` (the damaged lines are kept "
                + "in \(file).damaged and the cards are rebuilt from the rest), or repair the line"
        case .stateDamaged(let file, let message):
            return "\(file): progress file is damaged: \(message). The file was left untouched; run "
                + "`srmquiz progress restore` to put the backup back (the review log's later answers are "
                + "applied to it)"
        case .logMismatch(let file, let message):
            return "\(file): review log does not match the progress file: \(message). Nothing was "
                + "changed. If a `progress rebuild` was interrupted, run `srmquiz progress rebuild --skip-damaged`; "
                + "see also `srmquiz progress restore --help`"
        case .folderMissing(let file, let folder):
            return "\(file): the folder \(folder) does not exist; create it, or pass --create to "
                + "have srmquiz create it"
        case .missingWithLeftovers(let file, let leftover):
            return "\(file): progress file is missing but \(leftover) exists; "
                + "run `srmquiz progress restore`, or move it away to start afresh"
        case .io(let file, let operation, let code):
            return "\(file): \(operation) failed: \(String(cString: strerror(code)))"
        case .encoding(let file, let message):
            return "\(file): cannot write progress: \(message)"
        case .invalidLearnerName(let name):
            return "invalid learner name \"\(name)\": use letters, digits, '-', '_' and '.', "
                + "not starting with '.'"
        case .noDataDirectory:
            return "cannot find where to keep progress: set HOME or XDG_DATA_HOME "
                + "(an absolute path), or pass --progress FILE"
        case .backupMissing(let file):
            return "\(file): no backup to restore (\(file).bak does not exist)"
        case .backupCorrupt(let backup, let problem):
            return "\(backup): the backup cannot be read either: \(problem.description)"
        case .restoreRefused(let file):
            return "\(file): progress file reads fine; restoring the backup would drop the answers "
                + "since; pass --force to restore anyway"
        case .undoUnavailable(let file):
            return "\(file): that answer cannot be undone (it was migrated from an older progress "
                + "format, which did not keep the card it replaced)"
        case .closed(let file):
            return "\(file): progress store used after it was closed"
        case .symbolicLink(let file, let target):
            let to = target.map { " to \($0)" } ?? ""
            return "\(file): is a symbolic link\(to); srmquiz does not read or write progress through "
                + "links. Pass --follow-symlinks to use the file it points to (the real file is then "
                + "locked and written), or remove the link if you did not make it"
        case .notRegularFile(let file, let kind):
            return "\(file): is \(kind.rawValue), not a regular file; give a progress file path"
        case .hardLinked(let file, let links):
            return "\(file): the file has \(links) names (hard links); srmquiz replaces it when saving, "
                + "which would separate them, and a second name gets past the lock. Remove the other "
                + "names (or copy the file) and try again"
        case .unsafeFolder(let folder, let reason):
            return "\(folder): the progress folder \(reason), so others could plant links or replace "
                + "files in it; use a folder only you can write to (chmod go-w \(folder)), or another "
                + "--progress path"
        case .restoreNotDamaged(let file, let problem):
            return "\(file): not restored: the progress cannot be read, but it is not damaged: "
                + "\(problem.description). Restoring the backup would roll back answers already saved; "
                + "fix the cause, or pass --force to restore anyway"
        }
    }
}
