import Foundation

/// Everything a progress file holds (format 2): the learner, the scheduler settings, each item's
/// card and the full review log. See `docs/progress-format.md`.
public struct ProgressDocument: Sendable, Hashable {
    /// The format this program writes.
    public static let currentFormat = 2
    /// The formats this program reads (older ones are migrated on load).
    public static let readableFormats = 1...2
    /// How many of the latest answers keep the card they replaced, so they can be undone.
    public static let undoDepth = 100

    /// The learner's name (as given with `--learner`).
    public var learner: String
    /// When the file was created.
    public var created: Date
    /// When the file last changed.
    public var updated: Date
    /// The scheduler and its settings.
    public var settings: SchedulerSettings
    /// Each item's card, by item id. Cards of items no longer in any bank are kept.
    public var cards: [String: Card]
    /// Every answer, oldest first.
    public var reviews: [ReviewLogEntry]
    /// For each review (same indices as `reviews`), the phase of the card before it, when known.
    public var phasesBefore: [CardPhase?]
    /// The cards the latest answers replaced (`nil`: the item had no card), oldest first; the last
    /// element belongs to the last review. At most ``undoDepth``.
    public var undo: [Card?]
    /// How many journal events have been folded into this document (see the durability design).
    public var sequence: Int

    public init(
        learner: String, created: Date, updated: Date? = nil,
        settings: SchedulerSettings = SchedulerSettings(),
        cards: [String: Card] = [:], reviews: [ReviewLogEntry] = [], phasesBefore: [CardPhase?]? = nil,
        undo: [Card?] = [], sequence: Int = 0
    ) {
        self.learner = learner
        self.created = created
        self.updated = updated ?? created
        self.settings = settings
        self.cards = cards
        self.reviews = reviews
        self.phasesBefore = phasesBefore ?? Array(repeating: nil, count: reviews.count)
        self.undo = undo
        self.sequence = sequence
    }
}

extension ProgressDocument: Codable {
    enum CodingKeys: String, CodingKey {
        case format, learner, created, updated, settings, cards, reviews, undo, sequence
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(Int.self, forKey: .format)
        guard format == Self.currentFormat else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: c, debugDescription: "expected \(Self.currentFormat), found \(format)")
        }
        learner = try c.decode(String.self, forKey: .learner)
        created = try c.decode(Date.self, forKey: .created)
        updated = try c.decodeIfPresent(Date.self, forKey: .updated) ?? created
        settings =
            try c.decodeIfPresent(SettingsWithDefaults.self, forKey: .settings)?.settings
            ?? SchedulerSettings()
        cards = try c.decodeIfPresent([String: Card].self, forKey: .cards) ?? [:]
        let stored = try c.decodeIfPresent([StoredReview].self, forKey: .reviews) ?? []
        reviews = stored.map(\.entry)
        phasesBefore = stored.map(\.phaseBefore)
        undo = try c.decodeIfPresent([UndoStep].self, forKey: .undo)?.map(\.previous) ?? []
        guard undo.count <= reviews.count else {
            throw DecodingError.dataCorruptedError(
                forKey: .undo, in: c,
                debugDescription: "has \(undo.count) steps but there are only "
                    + "\(reviews.count) reviews")
        }
        sequence = try c.decodeIfPresent(Int.self, forKey: .sequence) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.currentFormat, forKey: .format)
        try c.encode(learner, forKey: .learner)
        try c.encode(created, forKey: .created)
        try c.encode(updated, forKey: .updated)
        try c.encode(settings, forKey: .settings)
        try c.encode(cards, forKey: .cards)
        try c.encode(
            zip(reviews, phasesBefore).map { StoredReview(entry: $0, phaseBefore: $1) }, forKey: .reviews)
        try c.encode(undo.map(UndoStep.init(previous:)), forKey: .undo)
        try c.encode(sequence, forKey: .sequence)
    }
}

/// A review as stored: the log entry plus the phase of the card before it.
struct StoredReview: Codable {
    var entry: ReviewLogEntry
    var phaseBefore: CardPhase?

    enum CodingKeys: String, CodingKey {
        case itemID, time, rating, answer, correct, durationMs, mode, phaseBefore
    }

    init(entry: ReviewLogEntry, phaseBefore: CardPhase?) {
        self.entry = entry
        self.phaseBefore = phaseBefore
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        entry = ReviewLogEntry(
            itemID: try c.decode(String.self, forKey: .itemID), time: try c.decode(Date.self, forKey: .time),
            rating: try c.decode(Rating.self, forKey: .rating),
            answer: try c.decodeIfPresent(String.self, forKey: .answer),
            correct: try c.decodeIfPresent(Bool.self, forKey: .correct),
            durationMs: try c.decodeIfPresent(Int.self, forKey: .durationMs),
            mode: try c.decodeIfPresent(String.self, forKey: .mode))
        phaseBefore = try c.decodeIfPresent(CardPhase.self, forKey: .phaseBefore)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entry.itemID, forKey: .itemID)
        try c.encode(entry.time, forKey: .time)
        try c.encode(entry.rating, forKey: .rating)
        try c.encodeIfPresent(entry.answer, forKey: .answer)
        try c.encodeIfPresent(entry.correct, forKey: .correct)
        try c.encodeIfPresent(entry.durationMs, forKey: .durationMs)
        try c.encodeIfPresent(entry.mode, forKey: .mode)
        try c.encodeIfPresent(phaseBefore, forKey: .phaseBefore)
    }
}

/// One element of the undo history: the card an answer replaced, absent if there was none.
struct UndoStep: Codable {
    var previous: Card?
}

/// Scheduler settings read with a default for every missing field, so a file written before a
/// setting existed still loads (``SchedulerSettings``'s own decoding does that).
struct SettingsWithDefaults: Decodable {
    var settings: SchedulerSettings

    init(from decoder: any Decoder) throws {
        settings = try SchedulerSettings(from: decoder)
    }
}
