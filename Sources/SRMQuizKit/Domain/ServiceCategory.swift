/// The three-way service framing of the AWS Security Best Practices whitepaper.
package enum ServiceCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case infrastructure
    case container
    case abstracted
    /// AWS places the service in no category.
    case none

    /// The name shown to learners.
    package var displayName: String {
        switch self {
        case .infrastructure: "Infrastructure"
        case .container: "Container"
        case .abstracted: "Abstracted"
        case .none: "None"
        }
    }
}
