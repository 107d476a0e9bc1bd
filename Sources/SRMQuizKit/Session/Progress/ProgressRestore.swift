import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Putting a progress file's backup (`<file>.bak`, the last good version, kept by every compaction)
/// back in place, as `srmquiz progress restore` does.
///
/// Only for damage: a file that cannot be read because of a permission, an I/O error, a lock or a
/// newer format is not rolled back (unless forced).
package struct ProgressRestore: Sendable, Equatable {
    /// The progress file restored.
    package var file: String
    /// The backup it was restored from (kept in place).
    package var backup: String
    /// How many answers the restored progress holds (the backup and the log's later lines).
    package var reviews: Int
    /// Where the replaced file and its journal were moved (`<name>.corrupt-<timestamp>`).
    package var setAside: [String]
    /// How many acknowledged answers (in effect in the review log before) the restored progress
    /// no longer holds; `nil` when the log could not be read to count them.
    package var answersSetAside: Int?
    /// Why the progress file could not be used (`nil` if it read fine, or was missing).
    package var damage: ProgressError?

    /// Restores the backup of `url`.
    ///
    /// Refuses if the backup is missing or unreadable, and, unless `force`, if the progress file
    /// reads fine or cannot be read for a reason that is not damage
    /// (``ProgressError/restoreNotDamaged(file:problem:)``). The file replaced and its journal are
    /// never deleted: they are moved aside as `<name>.corrupt-<UTC timestamp>`.
    package static func restore(at url: URL, force: Bool, clock: any Clock) throws(ProgressError)
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
        var damage: ProgressError?
        if ProgressFiles.exists(url) {
            do throws(ProgressError) {
                _ = try ProgressLoader.load(url, wholeLog: true)
                if !force { throw ProgressError.restoreRefused(file: url.path) }
            } catch .restoreRefused(let file) {
                throw .restoreRefused(file: file)
            } catch {
                // Restoring the state would not repair the log: `progress rebuild --skip-damaged` does.
                if !force, case .logDamaged = error { throw error }
                if !force && !isDamage(error) { throw .restoreNotDamaged(file: url.path, problem: error) }
                damage = error
            }
        }
        let acknowledged = answersInLog(of: url)
        let stamp = Timestamp.fileStamp(clock.now())
        var setAside: [String] = []
        for file in [url, ProgressFiles.journal(of: url)] where ProgressFiles.exists(file) {
            let aside = URL(fileURLWithPath: file.path + ".corrupt-" + stamp)
            if file == url {
                try ProgressFiles.preserve(url, as: aside)  // replaced below
            } else if rename(file.path, aside.path) != 0 {
                throw .io(
                    file: file.path, operation: "moving aside to \(aside.lastPathComponent)", errno: errno)
            }
            setAside.append(aside.path)
        }
        try ProgressFiles.replace(url, with: Data(data))
        // The review log stays: the answers the backup does not reflect are applied on opening.
        let restored = (try? ProgressLoader.load(url, wholeLog: true))?.history?.reviews
        var lost: Int?
        if let acknowledged {
            var remaining = restored ?? []
            lost = 0
            for entry in acknowledged {
                if let index = remaining.firstIndex(of: entry) {
                    remaining.remove(at: index)
                } else {
                    lost! += 1
                }
            }
        }
        return ProgressRestore(
            file: url.path, backup: backup.path, reviews: restored?.count ?? 0, setAside: setAside,
            answersSetAside: lost, damage: damage)
    }

    /// Whether `error` means the file's content is damaged (unparsable, or not matching its log),
    /// as opposed to a permission or I/O error, a lock, a link or a format from a newer srmquiz.
    package static func isDamage(_ error: ProgressError) -> Bool {
        switch error {
        case .invalidJSON, .missingField, .invalidField, .logMismatch, .stateDamaged: return true
        case .backupCorrupt(_, let problem): return isDamage(problem)
        default: return false
        }
    }

    /// The answers in effect in the review log beside `url`, read whole (`nil` if it cannot be).
    private static func answersInLog(of url: URL) -> [ReviewLogEntry]? {
        let log = ProgressFiles.log(of: url)
        // A format-3 log has no checks yet; a format-4 one must pass them.
        guard
            let read = (try? ProgressLog.read(log, checked: true, cardsFrom: 0, entries: true))
                ?? (try? ProgressLog.read(log, checked: false, cardsFrom: 0, entries: true))
        else { return nil }
        return read.history.reviews
    }
}
