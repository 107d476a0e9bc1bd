/// Reads questions from the text of one file format. Pure: no I/O.
public protocol QuestionImporter: Sendable {
    /// The questions as written in `text`, and the problems with what could not be read.
    func drafts(from text: String) -> (drafts: [ImportDraft], problems: [ImportProblem])
}

extension QuestionImporter {
    /// Reads `text` and turns it into bank questions (see ``ImportAssembler``).
    public func importQuestions(
        from text: String, defaultSource: String = ImportAssembler.defaultSource
    ) -> ImportResult {
        let read = drafts(from: text)
        return ImportAssembler(defaultSource: defaultSource).assemble(read.drafts, problems: read.problems)
    }
}
