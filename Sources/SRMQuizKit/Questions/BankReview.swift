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
        let runs = QuestionGenerator.kindRuns(parts: parts)
        // The generator's index and the empty tally are made at once. The pools are made in the
        // run that makes the choice items, beside the other runs.
        nonisolated(unsafe) var generator: QuestionGenerator?
        nonisolated(unsafe) var tally: BankStatistics.Tally?
        _ = ParallelMap.map(2) { index in
            if index == 0 {
                generator = QuestionGenerator(bank: bank, poolsUpFront: false)
            } else {
                tally = BankStatistics.Tally(bank: bank)
            }
        }
        let pass = BankLint.Pass(bank: bank)
        func review(
            _ kinds: Range<Int>, seen: QuestionGenerator.UniqueItems, generator: QuestionGenerator,
            tally: BankStatistics.Tally
        ) -> Run {
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
        guard let generator, let tally else { fatalError("ParallelMap runs every piece") }
        let made = ParallelMap.map(runs.count) {
            RunBox(
                review(runs[$0], seen: .init(roomFor: runs[$0], of: bank), generator: generator, tally: tally)
            )
        }
        // Whether each run's ids and prompts are apart from every earlier run's: the checks are
        // made at once, the ids' and the prompts' side by side.
        let pairs = made.indices.flatMap { later in (0..<later).map { (earlier: $0, later: later) } }
        let apart = ParallelMap.map(pairs.count * 2) { index in
            let pair = pairs[index / 2]
            let (earlier, later) = (made[pair.earlier].run.seen, made[pair.later].run.seen)
            return index % 2 == 0
                ? earlier.ids.isDisjoint(with: later.ids) : earlier.prompts.isDisjoint(with: later.prompts)
        }
        var joinedTally = made[0].run.tally
        var joinedPass = made[0].run.pass
        for index in made.indices.dropFirst() {
            var meets = pairs.indices.contains {
                pairs[$0].later == index && !(apart[2 * $0] && apart[2 * $0 + 1])
            }
            if !meets && runsRedone > 0 {
                // An earlier run was made again: check against what the earlier runs hold now.
                meets = !made[..<index].allSatisfy { made[index].run.seen.isDisjoint(with: $0.run.seen) }
            }
            if meets {
                // Made again after every earlier run, knowing their ids and prompts.
                var all = QuestionGenerator.UniqueItems()
                for earlier in made[..<index] { all.formUnion(earlier.run.seen) }
                made[index].run = review(runs[index], seen: all, generator: generator, tally: tally)
                runsRedone += 1
            }
            joinedTally.merge(made[index].run.tally)
            joinedPass.merge(made[index].run.pass)
        }
        if !joinedPass.lint.findings.isEmpty {
            joinedPass.lint.findings = BankLint.inGeneratedOrder(
                joinedPass.lint.findings, ids: made.flatMap(\.run.ids), seed: seed)
        }
        // Each run's ids and prompts (every item's) are let go on a processor of their own.
        _ = ParallelMap.map(made.count) { made[$0].release() }
        lint = joinedPass.finished()
        statistics = joinedTally.statistics
    }

    /// One run's results, let go of on any thread once joined.
    private final class RunBox: @unchecked Sendable {
        private var kept: Run?
        var run: Run {
            get { kept! }
            set { kept = newValue }
        }
        init(_ run: Run) { kept = run }
        func release() { kept = nil }
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
