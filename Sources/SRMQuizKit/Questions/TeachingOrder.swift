/// The order in which a new learner meets items: who owns what on the core services first, then
/// picking among options, and comparisons across services last.
package enum TeachingOrder {
    /// The services a new learner meets first.
    package static let coreServices: Set<String> = [
        "ec2", "s3", "rds", "lambda-zip", "lambda-image", "iam", "vpc",
    ]

    /// The tiers, easiest first.
    package enum Tier: Int, Sendable, Comparable, CaseIterable {
        /// Owner and OF-or-IN items on a core service.
        case basics = 1
        /// Owner and OF-or-IN items elsewhere, flashcards, categories and control types.
        case foundations
        /// One right answer among options, and plain true/false statements.
        case choices
        /// Several right answers, "which service" comparisons and exam-style scenarios.
        case comparisons
        /// Two services at once: contrast pairs and "just as when using" statements.
        case compound

        package static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
    }
}

extension Item {
    /// How hard the item is to meet first (see ``TeachingOrder``).
    package var teachingTier: TeachingOrder.Tier {
        // `if`s rather than a `switch`, so a kind added later falls into `comparisons`.
        if kind == .owner || kind == .ofOrIn {
            return values(of: "service").contains(where: TeachingOrder.coreServices.contains)
                ? .basics : .foundations
        }
        if kind == .flashcard || kind == .category || kind == .controlType { return .foundations }
        if kind == .multipleChoice { return .choices }
        if kind == .trueFalse { return id.contains("/like/") ? .compound : .choices }
        if kind == .contrast, id.hasPrefix("contrast-pair/") { return .compound }
        return .comparisons
    }
}
