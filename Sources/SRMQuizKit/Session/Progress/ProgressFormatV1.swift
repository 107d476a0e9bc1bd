import Foundation

/// The first progress layout (`"format": 1`), read only to migrate it.
///
/// It had no scheduler settings (FSRS with default settings was implied) and no `updated` time;
/// each review named its item as `item` and gave its rating as a word (`"again"`, `"hard"`,
/// `"good"`, `"easy"`) and had no duration or mode. Cards were as in format 2.
struct ProgressFormatV1: Decodable {
    var learner: String
    var created: Date
    var cards: [String: Card]
    var reviews: [Review]

    struct Review: Decodable {
        var item: String
        var time: Date
        var rating: Rating
        var answer: String?
        var correct: Bool?

        enum CodingKeys: String, CodingKey { case item, time, rating, answer, correct }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            item = try c.decode(String.self, forKey: .item)
            time = try c.decode(Date.self, forKey: .time)
            let word = try c.decode(String.self, forKey: .rating)
            guard
                let rating = Rating.allCases.first(where: { $0.displayName.lowercased() == word.lowercased() }
                )
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: .rating, in: c,
                    debugDescription: "expected again, hard, good or easy, found \"\(word)\"")
            }
            self.rating = rating
            answer = try c.decodeIfPresent(String.self, forKey: .answer)
            correct = try c.decodeIfPresent(Bool.self, forKey: .correct)
        }
    }

    enum CodingKeys: String, CodingKey { case learner, created, cards, reviews }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        learner = try c.decode(String.self, forKey: .learner)
        created = try c.decode(Date.self, forKey: .created)
        cards = try c.decodeIfPresent([String: Card].self, forKey: .cards) ?? [:]
        reviews = try c.decodeIfPresent([Review].self, forKey: .reviews) ?? []
    }

    /// The same progress as format 2 held it: default settings, `updated` from the last
    /// review, no phases before reviews (unknown) and no undo history.
    func migrated() -> LegacyProgress {
        let entries = reviews.map {
            ReviewLogEntry(
                itemID: $0.item, time: $0.time, rating: $0.rating, answer: $0.answer, correct: $0.correct)
        }
        return LegacyProgress(
            learner: learner, created: created, updated: max(entries.map(\.time).max() ?? created, created),
            cards: cards, reviews: entries, phasesBefore: entries.map { _ in nil })
    }
}
