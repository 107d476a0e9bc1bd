import Foundation

/// Putting a progress file's backup (`<file>.bak`, the last good version, kept by every
/// compaction) back in place, as `srmquiz progress restore` does.
public struct ProgressRestore: Sendable, Hashable {
    /// The progress file restored.
    public var file: String
    /// The backup it was restored from (kept in place).
    public var backup: String
    /// How many answers the restored progress holds (the backup and the log's later lines).
    public var reviews: Int
    /// Where the replaced file and its journal were moved (`<name>.corrupt-<timestamp>`).
    public var setAside: [String]

    /// Restores the backup of `url`. Refuses if the backup is missing or unreadable, and, unless
    /// `force`, if the progress file reads fine. The file replaced and its journal are never
    /// deleted: they are moved aside as `<name>.corrupt-<UTC timestamp>`.
    public static func restore(at url: URL, force: Bool, clock: any Clock) throws(ProgressError)
        -> ProgressRestore
    {
        let url = url.standardizedFileURL
        let lock = try ProgressLock.acquire(for: url)
        defer { lock.release() }
        let backup = ProgressFiles.backup(of: url)
        guard ProgressFiles.exists(backup) else { throw .backupMissing(file: url.path) }
        let data: [UInt8]
        do {
            data = try ProgressFiles.read(backup)
            _ = try ProgressLoader.decodeState(data, file: backup)
        } catch {
            throw .backupCorrupt(backup: backup.path, problem: error)
        }
        if !force, ProgressFiles.exists(url), (try? ProgressLoader.load(url, wholeLog: true)) != nil {
            throw .restoreRefused(file: url.path)
        }
        let stamp = Timestamp.fileStamp(clock.now())
        var setAside: [String] = []
        if ProgressFiles.exists(url) {
            let aside = url.deletingLastPathComponent().appendingPathComponent(
                url.lastPathComponent + ".corrupt-" + stamp)
            try ProgressFiles.preserve(url, as: aside)
            setAside.append(aside.path)
        }
        let journal = ProgressFiles.journal(of: url)
        if ProgressFiles.exists(journal) {
            let aside = journal.deletingLastPathComponent().appendingPathComponent(
                journal.lastPathComponent + ".corrupt-" + stamp)
            if rename(journal.path, aside.path) != 0 {
                throw .io(
                    file: journal.path, operation: "moving aside to \(aside.lastPathComponent)", errno: errno)
            }
            setAside.append(aside.path)
        }
        try ProgressFiles.replace(url, with: Data(data))
        // The review log stays: the answers the backup does not reflect are applied on opening.
        let reviews = (try? ProgressLoader.load(url, wholeLog: true))?.history?.reviews.count ?? 0
        return ProgressRestore(file: url.path, backup: backup.path, reviews: reviews, setAside: setAside)
    }
}
