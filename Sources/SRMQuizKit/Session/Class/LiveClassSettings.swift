/// How a live class runs: set by `srmquiz class host`.
package struct LiveClassSettings: Sendable, Hashable {
    /// The join code students type.
    package var pin: String
    /// Seconds per question.
    package var timerSeconds: Double
    /// The most players that may join.
    package var maxPlayers: Int
    /// Seconds after a question's results before the next question opens by itself; `nil` waits
    /// for the instructor.
    package var autoAdvanceSeconds: Double?
    /// Starts by itself once this many players have joined; `nil` waits for the instructor.
    package var startWhen: Int?

    /// The longest name accepted.
    package static let maximumNameLength = 30

    package init(
        pin: String, timerSeconds: Double = 20, maxPlayers: Int = 200, autoAdvanceSeconds: Double? = nil,
        startWhen: Int? = nil
    ) {
        self.pin = pin
        self.timerSeconds = timerSeconds
        self.maxPlayers = maxPlayers
        self.autoAdvanceSeconds = autoAdvanceSeconds
        self.startWhen = startWhen
    }
}
