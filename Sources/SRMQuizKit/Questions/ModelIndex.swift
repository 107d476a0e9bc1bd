/// Look-ups and phrasing over a bank's model, shared by the generator's item kinds.
struct ModelIndex: Sendable {
    let bank: Bank
    /// Facts sorted by id, so generation never depends on file order.
    let facts: [Fact]
    private let servicesByID: [String: Service]
    /// ``sentenceName(_:)`` of each service name in the bank, made once.
    private let sentenceNames: [String: String]
    /// ``context(_:)`` of the facts of each service, made once.
    private let contexts: [String: String]
    private let tasksByID: [String: ResponsibilityTask]
    private let factsByService: [String: [Fact]]
    /// The positions in ``facts`` of each service's own facts, ascending (so in id order).
    private let positionsByService: [String: [Int32]]
    /// The positions in ``facts`` of the facts by id (the first, in id order, of any that share one).
    private let positionsByID: [String: Int32]
    /// Facts by task, each list in id order.
    private let factsByTask: [String: [Fact]]
    /// The families a service's own fact on each task decides (its own and those it overrides).
    private let decidedFamilies: [String: Set<String>]
    /// The tasks of each service's own facts, and the families those facts decide (see
    /// ``decides(_:_:)``), so "does any of S's facts decide this one?" is two look-ups.
    private let decidedOnService: [String: (tasks: Set<String>, families: Set<String>)]
    /// ``globalPositions(holdingOn:)`` of every service in the bank, computed once.
    private var globalsByService: [String: [Int32]] = [:]
    /// The texts of the facts whose wording names an owner (``ItemRules/namesOwner(_:)``),
    /// checked once per fact rather than once per use.
    private let ownerNamingTexts: Set<String>
    /// The AWS page each source key stands for (nil: not an AWS page, or no such source).
    private let awsPages: [String: String]

    init(bank: Bank) {
        self.bank = bank
        let facts = bank.facts.sorted { $0.id < $1.id }
        self.facts = facts
        servicesByID = Dictionary(bank.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        sentenceNames = Dictionary(
            bank.services.map { ($0.name, Self.sentenceName($0)) }, uniquingKeysWith: { first, _ in first })
        contexts = servicesByID.mapValues { "When using \(Self.sentenceName($0)), " }
        let tasksByID = Dictionary(bank.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.tasksByID = tasksByID
        let factsByService = Dictionary(grouping: facts, by: \.service)
        self.factsByService = factsByService
        var positions: [String: [Int32]] = [:]
        for (position, fact) in facts.enumerated() {
            positions[fact.service, default: []].append(Int32(position))
        }
        positionsByService = positions
        factsByTask = Dictionary(grouping: facts, by: \.task)
        positionsByID = Dictionary(
            facts.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        let decidedFamilies = Dictionary(
            bank.tasks.map { ($0.id, Set([$0.family] + $0.overrides)) },
            uniquingKeysWith: { first, _ in first })
        self.decidedFamilies = decidedFamilies
        decidedOnService = factsByService.mapValues { own in
            let families = own.reduce(into: Set<String>()) {
                $0.formUnion(decidedFamilies[$1.task] ?? [$1.task])
            }
            return (Set(own.map(\.task)), families)
        }
        ownerNamingTexts = Set(facts.map(\.text).filter { ItemRules.namesOwner(text: $0) })
        awsPages = bank.sources.compactMapValues { $0.isAWSPage ? $0.url : nil }
        var globals: [String: [Int32]] = [:]
        for service in bank.services where globals[service.id] == nil {
            globals[service.id] = computeGlobalPositions(holdingOn: service.id)
        }
        globalsByService = globals
    }

    /// Whether `fact` may play `role` in an item of `kind` (``ItemRules``, with the owner-naming
    /// check looked up rather than redone).
    func permits(_ fact: Fact, as role: ItemRules.Role, in kind: ItemKind) -> Bool {
        ItemRules.permits(fact, as: role, in: kind, namesOwner: ownerNamingTexts.contains(fact.text))
    }

    /// Whether any of `service`'s own facts decides `fact`'s task family there (the same as
    /// `ownFacts(of: service).contains { decides($0, fact) }`).
    func isDecided(_ fact: Fact, on service: String) -> Bool {
        guard let own = decidedOnService[service] else { return false }
        return own.tasks.contains(fact.task) || own.families.contains(family(of: fact))
    }

    /// The families `service`'s own facts decide: ``isDecided(_:on:)`` holds for every fact whose
    /// ``family(of:)`` is among them (empty for a service with no facts of its own).
    func familiesDecided(on service: String) -> Set<String> { decidedOnService[service]?.families ?? [] }

    /// The tasks of `service`'s own facts: with ``familiesDecided(on:)``, ``isDecided(_:on:)``
    /// holds exactly for the facts on one of these tasks or in one of those families.
    func ownTasks(of service: String) -> Set<String> { decidedOnService[service]?.tasks ?? [] }

    /// The task family of `fact` (its task id when the task names none).
    func family(of fact: Fact) -> String { tasksByID[fact.task]?.family ?? fact.task }

    /// Whether `service`'s own fact `local` decides `other`'s task family on that service.
    func decides(_ local: Fact, _ other: Fact) -> Bool {
        local.task == other.task || (decidedFamilies[local.task] ?? [local.task]).contains(family(of: other))
    }

    /// The service's own facts that `fact` (from elsewhere) would contradict on `service`: same
    /// or overridden family, and a different (or differently nuanced) owner.
    func contradictions(of fact: Fact, on service: String) -> [Fact] {
        (factsByService[service] ?? []).filter { local in
            local.id != fact.id && decides(local, fact) && local.defensibleOwners != fact.defensibleOwners
        }
    }

    /// The service's own facts.
    func ownFacts(of service: String) -> [Fact] { factsByService[service] ?? [] }

    /// The positions in ``facts`` of the service's own facts, ascending.
    func ownPositions(of service: String) -> [Int32] { positionsByService[service] ?? [] }

    /// Global facts (on all services) that hold on `service`: those none of its own facts
    /// decide (same task, or a family its facts decide with another owner).
    func globalFacts(holdingOn service: String) -> [Fact] {
        globalPositions(holdingOn: service).map { facts[Int($0)] }
    }

    /// The positions in ``facts`` of ``globalFacts(holdingOn:)``, ascending.
    func globalPositions(holdingOn service: String) -> [Int32] {
        globalsByService[service] ?? computeGlobalPositions(holdingOn: service)
    }

    private func computeGlobalPositions(holdingOn service: String) -> [Int32] {
        let local = factsByService[service] ?? []
        let own = decidedOnService[service]
        return (positionsByService[Fact.allServices] ?? []).filter { position in
            let global = facts[Int(position)]
            // No own fact shares its task or decides its family: nothing to contradict it.
            if let own, !own.tasks.contains(global.task), !own.families.contains(family(of: global)) {
                return true
            }
            return !local.contains { $0.task == global.task }
                && contradictions(of: global, on: service).isEmpty
        }
    }

    /// The service's name as it reads inside a sentence: "the Amazon EKS control plane", but
    /// "Amazon EC2" and "Amazon EKS managed node groups".
    func sentenceName(_ service: Service) -> String {
        sentenceNames[service.name] ?? Self.sentenceName(service)
    }

    /// The service's name as it reads inside a sentence, which depends on the service alone.
    static func sentenceName(_ service: Service) -> String {
        guard let last = service.name.split(separator: " ").last, let first = last.first,
            first.isLowercase, !last.hasSuffix("s")
        else { return service.name }
        return "the " + service.name
    }

    func service(of fact: Fact) -> Service? { servicesByID[fact.service] }

    func serviceName(_ fact: Fact) -> String { service(of: fact)?.name ?? "any AWS service" }

    /// The service's name inside a sentence ("the Amazon EKS control plane").
    func sentenceName(_ fact: Fact) -> String { service(of: fact).map(sentenceName) ?? "any AWS service" }

    /// "When using Amazon EC2, " — or nothing for a fact on all services.
    func context(_ fact: Fact) -> String {
        if let context = contexts[fact.service] { return context }
        guard let service = service(of: fact) else { return "" }
        return "When using \(sentenceName(service)), "
    }

    /// A statement that `owner` holds the fact's task, without the final period.
    func claim(_ owner: Owner, fact: Fact, alone: Bool = false, withContext: Bool = true) -> String {
        let prefix = withContext ? context(fact) : ""
        let body: String =
            switch owner {
            case .shared: "responsibility for \(fact.text) is shared between AWS and the customer"
            case .aws: "AWS\(alone ? " alone" : "") is responsible for \(fact.text)"
            case .customer: "the customer\(alone ? " alone" : "") is responsible for \(fact.text)"
            }
        return prefix + body
    }

    /// "Customer: <reason>", with where the responsibility sits.
    func explanation(_ fact: Fact) -> String {
        let side: String =
            switch fact.owner {
            case .aws: "AWS (security OF the cloud)"
            case .customer: "the customer (security IN the cloud)"
            case .shared: "shared: AWS and the customer each do their part"
            }
        var text = "Owner: \(side). \(fact.reason)"
        if !text.hasSuffix(".") { text += "." }
        return text
    }

    func tags(_ fact: Fact, kind: ItemKind, owner: Owner? = nil) -> [String] {
        var tags = ["kind:\(kind.rawValue)", "service:\(fact.service)"]
        if let service = service(of: fact) { tags.append("category:\(service.category.rawValue)") }
        tags.append("owner:\((owner ?? fact.owner).rawValue)")
        if let task = tasksByID[fact.task] { tags.append("topic:\(task.topic)") }
        if let control = fact.control { tags.append("control:\(control)") }
        return tags
    }

    /// The AWS pages among `references` (keys or URLs), without repeats: items cite only https
    /// pages AWS wrote; study material stays in the model for authors, never in front of learners.
    func urls(_ references: [String]) -> [String] {
        let pages = references.compactMap { reference -> String? in
            if reference.hasPrefix("http://") || reference.hasPrefix("https://") {
                return Source.isAWSPage(reference) ? reference : nil
            }
            return awsPages[reference]
        }
        // Items cite a handful of pages: comparing with those kept is cheaper than a set.
        guard pages.count > 8 else {
            var kept: [String] = []
            for page in pages where !kept.contains(page) { kept.append(page) }
            return kept
        }
        var seen = Set<String>()
        return pages.filter { seen.insert($0).inserted }
    }

    /// The fact with this id.
    func fact(id: String) -> Fact? { positionsByID[id].map { facts[Int($0)] } }

    /// The facts on `task`, in id order.
    func facts(onTask task: String) -> [Fact] { factsByTask[task] ?? [] }

    /// Facts on `service` whose owner is exactly `owner` with no nuance pointing elsewhere; with
    /// `includeGlobal`, also facts on all services whose task the service does not override.
    func strictFacts(on service: String, owner: Owner, includeGlobal: Bool) -> [Fact] {
        let local = factsByService[service] ?? []
        let global = includeGlobal ? globalFacts(holdingOn: service) : []
        return (local + global).filter { $0.owner == owner && $0.hasOneOwner }
    }

    /// Facts of the same task on other services whose (strict) owner the first fact's
    /// documentation does not support.
    func contrasting(_ fact: Fact) -> [Fact] {
        (factsByTask[fact.task] ?? []).filter { other in
            other.service != fact.service && other.service != Fact.allServices
                && other.owner != .shared && other.hasOneOwner && !fact.supports(other.owner)
        }
    }

    func categoryMeaning(_ category: ServiceCategory) -> String {
        switch category {
        case .infrastructure: "You control the operating system and configure it, much as on premises."
        case .container:
            "AWS runs the OS and platform; you still manage firewall rules and platform-level access."
        case .abstracted:
            "AWS runs the platform and OS; you reach the service through API endpoints and control access with IAM."
        case .none: "AWS places it in no category."
        }
    }

    func controlMeaning(_ control: Control) -> String {
        switch control.type {
        case .inherited: "The customer inherits it entirely from AWS."
        case .shared:
            "It applies at both layers in separate contexts. AWS: \((control.awsPart ?? "its infrastructure").withFinalStop) Customer: \((control.customerPart ?? "its own use of AWS").withFinalStop)"
        case .customerSpecific: "It belongs only to the customer and depends on the application deployed."
        }
    }
}

extension Owner {
    /// The other side of a two-party split (shared stays shared).
    var opposite: Owner {
        switch self {
        case .aws: .customer
        case .customer: .aws
        case .shared: .shared
        }
    }

    /// "AWS's", "the customer's", "a shared".
    var possessive: String {
        switch self {
        case .aws: "AWS's"
        case .customer: "the customer's"
        case .shared: "a shared"
        }
    }

    /// "AWS", "the customer", "AWS and the customer".
    var phrase: String {
        switch self {
        case .aws: "AWS"
        case .customer: "the customer"
        case .shared: "AWS and the customer"
        }
    }
}

extension ServiceCategory {
    var article: String { self == .infrastructure || self == .abstracted ? "an" : "a" }
}

extension ControlType {
    var article: String { self == .inherited ? "an" : "a" }
}
