/// An AWS service, or a variant of one (e.g. "Lambda, container image").
public struct Service: Sendable, Hashable, Codable, Identifiable {
    /// Stable key, such as `ec2` or `lambda-image`.
    public var id: String
    /// The name shown to learners, such as "Amazon EC2".
    public var name: String
    /// Other names a learner may type (e.g. "EC2").
    public var aliases: [String]
    /// The category from the Security Best Practices framing.
    public var category: ServiceCategory
    /// Whether the category was assigned here rather than by AWS.
    public var categoryDerived: Bool
    /// A one-line summary of how responsibility splits on this service.
    public var summary: String
    /// Source keys.
    public var sources: [String]

    public init(
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
