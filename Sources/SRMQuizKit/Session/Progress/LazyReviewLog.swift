/// The review log of a progress file, located but not decoded: the file's bytes and where each
/// review starts. Opening a store skims over the log (strings and brackets only); single reviews
/// are decoded on demand (the latest ones, for ``ProgressStore/reviews(since:)`` and undo), and
/// the whole log when it is first needed. Decoding checks everything the skim did not.
struct LazyReviewLog: Sendable {
    /// The file the log is in, for errors.
    let file: String
    private let bytes: [UInt8]
    /// The offset of the log's `[`, or `nil` if the file has no reviews.
    private let arrayStart: Int?
    /// How many reviews the file's array holds.
    private let total: Int
    /// The offsets of the reviews not taken off the end yet (see ``removeLast()``).
    private(set) var starts: [Int]

    init(file: String, bytes: [UInt8] = [], arrayStart: Int? = nil, starts: [Int] = []) {
        self.file = file
        self.bytes = bytes
        self.arrayStart = arrayStart
        self.total = starts.count
        self.starts = starts
    }

    /// How many reviews are left in the log.
    var count: Int { starts.count }

    /// The review at `index` (`0..<count`).
    func review(at index: Int) throws(ProgressError) -> StoredReview {
        let offset = starts[index]
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
        case .failure(let error):
            throw bytes.withUnsafeBufferPointer { error.progressError(file: file, bytes: $0) }
        }
    }

    /// Takes the last review off the log and returns it.
    mutating func removeLast() throws(ProgressError) -> StoredReview {
        let review = try review(at: starts.count - 1)
        starts.removeLast()
        return review
    }

    /// Every review left, parsing the whole array (so the file's syntax is checked through).
    func decodeAll() throws(ProgressError) -> (reviews: [ReviewLogEntry], phases: [CardPhase?]) {
        guard let arrayStart else { return ([], []) }
        let keep = starts.count
        let result: Result<([ReviewLogEntry], [CardPhase?]), ProgressReadError> =
            bytes.withUnsafeBufferPointer {
                buffer in
                var parser = ProgressJSONParser(buffer, at: arrayStart)
                var reviews: [ReviewLogEntry] = []
                var phases: [CardPhase?] = []
                reviews.reserveCapacity(keep)
                phases.reserveCapacity(keep)
                do throws(ProgressReadError) {
                    try parser.array(path: { "reviews" }) { (p, n) throws(ProgressReadError) in
                        let review = try ProgressFileReader.readReview(&p, index: n)
                        if n < keep {
                            reviews.append(review.entry)
                            phases.append(review.phaseBefore)
                        }
                    }
                    return .success((reviews, phases))
                } catch {
                    return .failure(error)
                }
            }
        switch result {
        case .success(let decoded):
            return decoded
        case .failure(let error):
            throw bytes.withUnsafeBufferPointer { error.progressError(file: file, bytes: $0) }
        }
    }
}
