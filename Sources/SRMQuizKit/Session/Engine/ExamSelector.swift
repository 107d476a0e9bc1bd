/// Chooses the questions of an exam or a printed sheet: a seeded mix in the style of the AWS
/// certification exams.
///
/// It prefers the exam-like kinds (`scenario`, `multiple-choice`, `multiple-response`, `contrast`,
/// `service-help`) and falls back on the other kinds with choices only when those run out; about 22% of the
/// questions are multiple response when the pool has them; it avoids two questions on the same
/// fact while it can. Flashcards are never chosen.
public enum ExamSelector {
    /// The kinds an exam prefers.
    public static let preferredKinds: Set<ItemKind> = [
        .scenario, .multipleChoice, .multipleResponse, .contrast,
        .serviceHelp,
    ]
    /// The share of multiple-response questions aimed for.
    public static let multipleResponseShare = 0.22

    /// Up to `count` items from `pool`, chosen and ordered by `seed`.
    public static func select(from pool: [Item], count: Int, seed: UInt64) -> [Item] {
        var rng = SeededGenerator(seed: seed ^ 0x4558_414D)  // "EXAM": independent of the generator's own use
        let eligible = pool.filter { $0.kind.hasChoices && !$0.choices.isEmpty && !$0.answers.isEmpty }
            .sorted { $0.id < $1.id }
        let shuffled = SeededShuffle.shuffled(eligible, using: &rng)
        let multi = shuffled.filter { $0.isMultipleResponse }
        let preferredSingle = shuffled.filter { !$0.isMultipleResponse && preferredKinds.contains($0.kind) }
        let otherSingle = shuffled.filter { !$0.isMultipleResponse && !preferredKinds.contains($0.kind) }

        let wantMulti = min(multi.count, Int((Double(count) * multipleResponseShare).rounded()))
        var chosen: [Item] = []
        var usedFacts: Set<String> = []
        func take(from list: [Item], upTo limit: Int) {
            var taken = 0
            // First pass avoids siblings; the second fills in if there were not enough.
            for avoidSiblings in [true, false] {
                for item in list where taken < limit && chosen.count < count {
                    if chosen.contains(where: { $0.id == item.id }) { continue }
                    if avoidSiblings && !usedFacts.isDisjoint(with: item.facts) { continue }
                    chosen.append(item)
                    usedFacts.formUnion(item.facts)
                    taken += 1
                }
            }
        }
        take(from: multi, upTo: wantMulti)
        take(from: preferredSingle, upTo: count)
        take(from: otherSingle, upTo: count)
        take(from: multi, upTo: count)
        return SeededShuffle.shuffled(chosen, using: &rng)
    }
}
