/// One review from a review log: which card, when (milliseconds since the Unix epoch), how rated,
/// and the line it came from.
public struct RevlogRow: Sendable, Hashable {
    /// The latest `review_time` read: the last millisecond of 9999 (later times overflow the
    /// schedulers' microsecond arithmetic).
    public static let latestReviewTime: Int64 = 253_402_300_799_999

    public var cardID: Int64
    public var reviewTime: Int64
    public var rating: Rating
    /// The 1-based line number in the log.
    public var line: Int

    public init(cardID: Int64, reviewTime: Int64, rating: Rating, line: Int) {
        self.cardID = cardID
        self.reviewTime = reviewTime
        self.rating = rating
        self.line = line
    }
}
