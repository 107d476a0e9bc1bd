/// An IT control and how its duties split.
package struct Control: Sendable, Hashable, Codable, Identifiable {
    /// Stable key, such as `patch-management`.
    package var id: String
    /// The name shown to learners, such as "Patch management".
    package var name: String
    /// Inherited, shared or customer-specific.
    package var type: ControlType
    /// AWS's part, where it has one.
    package var awsPart: String?
    /// The customer's part, where it has one.
    package var customerPart: String?
    /// Examples of the control.
    package var examples: [String]
    /// Source keys or URLs.
    package var sources: [String]

    package init(
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
