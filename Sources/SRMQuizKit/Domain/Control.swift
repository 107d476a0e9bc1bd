/// An IT control and how its duties split.
public struct Control: Sendable, Hashable, Codable, Identifiable {
    /// Stable key, such as `patch-management`.
    public var id: String
    /// The name shown to learners, such as "Patch management".
    public var name: String
    /// Inherited, shared or customer-specific.
    public var type: ControlType
    /// AWS's part, where it has one.
    public var awsPart: String?
    /// The customer's part, where it has one.
    public var customerPart: String?
    /// Examples of the control.
    public var examples: [String]
    /// Source keys or URLs.
    public var sources: [String]

    public init(
        id: String, name: String, type: ControlType, awsPart: String? = nil,
        customerPart: String? = nil, examples: [String] = [], sources: [String]
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.awsPart = awsPart
        self.customerPart = customerPart
        self.examples = examples
        self.sources = sources
    }
}
