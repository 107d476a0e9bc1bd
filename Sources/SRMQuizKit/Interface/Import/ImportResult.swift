/// What an import produced: the questions that converted and the problems with the rest.
public struct ImportResult: Sendable, Hashable {
    public var questions: [AuthoredQuestion]
    public var problems: [ImportProblem]
    /// How many questions had no source and were given the default one.
    public var defaultedSources: Int
    /// How many questions had no explanation and were given "The answer is: …".
    public var defaultedExplanations: Int

    public init(
        questions: [AuthoredQuestion] = [], problems: [ImportProblem] = [], defaultedSources: Int = 0,
        defaultedExplanations: Int = 0
    ) {
        self.questions = questions
        self.problems = problems
        self.defaultedSources = defaultedSources
        self.defaultedExplanations = defaultedExplanations
    }
}
