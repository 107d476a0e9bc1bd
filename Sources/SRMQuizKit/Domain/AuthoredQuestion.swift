/// A hand-written, exam-style question from a bank.
package struct AuthoredQuestion: Sendable, Hashable, Codable, Identifiable {
    /// How many answers a question takes.
    package enum Style: String, Sendable, Hashable, Codable, CaseIterable {
        /// One correct choice.
        case single
        /// "Choose TWO" (or more): several correct choices.
        case multiple
        /// True or false.
        case trueFalse = "true-false"
    }

    /// Stable key.
    ///
    /// Progress is keyed by it: never reuse one.
    package var id: String
    package var style: Style
    package var prompt: String
    /// The options, in authored order.
    ///
    /// For true/false: `["True", "False"]`.
    package var choices: [String]
    /// The correct options (each one of `choices`).
    package var answers: [String]
    package var explanation: String
    /// Source keys or URLs (at least one).
    package var sources: [String]
    /// Service ids the question is about.
    package var services: [String]
    /// Free topic tags.
    package var topics: [String]
    /// Fact ids the question tests (for siblings and reports).
    package var facts: [String]

    package init(
        id: String, style: Style, prompt: String, choices: [String], answers: [String],
        explanation: String, sources: [String], services: [String] = [], topics: [String] = [],
        facts: [String] = []
    ) {
        self.id = id
        self.style = style
        self.prompt = prompt
        self.choices = choices
        self.answers = answers
        self.explanation = explanation
        self.sources = sources
        self.services = services
        self.topics = topics
        self.facts = facts
    }
}
