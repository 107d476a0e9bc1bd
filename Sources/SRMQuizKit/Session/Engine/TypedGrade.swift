/// The grade of an owner typed on a flashcard's front, as ``SessionEngine/grade(typed:on:)`` gives it.
package struct TypedGrade: Sendable, Hashable {
    /// What the learner typed.
    package var owner: Owner
    /// Whether the card accepts it.
    package var correct: Bool
    /// The rating proposed: Good when right, Again when wrong.
    package var rating: Rating
    /// One line for the learner: the verdict and how to accept or override the rating.
    package var message: String
}
