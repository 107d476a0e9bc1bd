import Foundation

extension ReviewRecorder {
    /// Records one live-class answer at `date`, with mode `class`: Good when right, Again when
    /// wrong (as for exams).
    package func recordClassAnswer(
        itemID: String, correct: Bool, answer: [String], timeMs: Int, at date: Date
    )
        throws
    {
        var rng = SeededGenerator(
            seed: UInt64(bitPattern: Int64(date.timeIntervalSince1970 * 1000)) ^ StableHash.fnv1a(itemID))
        let rating: Rating = correct ? .good : .again
        let card = store.cards[itemID] ?? Card.new(at: date)
        let next = scheduler.review(card, rating: rating, at: date, rng: &rng)
        let entry = ReviewLogEntry(
            itemID: itemID, time: date, rating: rating, answer: answer.joined(separator: ","),
            correct: correct,
            durationMs: timeMs, mode: "class")
        try store.record(entry, card: next)
    }
}
