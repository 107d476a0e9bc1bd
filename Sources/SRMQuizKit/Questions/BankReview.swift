/// The counts and the lint of the items a bank yields, worked out on one pass.
///
/// Items are looked at while they are generated, so `srmquiz bank validate` never holds every
/// item of a large bank. The same
/// result as ``BankStatistics/init(bank:items:)`` and ``BankLint/init(bank:items:)`` on
/// `QuestionGenerator(bank:).generate(seed:)`, findings in the same order.
package struct BankReview: Sendable {
    package var statistics: BankStatistics
    package var lint: BankLint

    /// Generates `bank`'s items under `seed` and counts and lints them one at a time.
    package init(bank: Bank, seed: UInt64 = 0) {
        let generator = QuestionGenerator(bank: bank)
        var tally = BankStatistics.Tally(bank: bank)
        lint = BankLint(generator: generator, seed: seed) { tally.add($0) }
        statistics = tally.statistics
    }
}
