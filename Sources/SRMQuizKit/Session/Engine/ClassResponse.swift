/// One player's answer to one question of a class session.
public struct ClassResponse: Sendable, Hashable, Codable {
    public var player: String
    /// The letters given; `nil` for no answer or an answer after the timer.
    public var answer: [String]?
    public var correct: Bool
    /// Seconds from showing the question to the answer line, in milliseconds.
    public var timeMs: Int
    /// Whether the answer came after the timer (and so counts as unanswered).
    public var late: Bool
    public var points: Int

    public init(
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
