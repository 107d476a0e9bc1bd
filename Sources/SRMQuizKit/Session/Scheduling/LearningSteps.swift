/// Learning or relearning steps in whole seconds, with Anki's indexing and Hard delays
/// (Anki's `steps.rs`).
struct LearningSteps: Sendable {
    let seconds: [Int]

    /// Steps given in seconds, truncated to whole seconds.
    init(_ steps: [Double]) {
        seconds = steps.map { Int($0) }
    }

    var isEmpty: Bool { seconds.isEmpty }

    /// `step` kept within the steps (steps may have been shortened since).
    func index(_ step: Int) -> Int {
        min(max(step, 0), max(seconds.count - 1, 0))
    }

    /// Anki's Hard delay: the current step, except at the first step the mean of the first two
    /// steps, or with one step 1.5 × it (at most a day more); over a day, rounded to whole days
    /// in 32-bit floats.
    func hardDelay(_ index: Int) -> Int {
        guard index == 0 else { return seconds[index] }
        let day = 86_400
        let delay =
            seconds.count > 1
            ? (seconds[0] + seconds[1]) / 2
            : min(seconds[0] * 3 / 2, seconds[0] + day)
        guard delay > day else { return delay }
        return SM2Arithmetic.rounded(Float(delay) / Float(day)) * day
    }
}
