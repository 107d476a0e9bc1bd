/// A documentation page that backs a fact or a question.
public struct Source: Sendable, Hashable, Codable {
    /// The key other entries cite it by, such as `SRM`.
    public var key: String
    /// The page's address.
    public var url: String
    /// A human-readable title.
    public var title: String
    /// Whether AWS wrote it (as opposed to third-party study material).
    public var isAWS: Bool

    public init(key: String, url: String, title: String, isAWS: Bool) {
        self.key = key
        self.url = url
        self.title = title
        self.isAWS = isAWS
    }
}
