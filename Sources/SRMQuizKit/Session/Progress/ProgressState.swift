import Foundation

/// A progress document in memory whose review log may not be decoded yet: the undecoded part is
/// a prefix of the log (``LazyReviewLog``), `loaded.reviews` the rest (the reviews decoded from
/// the end of the file, and those recorded since). Everything else is decoded.
struct ProgressState: Sendable {
    /// Everything but the log's undecoded prefix.
    private(set) var loaded: ProgressDocument
    /// The undecoded prefix of the log; `nil` once the whole log is decoded.
    private(set) var pending: LazyReviewLog?
    /// From which review on the log is in time order (`count` when nothing is known).
    private(set) var orderedFrom: Int
    /// Bytes of the log read from the file by logs no longer pending.
    private var logBytesReadBefore = 0
    /// How many bytes of the review log have been read from the file.
    var logBytesRead: Int { logBytesReadBefore + (pending?.bytesRead ?? 0) }

    /// A state with the whole log decoded.
    init(document: ProgressDocument) {
        loaded = document
        pending = nil
        orderedFrom = Self.orderedFrom(document.reviews)
    }

    /// A file read up to its log.
    init(head: ProgressFileReader.Head) {
        loaded = head.document
        if head.log.count > 0 {
            pending = head.log
            orderedFrom = head.orderedFrom ?? head.log.count
        } else {
            pending = nil
            orderedFrom = Self.orderedFrom(head.document.reviews)
        }
    }

    /// The smallest `k` such that `reviews[k...]` is in time order.
    static func orderedFrom(_ reviews: [ReviewLogEntry]) -> Int {
        var k = reviews.count - 1
        while k > 0 && reviews[k - 1].time <= reviews[k].time { k -= 1 }
        return max(k, 0)
    }

    /// Whether the whole log is decoded.
    var isLogLoaded: Bool { pending == nil }

    /// How many reviews the log holds.
    var reviewCount: Int { (pending?.count ?? 0) + loaded.reviews.count }

    /// The whole document, the log decoded first if it was not.
    mutating func document() throws(ProgressError) -> ProgressDocument {
        try loadLog()
        return loaded
    }

    /// Decodes the rest of the log.
    mutating func loadLog() throws(ProgressError) {
        guard let pending else { return }
        let (reviews, phases, read) = try pending.decodeAll()
        logBytesReadBefore += pending.bytesRead + read
        loaded.reviews = reviews + loaded.reviews
        loaded.phasesBefore = phases + loaded.phasesBefore
        self.pending = nil
        orderedFrom = Self.orderedFrom(loaded.reviews)
    }

    /// Moves the last undecoded review into `loaded` if `loaded` has none, so `loaded.reviews.last`
    /// is the last review of the log.
    mutating func decodeLast() throws(ProgressError) {
        guard loaded.reviews.isEmpty, var log = pending else { return }
        pending = nil  // so `log` is the only owner of its offsets, and removing one copies nothing
        let review: StoredReview
        do {
            review = try log.removeLast()
        } catch {
            pending = log
            throw error
        }
        loaded.reviews = [review.entry]
        loaded.phasesBefore = [review.phaseBefore]
        if log.count == 0 { logBytesReadBefore += log.bytesRead }
        pending = log.count == 0 ? nil : log
    }

    /// The last review, if any.
    mutating func lastReview() throws(ProgressError) -> ReviewLogEntry? {
        try decodeLast()
        return loaded.reviews.last
    }

    /// Why `event` cannot be applied, or `nil` if it can.
    mutating func problem(applying event: ProgressJournalEvent) throws(ProgressError) -> String? {
        try decodeLast()
        return loaded.problem(applying: event)
    }

    /// Applies `event`, or explains why it cannot.
    mutating func apply(_ event: ProgressJournalEvent) throws(ProgressError) -> String? {
        try decodeLast()
        let before = reviewCount
        let lastTime = loaded.reviews.last?.time
        if let problem = loaded.apply(event) { return problem }
        let after = reviewCount
        if after > before, let lastTime, let time = event.entry?.time, time < lastTime {
            orderedFrom = after - 1
        }
        orderedFrom = min(orderedFrom, after)
        return nil
    }

    /// Replaces the decoded document (the log must be decoded).
    mutating func replace(with document: ProgressDocument) {
        loaded = document
        pending = nil
        orderedFrom = Self.orderedFrom(document.reviews)
    }

    /// The reviews at or after `date`, oldest first, decoding only the end of the log when it is
    /// in time order there.
    mutating func reviews(since date: Date) throws(ProgressError) -> [ReviewLogEntry] {
        let decodedStart = pending?.count ?? 0
        var found: [ReviewLogEntry] = []
        var index = reviewCount - 1
        while index >= 0 {
            let entry =
                index >= decodedStart
                ? loaded.reviews[index - decodedStart] : try pending!.review(at: index).entry
            if entry.time >= date {
                found.append(entry)
            } else if index >= orderedFrom {
                // Every review from `orderedFrom` to here is older still; the ones before
                // `orderedFrom` are in no known order and are all looked at.
                index = orderedFrom
            }
            index -= 1
        }
        return found.reversed()
    }
}
