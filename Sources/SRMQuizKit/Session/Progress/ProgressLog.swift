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

    /// What reading part of a log found.
    struct Lines {
        var lines: [(number: Int, line: ProgressLogLine)] = []
        /// Bytes read that end with a complete line.
        var bytes = 0
        /// The size of an incomplete or unreadable last line (a crash while writing it), if any.
        var tornBytes: Int?
    }

    /// Decodes the lines in `bytes`, the first being line `firstLine`. A bad line other than the
    /// last is an error; a last line without its newline, or unreadable, is left out as torn.
    /// Lines up to `skipCardsThrough` may be read without their cards (see ``ProgressFastPath``).
    /// A large log is decoded in parts on all processors.
    static func decode(_ bytes: [UInt8], firstLine: Int, file: String, skipCardsThrough: Int = 0)
        throws(ProgressError) -> Lines
    {
        try bytes.withUnsafeBufferPointer { all in
            // Parts end at line ends; each knows its first line's number.
            let parts =
                bytes.count < 4 << 20 ? 1 : min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
            var bounds = [0]
            var firsts = [firstLine]
            for k in 1..<parts {
                let from = max(bounds[k - 1], all.count * k / parts)
                guard let end = all[from...].firstIndex(of: 0x0A) else { break }
                firsts.append(firsts[k - 1] + all[bounds[k - 1]..<end + 1].lazy.filter { $0 == 0x0A }.count)
                bounds.append(end + 1)
            }
            bounds.append(all.count)
            nonisolated(unsafe) let shared = all
            let (starts, numbers) = (bounds, firsts)
            nonisolated(unsafe) var results = [Result<Lines, ProgressError>](
                repeating: .success(Lines()), count: numbers.count)
            results.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: numbers.count) { k in
                    slots[k] = decodePart(
                        shared, starts[k]..<starts[k + 1], firstLine: numbers[k], file: file,
                        skipCardsThrough: skipCardsThrough, last: k == numbers.count - 1)
                }
            }
            return results
        }.reduce(into: Result<Lines, ProgressError>.success(Lines())) { merged, part in
            guard case .success(var sum) = merged else { return }
            switch part {
            case .failure: merged = part
            case .success(let lines):
                sum.lines += lines.lines
                sum.bytes = lines.bytes == 0 ? sum.bytes : lines.bytes
                sum.tornBytes = lines.tornBytes
                merged = .success(sum)
            }
        }.get()
    }

    /// The index of the first newline in `all[from..<to]`.
    private static func newline(in all: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let found = memchr(all.baseAddress! + from, 0x0A, to - from) else { return nil }
        return all.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Decodes the lines of `all` in `range` (see ``decode(_:firstLine:file:skipCardsThrough:)``);
    /// only the `last` part may end with a torn line.
    private static func decodePart(
        _ all: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, firstLine: Int, file: String,
        skipCardsThrough: Int, last: Bool
    ) -> Result<Lines, ProgressError> {
        var result = Lines()
        result.lines.reserveCapacity(range.count / 300)
        var start = range.lowerBound
        var number = firstLine
        while start < range.upperBound {
            guard let end = newline(in: all, from: start, to: range.upperBound) else {
                result.tornBytes = range.upperBound - start
                break
            }
            do throws(ProgressError) {
                let line = try ProgressCodec.line(
                    UnsafeBufferPointer(rebasing: all[start..<end]), number: number, file: file,
                    skipCards: number <= skipCardsThrough)
                result.lines.append((number, line))
            } catch {
                if last && end == range.upperBound - 1 {
                    result.tornBytes = end + 1 - start
                    break
                }
                return .failure(error)
            }
            result.bytes = end + 1
            start = end + 1
            number += 1
        }
        return .success(result)
    }

    /// Reads the log from byte `offset` (the first line there being `firstLine`) to its end.
    /// `offset` must be the end of a line.
    static func read(_ url: URL, from offset: Int, firstLine: Int, skipCardsThrough: Int = 0)
        throws(ProgressError) -> Lines
    {
        guard ProgressFiles.exists(url) else {
            if offset == 0 { return Lines() }
            throw .logMismatch(
                file: url.path, message: "the log is missing; the state reflects \(firstLine - 1) lines")
        }
        let fd = try ProgressFiles.openForReading(url)
        defer { _ = posixClose(fd) }
        let size = ProgressFiles.size(fd)
        if offset > 0 {
            let last = try ProgressFiles.readRange(fd, from: offset - 1, count: 1, file: url.path)
            guard size >= offset, last == [0x0A] else {
                throw .logMismatch(
                    file: url.path,
                    message: "the state reflects \(firstLine - 1) lines (\(offset) bytes) but the log "
                        + "holds \(size) bytes that do not end a line there; it was cut or replaced")
            }
        }
        let bytes = try ProgressFiles.readRange(
            fd, from: offset, count: max(0, size - offset), file: url.path)
        var lines = try decode(
            bytes, firstLine: firstLine, file: url.path, skipCardsThrough: skipCardsThrough)
        lines.bytes += offset
        return lines
    }

    /// The last `count` answers in effect among the lines before byte `end` (whose last line is
    /// line `lastLine`), most recent first, reading the file backwards in growing chunks.
    static func lastReviews(_ url: URL, end: Int, lastLine: Int, count: Int) throws(ProgressError)
        -> [LoggedReview]
    {
        try scanBackwards(url, end: end, lastLine: lastLine) { found, _ in found.count < count }
    }

    /// The answers in effect given at or after `date`, oldest first, reading backwards from byte
    /// `end` until an older answer (the log is in time order unless the clock was set back).
    static func reviews(_ url: URL, since date: Date, end: Int, lastLine: Int) throws(ProgressError)
        -> [LoggedReview]
    {
        var result = try scanBackwards(url, end: end, lastLine: lastLine) { found, _ in
            found.last.map { $0.entry.time >= date } ?? true
        }
        if let last = result.last, last.entry.time < date { result.removeLast() }
        return result.reversed()
    }

    /// Reads lines backwards from `end`, collecting answers in effect (most recent first) while
    /// `more` says so.
    private static func scanBackwards(
        _ url: URL, end: Int, lastLine: Int, more: ([LoggedReview], Int) -> Bool
    ) throws(ProgressError) -> [LoggedReview] {
        guard end > 0 else { return [] }
        let fd = try ProgressFiles.openForReading(url)
        defer { _ = posixClose(fd) }
        var found: [LoggedReview] = []
        var undone: [ReviewLogEntry] = []
        var position = end  // everything from here on is handled
        var pending: [UInt8] = []  // the start of the line that ends at `position`, read so far
        var chunk = 16 << 10
        var number = lastLine
        while position > 0 && more(found, number) {
            let start = max(0, position - pending.count - chunk)
            let piece = try ProgressFiles.readRange(
                fd, from: start, count: position - pending.count - start, file: url.path)
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
                        UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd]), number: number,
                        file: url.path)
                }
                switch line.event {
                case .undo: undone.append(line.review!)
                case .review:
                    if let last = undone.last {
                        guard last == line.review else {
                            throw .logDamaged(
                                file: url.path, line: number,
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

    /// Appends `encoded` (a line from ``encoded(_:)``) and a newline with one `write`, and
    /// fsyncs it. On failure the log is cut back to where it was and the error is thrown.
    func append(_ encoded: Data) throws(ProgressError) {
        var data = encoded
        data.append(0x0A)
        if fd < 0 {
            let opened = try ProgressFiles.openCreating(url, flags: O_WRONLY | O_APPEND)
            fd = opened.fd
            if opened.created { try ProgressFiles.syncFolder(of: url) }
        }
        let start = lseek(fd, 0, SEEK_END)
        do throws(ProgressError) {
            try ProgressFiles.writeAll(fd, data, file: url.path)
            try ProgressFiles.sync(fd, file: url.path)
        } catch {
            if start >= 0 { _ = ftruncate(fd, start) }
            throw error
        }
    }

    /// Encodes `line` as it would be appended (to check it can be written, and to see what it
    /// reads back as).
    func encoded(_ line: ProgressLogLine) throws(ProgressError) -> Data {
        do {
            return try encoder.encode(line)
        } catch {
            throw .encoding(file: url.path, message: "\(error)")
        }
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
        try ProgressFiles.sync(fd, file: url.path)
    }

    /// Closes the file (it is reopened on the next append).
    func close() {
        if fd >= 0 { _ = posixClose(fd) }
        fd = -1
    }
}
