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
