/// What an import produced: the questions that converted and the problems with the rest.
public struct ImportResult: Sendable, Hashable {
    public var questions: [AuthoredQuestion]
    public var problems: [ImportProblem]
    /// How many questions had no source and were given the default one.
    public var defaultedSources: Int
    /// How many questions had no explanation and were given "The answer is: …".
    public var defaultedExplanations: Int
    /// How many questions kept per-choice feedback in their explanation ("Why not b: …").
    public var keptFeedback: Int
    /// How many category lines the file held (not questions).
    public var categories: Int
    /// How many descriptions the file held (not questions).
    public var descriptions: Int

    public init(
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
    public var onlyCategoriesOrDescriptions: Bool {
        questions.isEmpty && problems.isEmpty
    }
}
