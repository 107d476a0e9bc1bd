import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The append-only journal beside a progress file: one JSON line per change, each line written
/// with one `write` and fsynced before the change counts as recorded.
final class ProgressJournal {
    let url: URL
    private var fd: Int32 = -1
    private let encoder = ProgressCodec.lineEncoder()

    init(url: URL) { self.url = url }

    /// What reading a journal found.
    struct Contents {
        var events: [ProgressJournalEvent] = []
        /// Whether the last line was incomplete or unreadable (a crash while writing it).
        var tornBytes: Int?
    }

    /// Reads the journal at `url` (empty if there is none). A bad line other than the last is an error.
    static func read(_ url: URL) throws(ProgressError) -> Contents {
        guard ProgressFiles.exists(url) else { return Contents() }
        let data = try ProgressFiles.read(url)
        var contents = Contents()
        let decoder = ProgressCodec.decoder()
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let complete = data.last == 0x0A
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            if isLast && !complete {
                contents.tornBytes = line.count
                break
            }
            do {
                contents.events.append(try decoder.decode(ProgressJournalEvent.self, from: Data(line)))
            } catch {
                if isLast {
                    contents.tornBytes = line.count + 1
                    break
                }
                let problem: String
                if let decoding = error as? DecodingError {
                    problem =
                        ProgressCodec.progressError(decoding, file: url.path, data: Data(line)).description
                } else {
                    problem = "\(error)"
                }
                throw .journalCorrupt(file: url.path, line: index + 1, message: problem)
            }
        }
        return contents
    }

    /// Appends `event` as one line and fsyncs it. On failure the journal is cut back to where it was.
    func append(_ event: ProgressJournalEvent) throws(ProgressError) {
        var line: Data
        do {
            line = try encoder.encode(event)
        } catch {
            throw .encoding(file: url.path, message: "\(error)")
        }
        line.append(0x0A)
        if fd < 0 {
            let opened = try ProgressFiles.openCreating(url, flags: O_WRONLY | O_APPEND)
            fd = opened.fd
            if opened.created { try ProgressFiles.syncFolder(of: url) }
        }
        let start = lseek(fd, 0, SEEK_END)
        do throws(ProgressError) {
            try ProgressFiles.writeAll(fd, line, file: url.path)
            try ProgressFiles.sync(fd, file: url.path)
        } catch {
            if start >= 0 { _ = ftruncate(fd, start) }
            throw error
        }
    }

    /// Closes the journal file (it is reopened on the next append).
    func close() {
        if fd >= 0 { _ = posixClose(fd) }
        fd = -1
    }

    deinit { close() }
}
