/// The grade of an owner typed on a flashcard's front, as ``SessionEngine/grade(typed:on:)`` gives it.
public struct TypedGrade: Sendable, Hashable {
    /// What the learner typed.
    public var owner: Owner
    /// Whether the card accepts it.
    public var correct: Bool
    /// The rating proposed: Good when right, Again when wrong.
    public var rating: Rating
    /// One line for the learner: the verdict and how to accept or override the rating.
    public var message: String
}
