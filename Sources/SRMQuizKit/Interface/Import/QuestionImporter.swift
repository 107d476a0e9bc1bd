/// Reads questions from the text of one file format.
///
/// Pure: no I/O.
package protocol QuestionImporter: Sendable {
    /// The questions as written in `text`, the problems with what could not be read, and what the
    /// file holds besides questions.
    func read(_ text: String) -> ImportRead
}

extension QuestionImporter {
    /// The questions as written in `text`, and the problems with what could not be read.
    package func drafts(from text: String) -> (drafts: [ImportDraft], problems: [ImportProblem]) {
        let read = read(text)
        return (read.drafts, read.problems)
    }

    /// Reads `text` and turns it into bank questions (see ``ImportAssembler``).
    package func importQuestions(
        from text: String, defaultSource: String = ImportAssembler.defaultSource
    ) -> ImportResult {
        let read = read(text)
        var result = ImportAssembler(defaultSource: defaultSource).assemble(
            read.drafts, problems: read.problems)
        result.categories = read.categories
        result.descriptions = read.descriptions
        return result
    }
}

/// What an importer read from a file, before ``ImportAssembler`` checks it.
package struct ImportRead: Sendable, Hashable {
    package var drafts: [ImportDraft]
    package var problems: [ImportProblem]
    /// How many category lines (GIFT `$CATEGORY:`) the file holds.
    package var categories: Int
    /// How many descriptions (GIFT text without an answer block) the file holds.
    package var descriptions: Int

    package init(
        drafts: [ImportDraft] = [], problems: [ImportProblem] = [], categories: Int = 0, descriptions: Int = 0
    ) {
        self.drafts = drafts
        self.problems = problems
        self.categories = categories
        self.descriptions = descriptions
    }
}
