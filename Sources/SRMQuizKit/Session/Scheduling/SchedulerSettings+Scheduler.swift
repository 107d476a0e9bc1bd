import Foundation

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
    package func validate() throws(SchedulerSettingsError) {
        if let parameters { try FSRSParameters.validate(parameters) }
        guard SchedulerSettingsError.retentionRange.contains(desiredRetention) else {
            throw .retentionOutOfRange(desiredRetention)
        }
        try FSRSScheduler.validateSteps(learningSteps, field: "learningSteps")
        try FSRSScheduler.validateSteps(relearningSteps, field: "relearningSteps")
        guard maximumInterval >= 1 else { throw .invalidMaximumInterval(maximumInterval) }
        _ = try studyDay()
    }

    /// The SM-2 day rule these settings give: days start at ``dayStartsAt`` in ``timeZone``, or
    /// in `systemTimeZone` when no time zone is recorded.
    /// - Throws: ``SchedulerSettingsError`` for an hour outside 0...23 or an unknown time zone.
    package func studyDay(systemTimeZone: TimeZone = .current) throws(SchedulerSettingsError) -> StudyDay {
        guard StudyDay.rolloverHours.contains(dayStartsAt) else {
            throw .dayStartOutOfRange(dayStartsAt)
        }
        guard let timeZone else { return StudyDay(rolloverHour: dayStartsAt, timeZone: systemTimeZone) }
        guard let zone = TimeZone(identifier: timeZone) else { throw .unknownTimeZone(timeZone) }
        return StudyDay(rolloverHour: dayStartsAt, timeZone: zone)
    }

    /// These settings with the SM-2 day rule pinned, or `nil` when they already are: the
    /// system's time zone recorded when none is (so a learner who travels keeps the same days),
    /// and `dayStartsAt` when given.
    package func pinningStudyDay(dayStartsAt hour: Int? = nil, systemTimeZone: TimeZone = .current)
        -> SchedulerSettings?
    {
        var pinned = self
        if pinned.timeZone == nil { pinned.timeZone = systemTimeZone.identifier }
        if let hour { pinned.dayStartsAt = hour }
        return pinned == self ? nil : pinned
    }
}
