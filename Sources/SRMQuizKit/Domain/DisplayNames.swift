/// The names learners read for the ids in items' tags: `lambda-zip` → `AWS Lambda (.zip)`,
/// `aws` → `AWS`, `abstracted` → `Abstracted`. Ids not in the bank are shown as they are.
public struct DisplayNames: Sendable, Hashable {
    private var services: [String: String]

    /// Names from `bank`'s services (and the fixed owner and category names).
    public init(bank: Bank) {
        services = Dictionary(bank.services.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// No service names: every service shows its id.
    public init() { services = [:] }

    /// The name for `value` of the tag `dimension` (`service`, `owner`, `category`, `kind`).
    public func name(_ value: String, of dimension: String) -> String {
        switch dimension {
        case "service": return services[value] ?? value
        case "owner": return Owner(rawValue: value)?.displayName ?? value
        case "category": return ServiceCategory(rawValue: value)?.displayName ?? value
        case "kind": return value.replacingOccurrences(of: "-", with: " ")
        default: return value
        }
    }
}
