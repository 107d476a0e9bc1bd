import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The review log of a progress file, located but not decoded. Two ways to get there:
///
/// - *in memory*: the whole file was read and the log skimmed (strings and brackets only), so
///   where each review starts is known (files without a valid ``ProgressLogIndex``);
/// - *on disk*: opening read only the part of the file before the log (its place and size are in
///   the ``ProgressLogIndex``); the log is read from the file's end, one review per line, as far
///   back as needed, and whole when it is first needed. Anything that does not look as the writer
///   leaves it makes the log fall back to the in-memory way.
///
/// Single reviews are decoded on demand (the latest ones, for ``ProgressStore/reviews(since:)``
/// and undo), the whole log when it is first needed. Decoding checks everything the skim did not.
struct LazyReviewLog: Sendable {
    /// The file the log is in, for errors.
    let file: String
    /// The file's bytes from `base` on (in memory: all of them; on disk: the part read so far).
    private var bytes: [UInt8]
    /// The file offset of `bytes[0]`.
    private var base: Int
    /// The offset of the log's `[`, or `nil` if the file has no reviews.
    private var arrayStart: Int?
    /// How many reviews the file's array holds.
    private var total: Int
    /// The file offsets of reviews `knownFrom ..< knownFrom + known.count`.
    private var known: [Int]
    private var knownFrom: Int
    /// How many reviews are left in the log (see ``removeLast()``).
    private(set) var count: Int
    /// The file to read more of, while the log is on disk (`nil`: in memory).
    private var source: (url: URL, size: Int)?
    /// How many bytes from the log's `[` on have been read from the file.
    private(set) var bytesRead: Int

    /// A log in memory: the file's `bytes`, the log's `[` at `arrayStart`, reviews at `starts`.
    init(file: String, bytes: [UInt8] = [], arrayStart: Int? = nil, starts: [Int] = []) {
        self.file = file
        self.bytes = bytes
        self.base = 0
        self.arrayStart = arrayStart
        self.total = starts.count
        self.known = starts
        self.knownFrom = 0
        self.count = starts.count
        self.source = nil
        self.bytesRead = arrayStart.map { max(bytes.count - $0, 0) } ?? 0
    }

    /// A log left on disk: `url` as described by `index` (its bytes up to the log already read).
    init(file: String, url: URL, index: ProgressLogIndex) {
        self.file = file
        self.bytes = []
        self.base = index.size
        self.arrayStart = index.at + ProgressLogIndex.marker.count - 1
        self.total = index.count
        self.known = []
        self.knownFrom = index.count
        self.count = index.count
        self.source = (url, index.size)
        self.bytesRead = 0
    }

    /// Whether the log is still on disk (not read whole).
    var isOnDisk: Bool { source != nil }

    /// The review at `index` (`0..<count`), reading the file back to it if needed.
    mutating func review(at index: Int) throws(ProgressError) -> StoredReview {
        try locate(index)
        let offset = known[index - knownFrom] - base
        let result: Result<StoredReview, ProgressReadError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = ProgressJSONParser(buffer, at: offset)
            do throws(ProgressReadError) {
                return .success(try ProgressFileReader.readReview(&parser, index: index))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let review): return review
        case .failure(let error): throw try describe(error, shift: base)
        }
    }

    /// Takes the last review off the log and returns it.
    mutating func removeLast() throws(ProgressError) -> StoredReview {
        let review = try review(at: count - 1)
        count -= 1
        return review
    }

    /// Every review left, parsing the whole array (so the file's syntax is checked through).
    func decodeAll() throws(ProgressError) -> (
        reviews: [ReviewLogEntry], phases: [CardPhase?], bytesRead: Int
    ) {
        guard let arrayStart else { return ([], [], 0) }
        let keep = count
        let onDisk = source
        let region: [UInt8]
        let shift: Int
        if let onDisk {
            region = try Self.read(onDisk, from: arrayStart, count: onDisk.size - arrayStart, file: file)
            shift = arrayStart
        } else {
            region = bytes
            shift = base
        }
        let expected = total
        let result: Result<([ReviewLogEntry], [CardPhase?]), ProgressReadError> =
            region.withUnsafeBufferPointer { buffer in
                var parser = ProgressJSONParser(buffer, at: arrayStart - shift)
                var reviews: [ReviewLogEntry] = []
                var phases: [CardPhase?] = []
                reviews.reserveCapacity(keep)
                phases.reserveCapacity(keep)
                var found = 0
                do throws(ProgressReadError) {
                    try parser.array(path: { "reviews" }) { (p, n) throws(ProgressReadError) in
                        let review = try ProgressFileReader.readReview(&p, index: n)
                        found += 1
                        if n < keep {
                            reviews.append(review.entry)
                            phases.append(review.phaseBefore)
                        }
                    }
                    if onDisk != nil {
                        // The log is the file's last value: `]}` and the end must follow.
                        try parser.expect(0x7D, "'}' after the review log")
                        try parser.expectEnd()
                        guard found == expected else {
                            throw .invalid(
                                field: "reviewsIndex.count",
                                message: "says \(expected) reviews but the log holds \(found)")
                        }
                    }
                    return .success((reviews, phases))
                } catch {
                    return .failure(error)
                }
            }
        switch result {
        case .success(let decoded):
            return (decoded.0, decoded.1, onDisk == nil ? 0 : region.count)
        case .failure(let error):
            throw try describe(error, shift: shift)
        }
    }

    // MARK: Reading from the end of the file

    /// Reads the file back until the start of review `index` is known (on disk), or falls back to
    /// reading the whole file when the log is not laid out one review per line.
    private mutating func locate(_ index: Int) throws(ProgressError) {
        guard index >= 0, index < count else {
            throw .invalidField(file: file, field: "reviews", message: "no review \(index)")
        }
        while index < knownFrom {
            guard let onDisk = source, let arrayStart else {
                throw .invalidField(file: file, field: "reviews", message: "no review \(index)")
            }
            let logStart = arrayStart + 1
            let want = max(logStart, base - max(1 << 16, onDisk.size - base))
            let more = try Self.read(onDisk, from: want, count: base - want, file: file)
            guard more.count == base - want else { return try fallBack() }
            bytes = more + bytes
            base = want
            bytesRead += more.count
            if !indexLines(reachedStart: base == logStart) { return try fallBack() }
        }
    }

    /// Finds the reviews in `bytes`, one per line (a partial first line is left out), followed
    /// by `]}` and a newline. Returns whether the bytes look that way.
    private mutating func indexLines(reachedStart: Bool) -> Bool {
        bytes.withUnsafeBufferPointer { buffer -> Bool in
            let n = buffer.count
            // The end: "}\n]}\n" (or the file has no review left at all).
            guard n >= 4, buffer[n - 1] == 0x0A, buffer[n - 2] == 0x7D, buffer[n - 3] == 0x5D,
                buffer[n - 4] == 0x0A
            else { return false }
            var starts: [Int] = []
            var i = 0
            if !reachedStart {
                while i < n && buffer[i] != 0x0A { i += 1 }
            }
            guard i < n, buffer[i] == 0x0A else { return false }
            let end = n - 4  // the newline before "]}"
            while i < end {
                let start = i + 1
                guard buffer[start] == 0x7B else { return false }
                var j = start
                while j < end && buffer[j] != 0x0A { j += 1 }
                // "{…}," or, the last, "{…}".
                let last = j == end
                guard
                    (last && buffer[j - 1] == 0x7D)
                        || (!last && j - 2 >= start && buffer[j - 1] == 0x2C
                            && buffer[j - 2] == 0x7D)
                else { return false }
                starts.append(base + start)
                i = j
            }
            if reachedStart ? starts.count != total : starts.count > total { return false }
            known = starts
            knownFrom = total - starts.count
            return true
        }
    }

    /// `count` bytes of the file from `offset`, if the file still has the size it had at open
    /// (the lock keeps other srmquiz processes out, not editors).
    private static func read(
        _ onDisk: (url: URL, size: Int), from offset: Int, count: Int, file: String
    ) throws(ProgressError) -> [UInt8] {
        let fd = open(onDisk.url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(file: file, operation: "opening", errno: errno) }
        defer { _ = posixClose(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) == onDisk.size else {
            throw .invalidField(
                file: file, field: "reviewsIndex.size",
                message: "the file changed while it was open (it had \(onDisk.size) bytes)")
        }
        let bytes = try ProgressFiles.readRange(fd, from: offset, count: count, file: file)
        guard bytes.count == count else {
            throw .invalidField(
                file: file, field: "reviewsIndex.size", message: "the file ended early while it was read")
        }
        return bytes
    }

    /// Reads the whole file the old way (skimming the log) and continues in memory.
    private mutating func fallBack() throws(ProgressError) {
        guard let onDisk = source else { return }
        let bytes = try ProgressFiles.readBytes(onDisk.url)
        let head = try ProgressFileReader.read(bytes, file: file)
        let log = head.log
        guard log.total == total else {
            throw .invalidField(
                file: file, field: "reviewsIndex.count",
                message: "says \(total) reviews but the log holds \(log.total)")
        }
        let remaining = count
        let read = bytesRead
        self = log
        count = remaining
        bytesRead = read + log.bytesRead
    }

    /// `error`, at an offset `shift` bytes into the file, with the line and column in the file.
    private func describe(_ error: ProgressReadError, shift: Int) throws(ProgressError) -> ProgressError {
        var error = error
        if case .syntax(let offset, let message) = error {
            error = .syntax(offset: offset + shift, message: message)
        }
        if shift == 0, source == nil {
            return bytes.withUnsafeBufferPointer { error.progressError(file: file, bytes: $0) }
        }
        let whole = (try? ProgressFiles.readBytes(URL(fileURLWithPath: file))) ?? []
        return whole.withUnsafeBufferPointer { error.progressError(file: file, bytes: $0) }
    }
}
