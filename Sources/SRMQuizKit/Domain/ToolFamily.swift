/// A family of AWS services that do similar work (security detection, governance and audit,
/// connectivity, …).
///
/// "Which service helps?" questions draw their wrong answers from the family of the need they ask
/// about, so the options are plausible neighbours rather than random services.
package struct ToolFamily: Sendable, Hashable, Codable, Identifiable {
    /// Stable key, such as `security-detection`.
    package var id: String
    /// A short description, such as "security detection and assessment services".
    package var name: String
    /// The service ids in the family.
    package var services: [String]

    package init(id: String, name: String, services: [String]) {
        self.id = id
        self.name = name
        self.services = services
    }
}
