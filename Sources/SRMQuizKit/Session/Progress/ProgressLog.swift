import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The review log beside a state file (`<learner>.reviews.jsonl`): one JSON line per change,
/// each appended with one `write` and flushed with `fdatasync` before the change counts.
final class ProgressLog {
    let url: URL
    private var fd: Int32 = -1
    private let encoder = ProgressCodec.lineEncoder()

    init(url: URL) { self.url = url }

    deinit { close() }

    /// What reading a log found.
    struct Lines {
        /// The answers in effect and the last settings (when `entries` was asked for).
        var history = ReviewHistory()
        /// The lines read with their cards (those at or after `cardsFrom`), in order.
        var tail: [LogRecord] = []
        /// Complete lines, and the bytes they take (from the file's start).
        var count = 0
        var bytes = 0
        /// The size of an incomplete last line (a crash while writing it), if any.
        var tornBytes: Int?
    }

    /// Reads the log at `url`, verifying every line's integrity check (required when `checked`).
    ///
    /// Lines starting at or after byte `cardsFrom` (a line end) are read whole into ``Lines/tail``;
    /// the lines before it are read without their cards into ``Lines/history`` when `entries`, else
    /// only checked. A damaged line is an error naming the line and its offset; only a last line
    /// without its newline is left out (torn). The bytes before `cardsFrom` are mapped, not copied
    /// (no writer ever cuts them: a torn line is cut only after them, and a rebuild replaces the
    /// file by renaming), and read in parts on all processors.
    static func read(_ url: URL, checked: Bool, cardsFrom: Int, entries: Bool) throws(ProgressError) -> Lines
    {
        guard ProgressFiles.exists(url) else {
            if cardsFrom == 0 { return Lines() }
            throw .logMismatch(
                file: url.path, message: "the log is missing; the state reflects \(cardsFrom) bytes of it")
        }
        let fd = try ProgressFiles.run(DurableFile.openForReading(url.path))
        defer { _ = posixClose(fd) }
        let size = ProgressFiles.size(fd)
        let mapped = min(cardsFrom, size)
        if cardsFrom > 0 {
            let last = try ProgressFiles.run(
                DurableFile.readRange(fd, from: cardsFrom - 1, count: 1, path: url.path))
            guard size >= cardsFrom, last == [0x0A] else {
                throw .logMismatch(
                    file: url.path,
                    message:
                        "the state reflects \(cardsFrom) bytes of the log but it holds \(size) bytes that "
                        + "do not end a line there; it was cut or replaced")
            }
        }
        var map: UnsafeMutableRawPointer?
        if mapped > 0 {
            #if os(Linux)
                let flags = MAP_PRIVATE | MAP_POPULATE
            #else
                let flags = MAP_PRIVATE
            #endif
            let address = mmap(nil, mapped, PROT_READ, flags, fd, 0)
            guard let address, address != MAP_FAILED else {
                throw .io(file: url.path, operation: "mapping", errno: errno)
            }
            map = address
        }
        defer { if let map { munmap(map, mapped) } }
        let rest = try ProgressFiles.run(
            DurableFile.readRange(fd, from: mapped, count: max(0, size - mapped), path: url.path))
        let parts = rest.withUnsafeBufferPointer { tail in
            let head = UnsafeBufferPointer(start: map?.assumingMemoryBound(to: UInt8.self), count: mapped)
            // The mapped bytes in parts that end at line ends, then the rest.
            let count = mapped < 4 << 20 ? 1 : min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
            var bounds = [0]
            for k in 1..<count {
                guard let end = newline(in: head, from: max(bounds[k - 1], mapped * k / count), to: mapped)
                else { break }
                bounds.append(end + 1)
            }
            bounds.append(mapped)
            func part(_ k: Int) -> Part {
                let last = k == bounds.count - 1
                return readPart(
                    last ? tail : head, last ? 0..<tail.count : bounds[k]..<bounds[k + 1],
                    base: last ? mapped : 0, checked: checked, cardsFrom: cardsFrom, entries: entries)
            }
            // A small log is read on this thread: handing it to others costs more than it saves.
            return mapped + tail.count < 4 << 20
                ? bounds.indices.map(part) : ParallelMap.map(bounds.count, part)
        }
        // Join the parts in order; an undo at the start of a part takes back an answer of the
        // parts before it.
        var lines = Lines()
        for part in parts {
            let first = 1 + lines.count
            if let (line, at, message) = part.failure {
                throw .logDamaged(file: url.path, line: first + line, offset: at, message: message)
            }
            for (line, at, review) in part.leadingUndos {
                let undo = ProgressLogLine(event: .undo, review: review)
                if let problem = lines.history.apply(undo) {
                    throw .logDamaged(file: url.path, line: first + line, offset: at, message: problem)
                }
            }
            if lines.count == 0 && part.leadingUndos.isEmpty {
                lines.history = part.history  // the first part's answers, not copied
            } else {
                lines.history.reviews += part.history.reviews
                lines.history.phasesBefore += part.history.phasesBefore
                lines.history.settings = part.history.settings ?? lines.history.settings
            }
            lines.tail += part.tail.map {
                LogRecord(number: first + $0.number, offset: $0.offset, line: $0.line)
            }
            lines.count += part.count
            lines.bytes = part.end ?? lines.bytes
            lines.tornBytes = part.tornBytes
        }
        return lines
    }

    /// What reading one part found; line numbers are counted from 0 at the part's start.
    private struct Part {
        var history = ReviewHistory()
        /// Undos of answers before the part.
        var leadingUndos: [(line: Int, offset: Int, review: ReviewLogEntry)] = []
        var tail: [LogRecord] = []
        var count = 0
        /// The file offset after the part's last complete line.
        var end: Int?
        var tornBytes: Int?
        var failure: (line: Int, offset: Int, message: String)?
    }

    /// The index of the first newline in `all[from..<to]`.
    private static func newline(in all: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let found = memchr(all.baseAddress! + from, 0x0A, to - from) else { return nil }
        return all.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Reads the lines of `all` in `range` (`all[0]` being byte `base` of the file); only the
    /// last part can end with a torn line (the others end at line ends).
    private static func readPart(
        _ all: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, base: Int, checked: Bool, cardsFrom: Int,
        entries: Bool
    ) -> Part {
        var part = Part()
        var strings = StringTable(forBytes: range.count)
        var start = range.lowerBound
        while start < range.upperBound {
            let offset = base + start
            guard let end = newline(in: all, from: start, to: range.upperBound) else {
                // A crash while appending leaves a line without its newline. A whole, checked line
                // followed by one more byte is not that: its newline was changed.
                let rest = UnsafeBufferPointer(rebasing: all[start..<range.upperBound])
                if checked,
                    ProgressCheck.verify(UnsafeBufferPointer(rebasing: rest.dropLast()), pretty: false)
                        == .valid
                {
                    part.failure = (part.count, offset, "its newline was changed")
                } else {
                    part.tornBytes = rest.count
                }
                break
            }
            let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
            if offset < cardsFrom && !entries {
                if checked, ProgressCheck.verify(bytes, pretty: false) != .valid {
                    part.failure = (
                        part.count, offset,
                        "fails its integrity check (CRC-32C), or has none: it was changed after it was written"
                    )
                    return part
                }
            } else {
                let line: ProgressLogLine
                switch ProgressCodec.line(
                    bytes, checked: checked, skipCards: offset < cardsFrom, strings: &strings)
                {
                case .success(let read): line = read
                case .failure(let problem):
                    part.failure = (part.count, offset, problem.message)
                    return part
                }
                if offset >= cardsFrom {
                    part.tail.append(LogRecord(number: part.count, offset: offset, line: line))
                }
                if entries {
                    if line.event == .undo, part.history.reviews.isEmpty {
                        part.leadingUndos.append((part.count, offset, line.review!))
                    } else if let problem = part.history.apply(line) {
                        part.failure = (part.count, offset, problem)
                        return part
                    }
                }
            }
            part.count += 1
            part.end = base + end + 1
            start = end + 1
        }
        return part
    }

    /// The last `count` answers in effect among the lines before byte `end` (whose last line is
    /// line `lastLine`), most recent first, reading the file backwards in growing chunks.
    static func lastReviews(_ url: URL, end: Int, lastLine: Int, count: Int, checked: Bool)
        throws(ProgressError)
        -> [LoggedReview]
    {
        try scanBackwards(url, end: end, lastLine: lastLine, checked: checked) { found, _ in
            found.count < count
        }
    }

    /// The answers in effect given at or after `date`, oldest first, reading backwards from byte
    /// `end` until an older answer (the log is in time order unless the clock was set back).
    static func reviews(_ url: URL, since date: Date, end: Int, lastLine: Int, checked: Bool)
        throws(ProgressError) -> [LoggedReview]
    {
        var result = try scanBackwards(url, end: end, lastLine: lastLine, checked: checked) { found, _ in
            found.last.map { $0.entry.time >= date } ?? true
        }
        if let last = result.last, last.entry.time < date { result.removeLast() }
        return result.reversed()
    }

    /// Reads lines backwards from `end`, collecting answers in effect (most recent first) while
    /// `more` says so.
    private static func scanBackwards(
        _ url: URL, end: Int, lastLine: Int, checked: Bool, more: ([LoggedReview], Int) -> Bool
    ) throws(ProgressError) -> [LoggedReview] {
        guard end > 0 else { return [] }
        let fd = try ProgressFiles.run(DurableFile.openForReading(url.path))
        defer { _ = posixClose(fd) }
        var found: [LoggedReview] = []
        var undone: [ReviewLogEntry] = []
        var position = end  // everything from here on is handled
        var pending: [UInt8] = []  // the start of the line that ends at `position`, read so far
        var chunk = 16 << 10
        var number = lastLine
        while position > 0 && more(found, number) {
            let start = max(0, position - pending.count - chunk)
            let piece = try ProgressFiles.run(
                DurableFile.readRange(
                    fd, from: start, count: position - pending.count - start, path: url.path))
            var bytes = piece + pending
            chunk = min(chunk * 2, 1 << 20)
            // Lines that end in `bytes` and whose start is known (after a newline, or the file's start).
            var lineEnd = bytes.count - 1  // the newline ending the line at `position`
            while lineEnd >= 0, more(found, number) {
                let before = lineEnd > 0 ? bytes[..<lineEnd].lastIndex(of: 0x0A) : nil
                guard before != nil || start == 0 else { break }
                let lineStart = (before ?? -1) + 1
                let line = try bytes.withUnsafeBufferPointer { (all) throws(ProgressError) in
                    try ProgressCodec.line(
                        UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd]), checked: checked,
                        number: number,
                        offset: start + lineStart, file: url.path)
                }
                switch line.event {
                case .undo: undone.append(line.review!)
                case .review:
                    if let last = undone.last {
                        guard last == line.review else {
                            throw .logDamaged(
                                file: url.path, line: number, offset: start + lineStart,
                                message: "a later undo does not match this answer to \(line.review!.itemID)")
                        }
                        undone.removeLast()
                    } else {
                        found.append(
                            LoggedReview(
                                line: number, entry: line.review!, phaseBefore: line.phaseBefore,
                                before: line.before, after: line.after))
                    }
                case .settings: break
                }
                number -= 1
                position = start + lineStart
                lineEnd = lineStart - 1
            }
            bytes.removeSubrange(max(0, lineEnd + 1)...)
            pending = bytes
            if start == 0 && lineEnd < 0 { break }
        }
        return found
    }

    /// Appends `encoded` (a line from ``encoded(_:)``) and a newline with one `write`, and fsyncs
    /// it.
    ///
    /// On failure the log is cut back to where it was and the error is thrown.
    func append(_ encoded: Data) throws(ProgressError) {
        var data = encoded
        data.append(0x0A)
        if fd < 0 {
            let opened = try ProgressFiles.openCreating(url, flags: O_WRONLY | O_APPEND)
            fd = opened.fd
            if opened.created { try ProgressFiles.run(DurableFile.syncFolder(of: url.path)) }
        }
        let start = lseek(fd, 0, SEEK_END)
        do throws(ProgressError) {
            try ProgressFiles.writeAll(fd, data, file: url.path)
            try ProgressFiles.run(DurableFile.sync(fd, path: url.path))
        } catch {
            if start >= 0 { _ = ftruncate(fd, start) }
            throw error
        }
    }

    /// Encodes `line` as it would be appended, with its integrity check (to check it can be
    /// written, and to see what it reads back as).
    func encoded(_ line: ProgressLogLine) throws(ProgressError) -> Data {
        try ProgressCodec.sealed(line, by: encoder, file: url.path)
    }

    /// Cuts the log to `size` bytes (drops a torn last line before appending).
    func cut(to size: Int) throws(ProgressError) {
        close()
        let fd = open(url.path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw .io(file: url.path, operation: "opening", errno: errno) }
        defer { _ = posixClose(fd) }
        if ftruncate(fd, off_t(size)) != 0 {
            throw .io(file: url.path, operation: "cutting off a torn last line", errno: errno)
        }
        try ProgressFiles.run(DurableFile.sync(fd, path: url.path))
    }

    /// Closes the file (it is reopened on the next append).
    func close() {
        if fd >= 0 { _ = posixClose(fd) }
        fd = -1
    }
}

extension ProgressLog {
    /// Gives each line of a log written before format 4 its integrity check, after reading it (a
    /// line that cannot be read stops with its line and offset, and nothing is changed).
    ///
    /// The new log replaces the old atomically; the old one is kept as `<log>.bak`. Returns the new
    /// size. A torn last line must have been cut off first.
    static func sealLegacy(_ url: URL) throws(ProgressError) -> Int {
        guard ProgressFiles.exists(url) else { return 0 }
        let bytes = try ProgressFiles.read(url)
        var sealed = Data()
        sealed.reserveCapacity(bytes.count + bytes.count / 16)
        try bytes.withUnsafeBufferPointer { (all) throws(ProgressError) in
            var strings = StringTable(forBytes: all.count)
            var start = 0
            var number = 1
            while start < all.count, let end = newline(in: all, from: start, to: all.count) {
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                if case .failure(let problem) = ProgressCodec.line(line, checked: false, strings: &strings) {
                    throw .logDamaged(file: url.path, line: number, offset: start, message: problem.message)
                }
                if ProgressCheck.verify(line, pretty: false) == .valid {
                    sealed.append(contentsOf: line)
                } else {
                    var json = line[...]
                    while let last = json.last, last != 0x7D { json = json.dropLast() }  // trailing spaces
                    sealed.append(ProgressCheck.seal(Data(json), pretty: false))
                }
                sealed.append(0x0A)
                start = end + 1
                number += 1
            }
        }
        try ProgressFiles.preserve(url, as: ProgressFiles.backup(of: url))
        try ProgressFiles.replace(url, with: sealed)
        return sealed.count
    }
}
