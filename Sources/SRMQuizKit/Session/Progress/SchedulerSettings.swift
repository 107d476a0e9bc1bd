/// The scheduler a learner uses and its settings, kept in the progress file.
public struct SchedulerSettings: Sendable, Hashable, Codable {
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

    public init(
        kind: SchedulerKind = .fsrs, desiredRetention: Double = 0.9, parameters: [Double]? = nil,
        learningSteps: [Double] = [60, 600], relearningSteps: [Double] = [600],
        maximumInterval: Int = 36500, fuzz: Bool = true, newPerDay: Int = 20
    ) {
        self.kind = kind
        self.desiredRetention = desiredRetention
        self.parameters = parameters
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzz = fuzz
        self.newPerDay = newPerDay
    }
}

extension SchedulerSettings {
    enum CodingKeys: String, CodingKey {
        case kind, desiredRetention, parameters, learningSteps, relearningSteps, maximumInterval, fuzz,
            newPerDay
    }

    /// Reads settings with the default for every missing key, so a file written before a setting
    /// existed still loads (a test checks that decoding `{}` gives ``init()``'s values).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SchedulerSettings()
        kind = try c.decodeIfPresent(SchedulerKind.self, forKey: .kind) ?? d.kind
        desiredRetention = try c.decodeIfPresent(Double.self, forKey: .desiredRetention) ?? d.desiredRetention
        parameters = try c.decodeIfPresent([Double].self, forKey: .parameters) ?? d.parameters
        learningSteps = try c.decodeIfPresent([Double].self, forKey: .learningSteps) ?? d.learningSteps
        relearningSteps = try c.decodeIfPresent([Double].self, forKey: .relearningSteps) ?? d.relearningSteps
        maximumInterval = try c.decodeIfPresent(Int.self, forKey: .maximumInterval) ?? d.maximumInterval
        fuzz = try c.decodeIfPresent(Bool.self, forKey: .fuzz) ?? d.fuzz
        newPerDay = try c.decodeIfPresent(Int.self, forKey: .newPerDay) ?? d.newPerDay
    }
}
