/// One responsibility: who owns a task on a service (or on all services).
package struct Fact: Sendable, Hashable, Codable, Identifiable {
    /// The value of `service` for a fact that holds on every service.
    package static let allServices = "all"

    /// Stable key, such as `ec2-guest-os-patching`.
    ///
    /// Progress is keyed by it: never reuse one.
    package var id: String
    /// The task key (see ``ResponsibilityTask``).
    package var task: String
    /// A service id, or ``allServices``.
    package var service: String
    /// The concrete phrase, completing "Who is responsible for …?", starting lower-case.
    package var text: String
    /// The usual exam answer.
    package var owner: Owner
    /// A one-line reason.
    package var reason: String
    /// The documented nuance where sources disagree with the exam shorthand.
    package var nuance: Nuance?
    /// The control this fact instantiates, if any (e.g., `patch-management`).
    package var control: String?
    /// Source keys or URLs (at least one).
    package var sources: [String]

    /// A documented nuance: the more precise owner and what the documentation says.
    package struct Nuance: Sendable, Hashable, Codable {
        /// The owner the documentation supports, when it differs from the exam answer.
        package var owner: Owner?
        /// What the documentation says.
        package var text: String

        package init(owner: Owner?, text: String) {
            self.owner = owner
            self.text = text
        }
    }

    package init(
        id: String, task: String, service: String, text: String, owner: Owner, reason: String,
        nuance: Nuance? = nil, control: String? = nil, sources: [String]
    ) {
        self.id = id
        self.task = task
        self.service = service
        self.text = text
        self.owner = owner
        self.reason = reason
        self.nuance = nuance
        self.control = control
        self.sources = sources
    }

    /// The owners a question may accept as correct: the exam answer, and the nuance's owner.
    package var defensibleOwners: Set<Owner> {
        var owners: Set<Owner> = [owner]
        if let other = nuance?.owner { owners.insert(other) }
        return owners
    }
}
