/// A customer responsibility and the AWS services that help the customer carry it out, for
/// "which service helps with this responsibility?" questions.
///
/// `answers` are the services that help; `alsoHelps` are services that help too but less
/// directly, so they are never offered as wrong answers; every other service of the `family` is a
/// possible wrong answer.
package struct ServiceHelp: Sendable, Hashable, Codable, Identifiable {
    /// Stable key, such as `find-unpatched-instances`.
    ///
    /// Progress is keyed by it.
    package var id: String
    /// The ``ToolFamily`` the wrong answers come from.
    package var family: String
    /// The situation, a full sentence naming what the customer must do.
    package var need: String
    /// Service ids that help; one of them is the key of each generated item.
    package var answers: [String]
    /// Service ids that also help and must never be a wrong answer.
    package var alsoHelps: [String]
    /// Why the answers help, shown after the learner answers.
    package var reason: String
    /// Facts this need relates to (for siblings), if any.
    package var facts: [String]
    /// Source keys or URLs.
    package var sources: [String]

    package init(
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
