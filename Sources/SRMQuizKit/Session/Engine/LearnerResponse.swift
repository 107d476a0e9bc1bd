/// What a learner gave for a question.
package enum LearnerResponse: Sendable, Hashable {
    /// Chosen options, by index into ``Item/choices``.
    case choices(Set<Int>)
    /// A flashcard rated by the learner.
    case selfRating(Rating)
}
