/// The kinds of IT control in the Shared Responsibility Model.
package enum ControlType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Controls the customer inherits entirely from AWS (physical, environmental).
    case inherited
    /// Controls that apply at both layers, in separate contexts.
    case shared
    /// Controls that belong only to the customer.
    case customerSpecific = "customer-specific"

    /// The name shown to learners.
    package var displayName: String {
        switch self {
        case .inherited: "Inherited control"
        case .shared: "Shared control"
        case .customerSpecific: "Customer-specific control"
        }
    }
}
