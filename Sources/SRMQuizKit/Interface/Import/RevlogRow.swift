/// One review from a review log: which card, when (milliseconds since the Unix epoch), how rated,
/// and the line it came from.
package struct RevlogRow: Sendable, Hashable {
    /// The latest `review_time` read: the last millisecond of 9999 (later times overflow the
    /// schedulers' microsecond arithmetic).
    package static let latestReviewTime: Int64 = 253_402_300_799_999

    package var cardID: Int64
    package var reviewTime: Int64
    package var rating: Rating
    /// The 1-based line number in the log.
    package var line: Int

    package init(cardID: Int64, reviewTime: Int64, rating: Rating, line: Int) {
        self.cardID = cardID
        self.reviewTime = reviewTime
        self.rating = rating
        self.line = line
    }
}
