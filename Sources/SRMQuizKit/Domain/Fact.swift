/// One responsibility: who owns a task on a service (or on all services).
public struct Fact: Sendable, Hashable, Codable, Identifiable {
    /// The value of `service` for a fact that holds on every service.
    public static let allServices = "all"

    /// Stable key, such as `ec2-guest-os-patching`. Progress is keyed by it: never reuse one.
    public var id: String
    /// The task key (see ``ResponsibilityTask``).
    public var task: String
    /// A service id, or ``allServices``.
    public var service: String
    /// The concrete phrase, completing "Who is responsible for …?", starting lower-case.
    public var text: String
    /// The usual exam answer.
    public var owner: Owner
    /// A one-line reason.
    public var reason: String
    /// The documented nuance where sources disagree with the exam shorthand.
    public var nuance: Nuance?
    /// The control this fact instantiates, if any (e.g. `patch-management`).
    public var control: String?
    /// Source keys or URLs (at least one).
    public var sources: [String]

    /// A documented nuance: the more precise owner and what the documentation says.
    public struct Nuance: Sendable, Hashable, Codable {
        /// The owner the documentation supports, when it differs from the exam answer.
        public var owner: Owner?
        /// What the documentation says.
        public var text: String

        public init(owner: Owner?, text: String) {
            self.owner = owner
            self.text = text
        }
    }

    public init(
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
    public var defensibleOwners: Set<Owner> {
        var owners: Set<Owner> = [owner]
        if let other = nuance?.owner { owners.insert(other) }
        return owners
    }
}
