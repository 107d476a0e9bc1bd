import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exam's answers on disk as they are given, so a killed, hung-up or crashed exam loses nothing:
/// JSON Lines beside the results file (`<results>.journal`), a header line, then one
/// ``ExamSession/Snapshot`` per change, each written with one `write` and `fdatasync` before the
/// next question is shown.
///
/// `srmquiz exam --resume` reads it back; a finished exam removes it.
package final class ExamJournal {
    /// The first line: what the exam was, so it can be rebuilt from its seed.
    package struct Header: Sendable, Hashable, Codable {
        package var format = ExamJournal.formatName
        package var version = 1
        package var seed: UInt64
        package var count: Int
        package var timeLimit: TimeInterval
        package var minutes: Int
        package var passMark: Double
        package var startedAt: Date
        /// The questions, in order: a resumed exam must draw the same ones.
        package var itemIDs: [String]
        /// Where the results go.
        package var results: String

        package init(configuration: ExamConfiguration, startedAt: Date, itemIDs: [String], results: String) {
            seed = configuration.seed
            count = configuration.count
            timeLimit = configuration.timeLimit
            minutes = configuration.minutes
            passMark = configuration.passMark
            self.startedAt = startedAt
            self.itemIDs = itemIDs
            self.results = results
        }

        /// The exam's settings.
        package var configuration: ExamConfiguration {
            ExamConfiguration(
                count: count, minutes: minutes, timeLimit: timeLimit, passMark: passMark, seed: seed)
        }
    }

    /// The value of ``Header/format``.
    package static let formatName = "srmquiz-exam-journal"

    /// The journal's path for a results file.
    package static func path(forResults results: String) -> String { results + ".journal" }

    /// The file.
    package let path: String
    private let fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Creates the journal at `path` (never over an existing file or through a link) and writes
    /// `header`.
    package static func create(at path: String, header: Header) throws(ExamJournalError) -> ExamJournal {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ExamJournalError(path: path, reason: String(cString: strerror(errno))) }
        let journal = ExamJournal(path: path, fd: fd)
        try journal.appendLine(header)
        return journal
    }

    /// Opens an existing journal to go on appending to it.
    package static func reopen(at path: String) throws(ExamJournalError) -> ExamJournal {
        let fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw ExamJournalError(path: path, reason: String(cString: strerror(errno))) }
        return ExamJournal(path: path, fd: fd)
    }

    /// Appends `snapshot`, durably.
    package func append(_ snapshot: ExamSession.Snapshot) throws(ExamJournalError) {
        try appendLine(snapshot)
    }

    private func appendLine<T: Encodable>(_ value: T) throws(ExamJournalError) {
        let data: Data
        do {
            data = try ExamResult.encoder(pretty: false).encode(value) + Data("\n".utf8)
        } catch {
            throw ExamJournalError(path: path, reason: "cannot encode: \(error)")
        }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fdatasync(fd) == 0 else {
            throw ExamJournalError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Closes and deletes the journal (the results file is written).
    package func remove() {
        close(fd)
        unlink(path)
    }

    deinit { close(fd) }

    /// The header and the last snapshot of the journal at `path` (a torn last line, from a crash
    /// in the middle of a write, is ignored).
    package static func read(_ path: String) throws(ExamJournalError) -> (Header, ExamSession.Snapshot?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExamJournalError(path: path, reason: "cannot read it")
        }
        let decoder = ExamResult.decoder()
        let lines = data.split(separator: UInt8(ascii: "\n"))
        guard let first = lines.first, let header = try? decoder.decode(Header.self, from: Data(first)),
            header.format == formatName
        else {
            throw ExamJournalError(path: path, reason: "line 1 is not an srmquiz exam journal header")
        }
        var last: ExamSession.Snapshot?
        for (n, line) in lines.dropFirst().enumerated() {
            if let snapshot = try? decoder.decode(ExamSession.Snapshot.self, from: Data(line)) {
                last = snapshot
            } else if n + 2 < lines.count {
                throw ExamJournalError(path: path, reason: "line \(n + 2) is damaged")
            }
        }
        return (header, last)
    }
}

/// An exam journal that cannot be written or read.
package struct ExamJournalError: Error, CustomStringConvertible {
    package var path: String
    package var reason: String
    package var description: String { "\(path): \(reason)" }
}
