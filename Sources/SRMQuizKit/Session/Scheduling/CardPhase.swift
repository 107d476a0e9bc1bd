/// Where a card is in its life.
public enum CardPhase: String, Sendable, Hashable, Codable, CaseIterable {
    /// Never reviewed.
    case new
    /// Being learned: short steps within a day.
    case learning
    /// Graduated: reviewed at growing intervals.
    case review
    /// Forgotten after graduating: short steps again.
    case relearning
}
