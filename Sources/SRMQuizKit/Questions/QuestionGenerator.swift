/// Derives questions from the domain model, plus the bank's hand-written questions.
/// Deterministic for a seed; ids come from the model's keys.
public struct QuestionGenerator: Sendable {
    public let bank: Bank

    public init(bank: Bank) {
        self.bank = bank
    }

    /// Every item, in an order and with choice orders fixed by `seed`.
    public func generate(seed: UInt64 = 0) -> [Item] {
        []  // filled in by the foundation work
    }
}
