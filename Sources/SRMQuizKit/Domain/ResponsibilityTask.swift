/// A kind of work that recurs across services ("patching the guest OS"), which lets questions
/// contrast who does it on one service and on another.
package struct ResponsibilityTask: Sendable, Hashable, Codable, Identifiable {
    /// Stable key, such as `guest-os-patching`.
    package var id: String
    /// A generic phrase that completes "Who is responsible for …?", starting lower-case.
    package var text: String
    /// A topic tag, such as `patching`, `encryption`, `network`.
    package var topic: String
    /// The task family, such as `patching.host` or `physical.site`: tasks in one family are the
    /// same responsibility seen at different grain, so a service's own fact on any of them decides
    /// the others on that service.
    ///
    /// Defaults to the task's id (a family of its own).
    package var family: String
    /// Other families a service's own fact on this task also decides: on RDS Custom the customer's
    /// `patching.guest-os` fact is about the host, so it overrides `patching.host`.
    package var overrides: [String]

    package init(id: String, text: String, topic: String, family: String? = nil, overrides: [String] = []) {
        self.id = id
        self.text = text
        self.topic = topic
        self.family = family ?? id
        self.overrides = overrides
    }
}
