/// Why scheduler settings cannot be used.
public enum SchedulerSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The FSRS parameters are not 21 values.
    case wrongParameterCount(Int)
    /// One FSRS parameter lies outside its allowed range.
    case parameterOutOfRange(index: Int, value: Double, lower: Double, upper: Double)
    /// The desired retention lies outside 0.70...0.99.
    case retentionOutOfRange(Double)
    /// A learning or relearning step is negative, zero or not finite.
    case invalidStep(field: String, index: Int, value: Double)
    /// The maximum interval is less than one day.
    case invalidMaximumInterval(Int)
    /// The hour a study day starts at lies outside 0...23.
    case dayStartOutOfRange(Int)
    /// The time zone is not a known IANA time zone name.
    case unknownTimeZone(String)

    /// The allowed desired retentions.
    package static let retentionRange: ClosedRange<Double> = 0.70...0.99

    /// What is wrong and what was expected, for the learner.
    public var description: String {
        switch self {
        case .wrongParameterCount(let count):
            "scheduler settings: parameters: expected \(FSRSParameters.count) FSRS-6 parameters, got \(count)"
        case .parameterOutOfRange(let index, let value, let lower, let upper):
            "scheduler settings: parameters[\(index)] = \(value) is out of range: expected \(lower) to \(upper)"
        case .retentionOutOfRange(let value):
            "scheduler settings: desired retention \(value) is out of range: expected 0.70 to 0.99"
        case .invalidStep(let field, let index, let value):
            "scheduler settings: \(field)[\(index)] = \(value) seconds: expected a positive, finite number of seconds"
        case .invalidMaximumInterval(let value):
            "scheduler settings: maximum interval \(value) days: expected at least 1 day"
        case .dayStartOutOfRange(let value):
            "scheduler settings: dayStartsAt \(value): expected an hour from 0 to 23"
        case .unknownTimeZone(let name):
            "scheduler settings: timeZone \"\(name)\" is not a known time zone: expected an IANA name such as UTC or Europe/Berlin"
        }
    }
}
