/// Chooses the wrong options of "which of these is X's responsibility when using S?" items.
///
/// Wrong options come first from the same service (its own facts of the other owner), then from
/// services of the same category whose facts none of S's own facts contradict, and only then
/// from the generic facts that hold on every service. Each generic fact is used in at most
/// ``genericShare`` of the items that could use it, so learners cannot pass by spotting
/// boilerplate. Nuanced and owner-naming facts are never wrong options (``ItemRules``).
struct DistractorPicker {
    /// The largest share of the eligible items one generic fact may appear in.
    static let genericShare = 0.05

    let model: ModelIndex
    /// How often each generic fact has been used so far.
    private var genericUses: [String: Int] = [:]
    /// How many items could use each generic fact (set by ``plan(_:)``).
    private var genericEligible: [String: Int] = [:]
    /// ``pools(service:owner:)`` by service and owner, computed once each.
    private var poolCache: [String: Pools]
    /// The ids of the facts that may stand as a wrong answer owned by each owner (the rules are
    /// checked once per fact, not once per fact and service).
    private let usableIDs: [Owner: Set<String>]
    /// Each fact's text in lower case, made once.
    private let lowercasedTexts: [String: String]
    /// The usable facts (as in ``usableIDs``) by owner and by their service's category, in id
    /// order: the candidates of the "related" pool (services of the same category).
    private let usableByCategory: [Owner: [ServiceCategory: [Fact]]]

    typealias Pools = (local: [Fact], related: [Fact], generic: [Fact])

    /// The pools of every service and owner: they do not depend on the seed, so a generator
    /// computes them once and hands them to each picker.
    static func allPools(model: ModelIndex) -> [String: Pools] {
        let picker = DistractorPicker(model: model)
        var out: [String: Pools] = [:]
        for service in model.bank.services {
            for owner in [Owner.aws, .customer] {
                out["\(service.id)/\(owner.rawValue)"] = picker.pools(service: service, owner: owner)
            }
        }
        return out
    }

    private mutating func cachedPools(service: Service, owner: Owner) -> (
        local: [Fact], related: [Fact], generic: [Fact]
    ) {
        let key = "\(service.id)/\(owner.rawValue)"
        if let pools = poolCache[key] { return pools }
        let pools = pools(service: service, owner: owner)
        poolCache[key] = pools
        return pools
    }

    init(model: ModelIndex, pools: [String: Pools] = [:]) {
        self.model = model
        self.poolCache = pools
        var usable: [Owner: Set<String>] = [:]
        for owner in [Owner.aws, .customer] {
            usable[owner] = Set(
                model.facts.filter {
                    $0.owner == owner && $0.defensibleOwners == [owner]
                        && model.permits($0, as: .distractor, in: .multipleChoice)
                }.map(\.id))
        }
        self.usableIDs = usable
        var byCategory: [Owner: [ServiceCategory: [Fact]]] = [:]
        for fact in model.facts {
            guard let category = model.service(of: fact)?.category, category != .none else { continue }
            for owner in [Owner.aws, .customer] where usable[owner]?.contains(fact.id) == true {
                byCategory[owner, default: [:]][category, default: []].append(fact)
            }
        }
        self.usableByCategory = byCategory
        self.lowercasedTexts = Dictionary(
            model.facts.map { ($0.id, $0.text.lowercased()) }, uniquingKeysWith: { first, _ in first })
    }

    /// The three pools for items on `service` asking for `owner`'s responsibility.
    func pools(service: Service, owner: Owner) -> (local: [Fact], related: [Fact], generic: [Fact]) {
        let wrong = owner.opposite
        let usableIDs = self.usableIDs[wrong] ?? []
        func usable(_ fact: Fact) -> Bool { usableIDs.contains(fact.id) }
        let local = model.ownFacts(of: service.id).filter(usable)
        // Facts of the other services of the same category (none for services in no category).
        let candidates = service.category == .none ? [] : usableByCategory[wrong]?[service.category] ?? []
        let localTexts = Set(model.ownFacts(of: service.id).map { $0.text.lowercased() })
        let related = candidates.filter { fact in
            // No own fact decides it (so none contradicts it either).
            fact.service != service.id && !model.isDecided(fact, on: service.id)
                && !localTexts.contains(lowercasedTexts[fact.id] ?? fact.text.lowercased())
        }
        let generic = model.globalFacts(holdingOn: service.id).filter(usable)
        return (local, related, generic)
    }

    /// Counts, for each generic fact, the items that could use it.
    mutating func plan(_ requests: [(service: Service, owner: Owner)]) {
        for request in requests {
            for fact in cachedPools(service: request.service, owner: request.owner).generic {
                genericEligible[fact.id, default: 0] += 1
            }
        }
    }

    /// Up to `count` wrong options whose texts differ from `avoid`, drawn by `rng`.
    mutating func pick(
        _ count: Int, service: Service, owner: Owner, avoid: Set<String>, rng: inout SeededGenerator
    ) -> [Fact] {
        let (local, related, generic) = cachedPools(service: service, owner: owner)
        var texts = Set(avoid.map { $0.lowercased() })
        var chosen: [Fact] = []
        for fact in SeededShuffle.shuffled(local, using: &rng) where chosen.count < count {
            if texts.insert(fact.text.lowercased()).inserted { chosen.append(fact) }
        }
        // From other services, one option per task: "TLS to DB clusters" and "TLS to the
        // database" side by side would be one option twice.
        for fact in SeededShuffle.shuffled(related, using: &rng) where chosen.count < count {
            if !chosen.contains(where: { $0.task == fact.task }),
                texts.insert(fact.text.lowercased()).inserted
            {
                chosen.append(fact)
            }
        }
        for fact in SeededShuffle.shuffled(generic, using: &rng) where chosen.count < count {
            let cap = Int(Double(genericEligible[fact.id, default: 0]) * Self.genericShare)
            guard genericUses[fact.id, default: 0] < cap, texts.insert(fact.text.lowercased()).inserted else {
                continue
            }
            chosen.append(fact)
        }
        guard chosen.count == count else { return chosen }
        for fact in chosen where fact.service == Fact.allServices { genericUses[fact.id, default: 0] += 1 }
        return chosen
    }
}
