/// The spaced-repetition algorithms on offer.
public enum SchedulerKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// FSRS-6 (the default).
    case fsrs
    /// Anki's variant of SM-2.
    case sm2
}
