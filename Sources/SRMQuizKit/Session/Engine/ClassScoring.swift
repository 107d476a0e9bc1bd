/// Points in a class session, as in Kahoot.
package enum ClassScoring {
    /// Points for the full answer.
    package static let maximum = 1000

    /// Points for one answer: with a timer of `timer` seconds and the speed bonus, a correct answer
    /// after `elapsed` seconds earns round(1000 × (1 − (elapsed / timer) / 2)), so 1000 at once and
    /// 500 at the buzzer; without the bonus, or without a timer, 1000.
    ///
    /// Wrong answers, and answers after the timer, earn 0.
    package static func points(correct: Bool, elapsed: Double, timer: Double?, speedBonus: Bool) -> Int {
        guard correct else { return 0 }
        guard let timer, timer > 0 else { return maximum }
        guard elapsed <= timer else { return 0 }
        guard speedBonus else { return maximum }
        let fraction = max(0, elapsed) / timer
        return Int((Double(maximum) * (1 - fraction / 2)).rounded())
    }

    /// Competition ranks for `scores` (1, 1, 3 for two tied leaders), in the order given.
    package static func ranks(_ scores: [Int]) -> [Int] {
        scores.map { score in 1 + scores.filter { $0 > score }.count }
    }
}
