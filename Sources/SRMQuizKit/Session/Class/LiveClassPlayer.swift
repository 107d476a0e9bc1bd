/// One student in a live class.
package struct LiveClassPlayer: Sendable, Hashable {
    /// The name shown on the scoreboard (validated: 1–30 characters, no control characters).
    package var name: String
    /// The secret a client rejoins with after a reload or a dropped connection.
    package var token: String
    /// Whether a client is connected for this player now.
    package var connected: Bool
    /// Whether the instructor removed the player (their answers so far stay in the results).
    package var removed: Bool
    /// Points so far.
    package var score: Int

    package init(name: String, token: String, connected: Bool = true, removed: Bool = false, score: Int = 0) {
        self.name = name
        self.token = token
        self.connected = connected
        self.removed = removed
        self.score = score
    }
}
