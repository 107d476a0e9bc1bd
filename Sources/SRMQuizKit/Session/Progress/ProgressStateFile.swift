import Foundation

/// The state file (`<learner>.json`, format 4): the learner, the scheduler settings, each item's
/// card, and how much of the review log the cards already reflect.
///
/// Read and written with `Codable` (the fast path in ``ProgressFastPath`` reads exactly what the
/// encoder writes).
struct ProgressStateFile: Codable, Sendable, Hashable {
    /// The format this program writes.
    static let currentFormat = 4
    /// The formats this program reads (1 and 2 are migrated; 3, without integrity checks, is sealed).
    static let readableFormats = 1...4

    var format = currentFormat
    var learner: String
    var created: Date
    var updated: Date
    var settings: SchedulerSettings
    /// How many lines of the log the cards reflect (see `logBytes`).
    var logLines: Int
    /// How many bytes the `logLines` lines take (the log's size when the state was written).
    var logBytes: Int
    /// Each item's card, by item id.
    var cards: [String: Card]
}

/// Just the `format` of a progress file, to tell format 3 from older ones.
struct ProgressFormatProbe: Decodable {
    var format: Int
}
