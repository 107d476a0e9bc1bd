/// What an import produced: the questions that converted and the problems with the rest.
package struct ImportResult: Sendable, Hashable {
    package var questions: [AuthoredQuestion]
    package var problems: [ImportProblem]
    /// How many questions had no source and were given the default one.
    package var defaultedSources: Int
    /// How many questions had no explanation and were given "The answer is: …".
    package var defaultedExplanations: Int
    /// How many questions kept per-choice feedback in their explanation ("Why not b: …").
    package var keptFeedback: Int
    /// How many category lines the file held (not questions).
    package var categories: Int
    /// How many descriptions the file held (not questions).
    package var descriptions: Int

    package init(
        questions: [AuthoredQuestion] = [], problems: [ImportProblem] = [], defaultedSources: Int = 0,
        defaultedExplanations: Int = 0, keptFeedback: Int = 0, categories: Int = 0, descriptions: Int = 0
    ) {
        self.questions = questions
        self.problems = problems
        self.defaultedSources = defaultedSources
        self.defaultedExplanations = defaultedExplanations
        self.keptFeedback = keptFeedback
        self.categories = categories
        self.descriptions = descriptions
    }

    /// Whether the file held nothing but categories and descriptions: no question, no problem.
    package var onlyCategoriesOrDescriptions: Bool {
        questions.isEmpty && problems.isEmpty
    }
}
