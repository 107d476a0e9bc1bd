import Foundation

/// A question as read from a file, before ``ImportAssembler`` gives it an id, checks it against the
/// bank format's rules and fills in a missing source.
package struct ImportDraft: Sendable, Hashable {
    /// The 1-based line the question starts on.
    package var line: Int
    /// The id the file suggests (a GIFT title, a CSV `id`), if any.
    package var proposedID: String?
    package var style: AuthoredQuestion.Style
    package var prompt: String
    package var choices: [String]
    package var answers: [String]
    package var explanation: String
    package var sources: [String]
    package var services: [String]
    package var topics: [String]
    /// Per-choice feedback worth keeping ("Why not b: …"), added after the explanation.
    package var choiceFeedback: [String] = []

    package init(
        line: Int, proposedID: String? = nil, style: AuthoredQuestion.Style, prompt: String,
        choices: [String], answers: [String], explanation: String = "", sources: [String] = [],
        services: [String] = [], topics: [String] = []
    ) {
        self.line = line
        self.proposedID = proposedID
        self.style = style
        self.prompt = prompt
        self.choices = choices
        self.answers = answers
        self.explanation = explanation
        self.sources = sources
        self.services = services
        self.topics = topics
    }

    /// The style that fits `choices` and `answers`: true/false when the choices are True and
    /// False (in any case, with or without a final full stop), else single or multiple by the
    /// number of answers.
    static func style(choices: [String], answers: [String]) -> AuthoredQuestion.Style {
        let lower = Set(choices.map(truthWord))
        if choices.count == 2, lower == ["true", "false"], answers.count == 1 { return .trueFalse }
        return answers.count > 1 ? .multiple : .single
    }

    /// `True.` → `true`: lower-cased, trimmed, without a final full stop.
    static func truthWord(_ text: String) -> String {
        var word = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        return word
    }
}
