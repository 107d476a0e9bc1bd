extension SchedulerSettings {
    /// The scheduler these settings choose, after checking them.
    /// - Throws: ``SchedulerSettingsError`` naming the first setting out of range.
    public func makeScheduler() throws -> any Scheduler {
        try validate()
        switch kind {
        case .fsrs: return try FSRSScheduler(settings: self)
        case .sm2: return try SM2Scheduler(settings: self)
        }
    }

    /// Checks every setting, whichever the kind (so switching algorithm cannot fail later).
    /// - Throws: ``SchedulerSettingsError`` naming the first setting out of range.
    public func validate() throws(SchedulerSettingsError) {
        if let parameters { try FSRSParameters.validate(parameters) }
        guard SchedulerSettingsError.retentionRange.contains(desiredRetention) else {
            throw .retentionOutOfRange(desiredRetention)
        }
        try FSRSScheduler.validateSteps(learningSteps, field: "learningSteps")
        try FSRSScheduler.validateSteps(relearningSteps, field: "relearningSteps")
        guard maximumInterval >= 1 else { throw .invalidMaximumInterval(maximumInterval) }
    }
}
