/// A documentation page that backs a fact or a question.
package struct Source: Sendable, Hashable, Codable {
    /// The key other entries cite it by, such as `SRM`.
    package var key: String
    /// The page's address.
    package var url: String
    /// A human-readable title.
    package var title: String
    /// Whether AWS wrote it (as opposed to third-party study material).
    package var isAWS: Bool

    package init(key: String, url: String, title: String, isAWS: Bool) {
        self.key = key
        self.url = url
        self.title = title
        self.isAWS = isAWS
    }
}

extension Source {
    /// The hosts of pages AWS writes: its documentation, its web site, its whitepapers and its
    /// best-practices guides on GitHub Pages (the `aws` organisation's site).
    static let awsHosts = ["docs.aws.amazon.com", "aws.amazon.com", "d1.awsstatic.com", "aws.github.io"]

    /// Whether `url` is an https page on an AWS host (documentation, web site, whitepapers).
    package static func isAWSPage(_ url: String) -> Bool {
        guard url.hasPrefix("https://") else { return false }
        let rest = url.dropFirst("https://".count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }.lowercased()
        return awsHosts.contains(host) || host.hasSuffix(".aws.amazon.com")
    }

    /// Whether the source is an https AWS page that AWS wrote.
    package var isAWSPage: Bool { isAWS && Self.isAWSPage(url) }
}
