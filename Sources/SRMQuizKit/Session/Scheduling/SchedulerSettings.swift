import Foundation

/// The scheduler a learner uses and its settings, kept in the progress file.
///
/// Decoding gives every missing key its default, so a file written before a setting existed
/// still loads (a test checks that decoding `{}` gives ``init()``'s values).
public struct SchedulerSettings: Sendable, Hashable, Codable {
    /// The scheduling algorithm.
    public var kind: SchedulerKind
    /// FSRS desired retention, 0.70 to 0.99.
    public var desiredRetention: Double
    /// FSRS-6 parameters (21), or `nil` for the defaults.
    public var parameters: [Double]?
    /// Learning steps, in seconds (default 60 and 600).
    public var learningSteps: [Double]
    /// Relearning steps, in seconds (default 600).
    public var relearningSteps: [Double]
    /// The longest interval, in days.
    public var maximumInterval: Int
    /// Whether intervals are fuzzed (on in real use).
    public var fuzz: Bool
    /// New items introduced per day.
    public var newPerDay: Int
    /// SM-2: the hour (0 to 23) at which a study day starts, as Anki's "next day starts at"
    /// (default 4).
    public var dayStartsAt: Int
    /// SM-2: the time zone (an IANA name such as `Europe/Berlin`) whose clock days start on, or
    /// `nil` for the system's (`TZ` respected).
    ///
    /// Recorded in the progress file so a learner who travels keeps the same days.
    public var timeZone: String?

    /// Settings with the given values; the defaults are those of a new learner.
    public init(
        kind: SchedulerKind = .fsrs, desiredRetention: Double = 0.9, parameters: [Double]? = nil,
        learningSteps: [Double] = [60, 600], relearningSteps: [Double] = [600],
        maximumInterval: Int = 36500, fuzz: Bool = true, newPerDay: Int = 20,
        dayStartsAt: Int = StudyDay.defaultRolloverHour, timeZone: String? = nil
    ) {
        self.kind = kind
        self.desiredRetention = desiredRetention
        self.parameters = parameters
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzz = fuzz
        self.newPerDay = newPerDay
        self.dayStartsAt = dayStartsAt
        self.timeZone = timeZone
    }

    enum CodingKeys: String, CodingKey {
        case kind, desiredRetention, parameters, learningSteps, relearningSteps, maximumInterval, fuzz,
            newPerDay, dayStartsAt, timeZone
    }

    /// Reads settings with the default for every missing key, so a file written before a setting
    /// existed still loads (a test checks that decoding `{}` gives ``init()``'s values).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SchedulerSettings()
        kind = try c.decodeIfPresent(SchedulerKind.self, forKey: .kind) ?? d.kind
        desiredRetention =
            try c.decodeIfPresent(Double.self, forKey: .desiredRetention) ?? d.desiredRetention
        parameters = try c.decodeIfPresent([Double].self, forKey: .parameters) ?? d.parameters
        learningSteps = try c.decodeIfPresent([Double].self, forKey: .learningSteps) ?? d.learningSteps
        relearningSteps =
            try c.decodeIfPresent([Double].self, forKey: .relearningSteps) ?? d.relearningSteps
        maximumInterval =
            try c.decodeIfPresent(Int.self, forKey: .maximumInterval) ?? d.maximumInterval
        fuzz = try c.decodeIfPresent(Bool.self, forKey: .fuzz) ?? d.fuzz
        newPerDay = try c.decodeIfPresent(Int.self, forKey: .newPerDay) ?? d.newPerDay
        dayStartsAt = try c.decodeIfPresent(Int.self, forKey: .dayStartsAt) ?? d.dayStartsAt
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone) ?? d.timeZone
    }

    /// Writes every setting, defaults included.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(desiredRetention, forKey: .desiredRetention)
        try c.encodeIfPresent(parameters, forKey: .parameters)
        try c.encode(learningSteps, forKey: .learningSteps)
        try c.encode(relearningSteps, forKey: .relearningSteps)
        try c.encode(maximumInterval, forKey: .maximumInterval)
        try c.encode(fuzz, forKey: .fuzz)
        try c.encode(newPerDay, forKey: .newPerDay)
        try c.encode(dayStartsAt, forKey: .dayStartsAt)
        try c.encodeIfPresent(timeZone, forKey: .timeZone)
    }
}
