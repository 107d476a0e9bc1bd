/// Who holds a responsibility under the Shared Responsibility Model.
package enum Owner: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Security **of** the cloud.
    case aws
    /// Security **in** the cloud.
    case customer
    /// Both parties, each in its own context (the shared controls).
    case shared

    /// The name shown to learners: `AWS`, `Customer` or `Shared`.
    package var displayName: String {
        switch self {
        case .aws: "AWS"
        case .customer: "Customer"
        case .shared: "Shared"
        }
    }

    package static func < (lhs: Owner, rhs: Owner) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
