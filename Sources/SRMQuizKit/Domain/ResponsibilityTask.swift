/// A kind of work that recurs across services ("patching the guest OS"), which lets questions
/// contrast who does it on one service and on another.
public struct ResponsibilityTask: Sendable, Hashable, Codable, Identifiable {
    /// Stable key, such as `guest-os-patching`.
    public var id: String
    /// A generic phrase that completes "Who is responsible for …?", starting lower-case.
    public var text: String
    /// A topic tag, such as `patching`, `encryption`, `network`.
    public var topic: String

    public init(id: String, text: String, topic: String) {
        self.id = id
        self.text = text
        self.topic = topic
    }
}
