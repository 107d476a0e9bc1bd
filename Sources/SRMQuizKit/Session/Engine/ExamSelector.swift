/// Chooses the questions of an exam or a printed sheet: a seeded mix in the style of the AWS
/// certification exams.
///
/// It prefers the exam-like kinds (`scenario`, `multiple-choice`, `multiple-response`, `contrast`,
/// `service-help`) and falls back on the other kinds with choices only when those run out; about
/// 22% of the questions are multiple response when the pool has them; it asks at most one
/// question per fact (``Item/testedFacts``) unless `count` exceeds what the pool can give that
/// way, and never puts siblings next to each other when it can avoid it. Flashcards are never
/// chosen, and true/false items only when asked for (the real exam has none).
package enum ExamSelector {
    /// The kinds an exam prefers.
    package static let preferredKinds: Set<ItemKind> = [
        .scenario, .multipleChoice, .multipleResponse, .contrast,
        .serviceHelp,
    ]
    /// The share of multiple-response questions aimed for.
    package static let multipleResponseShare = 0.22

    /// Up to `count` items from `pool`, chosen and ordered by `seed`.
    package static func select(from pool: [Item], count: Int, seed: UInt64, includeTrueFalse: Bool = false)
        -> [Item]
    {
        var rng = SeededGenerator(seed: seed ^ 0x4558_414D)  // "EXAM": independent of the generator's own use
        let eligible = pool.filter {
            $0.kind.hasChoices && !$0.choices.isEmpty && !$0.answers.isEmpty
                && (includeTrueFalse || $0.kind != .trueFalse)
        }
        .sorted { $0.id < $1.id }
        let shuffled = SeededShuffle.shuffled(eligible, using: &rng)
        let multi = shuffled.filter { $0.isMultipleResponse }
        let preferredSingle = shuffled.filter { !$0.isMultipleResponse && preferredKinds.contains($0.kind) }
        let otherSingle = shuffled.filter { !$0.isMultipleResponse && !preferredKinds.contains($0.kind) }

        let wantMulti = min(multi.count, Int((Double(count) * multipleResponseShare).rounded()))
        var chosen: [Item] = []
        var usedFacts: Set<String> = []
        func take(from list: [Item], upTo limit: Int, onePerFact: Bool = true) {
            var taken = 0
            for item in list where taken < limit && chosen.count < count {
                if chosen.contains(where: { $0.id == item.id }) { continue }
                if onePerFact && !usedFacts.isDisjoint(with: item.testedFacts) { continue }
                chosen.append(item)
                usedFacts.formUnion(item.testedFacts)
                taken += 1
            }
        }
        // At most one question per fact…
        take(from: multi, upTo: wantMulti)
        take(from: preferredSingle, upTo: count)
        take(from: otherSingle, upTo: count)
        take(from: multi, upTo: count)
        // …unless more questions are asked for than the bank has facts (a long class quiz).
        take(from: preferredSingle + otherSingle + multi, upTo: count, onePerFact: false)
        return SiblingSpacing.spread(SeededShuffle.shuffled(chosen, using: &rng))
    }
}
