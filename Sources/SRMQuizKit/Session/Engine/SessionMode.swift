/// What a session is for.
package enum SessionMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Spaced repetition: the reviews due today and some new items.
    case study
    /// Practice: a seeded random selection, recorded into the schedule unless told not to.
    case quiz
    /// Last-minute revision of chosen topics, hardest first; never touches the schedule.
    case cram
}
