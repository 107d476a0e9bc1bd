/// One player's answer to one question of a class session.
package struct ClassResponse: Sendable, Hashable, Codable {
    package var player: String
    /// The letters given; `nil` for no answer or an answer after the timer.
    package var answer: [String]?
    package var correct: Bool
    /// Seconds from showing the question to the answer line, in milliseconds.
    package var timeMs: Int
    /// Whether the answer came after the timer (and so counts as unanswered).
    package var late: Bool
    package var points: Int

    package init(
        player: String, answer: [String]?, correct: Bool, timeMs: Int, late: Bool = false, points: Int
    ) {
        self.player = player
        self.answer = answer
        self.correct = correct
        self.timeMs = timeMs
        self.late = late
        self.points = points
    }
}
