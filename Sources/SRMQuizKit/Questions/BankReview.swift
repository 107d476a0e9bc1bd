import Foundation

/// The counts and the lint of the items a bank yields, worked out on one pass.
///
/// Items are looked at while they are generated, so `srmquiz bank validate` never holds every
/// item of a large bank. The same
/// result as ``BankStatistics/init(bank:items:)`` and ``BankLint/init(bank:items:)`` on
/// `QuestionGenerator(bank:).generate(seed:)`, findings in the same order.
///
/// The kinds of item are split into runs (``QuestionGenerator/kindRuns(parts:)``) made, counted
/// and linted concurrently, each keeping the first id and prompt among its own items; the results
/// are joined in order. A run whose ids or prompts meet an earlier run's (which the kinds' wording
/// makes unlikely, but a bank's texts could) is made again after the earlier ones, knowing theirs.
package struct BankReview: Sendable {
    package var statistics: BankStatistics
    package var lint: BankLint
    /// How many runs of kinds were made again after the earlier ones (see above).
    package private(set) var runsRedone = 0

    /// Generates `bank`'s items under `seed` and counts and lints them, in up to `parts` runs
    /// at once.
    package init(bank: Bank, seed: UInt64 = 0, parts: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let generator = QuestionGenerator(bank: bank)
        let runs = QuestionGenerator.kindRuns(parts: parts)
        let tally = BankStatistics.Tally(bank: bank)
        let pass = BankLint.Pass(bank: bank)
        func review(_ kinds: Range<Int>, seen: QuestionGenerator.UniqueItems) -> Run {
            var seen = seen
            var tally = tally
            var pass = pass
            var ids: [String] = []
            generator.forEachItem(seed: seed, kinds: kinds, seen: &seen) { item, prompt in
                pass.add(item, lowercasedPrompt: prompt)
                ids.append(item.id)
                tally.add(item)
            }
            return Run(tally: tally, pass: pass, ids: ids, seen: seen)
        }
        var made = ParallelMap.map(runs.count) { index in
            let expected = QuestionGenerator.expectedItems(kinds: runs[index], facts: bank.facts.count)
            return review(runs[index], seen: .init(reservingCapacity: expected))
        }
        var joined = made[0]
        var earlier = [joined.seen]
        for index in made.indices.dropFirst() {
            var run = made[index]
            made[index].ids = []
            if !earlier.allSatisfy(run.seen.isDisjoint(with:)) {
                var all = QuestionGenerator.UniqueItems()
                for seen in earlier { all.formUnion(seen) }
                run = review(runs[index], seen: all)
                runsRedone += 1
            }
            joined.tally.merge(run.tally)
            joined.pass.merge(run.pass)
            joined.ids += run.ids
            earlier.append(run.seen)
        }
        joined.pass.lint.findings = BankLint.inGeneratedOrder(
            joined.pass.lint.findings, ids: joined.ids, seed: seed)
        lint = joined.pass.finished()
        statistics = joined.tally.statistics
    }

    /// What one run of kinds yielded.
    private struct Run {
        var tally: BankStatistics.Tally
        var pass: BankLint.Pass
        /// The ids of the items kept, in order.
        var ids: [String]
        /// The ids and prompts the run recorded.
        var seen: QuestionGenerator.UniqueItems
    }
}
