/// Recomputes cards from the review log, the source of truth (after changing the scheduler or its
/// desired retention).
///
/// Reproducible: each item's fuzz comes from a generator seeded by ``seed(for:)``, fed that item's
/// reviews in log order.
package enum ProgressRebuilder {
    /// What a rebuild produces.
    package struct Result: Sendable, Hashable {
        /// Each reviewed item's card, plus the unreviewed cards kept as they were.
        package var cards: [String: Card]
        /// The phase of each review's card before it (same indices as the log).
        package var phasesBefore: [CardPhase?]
        /// The card after each review (same indices as the log).
        package var after: [Card]
    }

    /// A seed derived from the item id alone (64-bit FNV-1a of its UTF-8), stable across runs,
    /// platforms and versions.
    package static func seed(for itemID: String) -> UInt64 {
        var hash = FNV1a()
        var id = itemID
        id.withUTF8 { hash.add($0) }
        return hash.value
    }

    /// Folds `log` through `scheduler`: each item starts as a new card due at its first review and
    /// takes its reviews in log order.
    ///
    /// Cards in `existing` without reviews are kept.
    package static func rebuild(
        log: [ReviewLogEntry], existing: [String: Card], scheduler: any Scheduler
    ) -> Result {
        var cards: [String: Card] = [:]
        var generators: [String: SeededGenerator] = [:]
        var phases: [CardPhase?] = []
        var after: [Card] = []
        phases.reserveCapacity(log.count)
        after.reserveCapacity(log.count)
        for entry in log {
            let card = cards[entry.itemID] ?? Card.new(at: entry.time)
            var rng = generators[entry.itemID] ?? SeededGenerator(seed: seed(for: entry.itemID))
            phases.append(card.phase)
            let next = scheduler.review(card, rating: entry.rating, at: entry.time, rng: &rng)
            cards[entry.itemID] = next
            after.append(next)
            generators[entry.itemID] = rng
        }
        for (id, card) in existing where cards[id] == nil { cards[id] = card }
        return Result(cards: cards, phasesBefore: phases, after: after)
    }
}
