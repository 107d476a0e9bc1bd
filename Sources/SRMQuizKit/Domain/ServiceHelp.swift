/// A customer responsibility and the AWS services that help the customer carry it out, for
/// "which service helps with this responsibility?" questions.
///
/// `answers` are the services that help; `alsoHelps` are services that help too but less
/// directly, so they are never offered as wrong answers; every other service of the `family` is a
/// possible wrong answer.
public struct ServiceHelp: Sendable, Hashable, Codable, Identifiable {
    /// Stable key, such as `find-unpatched-instances`. Progress is keyed by it.
    public var id: String
    /// The ``ToolFamily`` the wrong answers come from.
    public var family: String
    /// The situation, a full sentence naming what the customer must do.
    public var need: String
    /// Service ids that help; one of them is the key of each generated item.
    public var answers: [String]
    /// Service ids that also help and must never be a wrong answer.
    public var alsoHelps: [String]
    /// Why the answers help, shown after the learner answers.
    public var reason: String
    /// Facts this need relates to (for siblings), if any.
    public var facts: [String]
    /// Source keys or URLs.
    public var sources: [String]

    public init(
        id: String, family: String, need: String, answers: [String], alsoHelps: [String] = [],
        reason: String, facts: [String] = [], sources: [String]
    ) {
        self.id = id
        self.family = family
        self.need = need
        self.answers = answers
        self.alsoHelps = alsoHelps
        self.reason = reason
        self.facts = facts
        self.sources = sources
    }
}
