/// An AWS service, or a variant of one (e.g., "Lambda, container image").
package struct Service: Sendable, Hashable, Codable, Identifiable {
    /// Stable key, such as `ec2` or `lambda-image`.
    package var id: String
    /// The name shown to learners, such as "Amazon EC2".
    package var name: String
    /// Other names a learner may type (e.g., "EC2").
    package var aliases: [String]
    /// The category from the Security Best Practices framing.
    package var category: ServiceCategory
    /// Whether the category was assigned here rather than by AWS.
    package var categoryDerived: Bool
    /// A one-line summary of how responsibility splits on this service.
    package var summary: String
    /// Source keys.
    package var sources: [String]

    package init(
        id: String, name: String, aliases: [String] = [], category: ServiceCategory,
        categoryDerived: Bool = false, summary: String = "", sources: [String] = []
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.category = category
        self.categoryDerived = categoryDerived
        self.summary = summary
        self.sources = sources
    }
}
