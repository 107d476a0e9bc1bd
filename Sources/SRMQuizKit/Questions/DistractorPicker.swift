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
    /// The number of different texts (up to ``textsCounted``) among each service's own wrong
    /// options, by ``poolCache``'s keys.
    private var ownTexts: [String: Int] = [:]
    /// The index pools are built from; made on the first pool not already in ``poolCache``.
    private var candidates: DistractorCandidates?

    /// A service's wrong options for one owner, as positions in ``ModelIndex/facts``.
    ///
    /// In id order: its own facts of the other owner, facts of services of the same category, and
    /// generic facts. Positions rather than copies of the facts keep thousands of pools small.
    struct Pools: Sendable {
        var local: [Int32]
        var related: [Int32]
        var generic: [Int32]
    }

    /// The pools of every service and owner: they do not depend on the seed, so a generator
    /// computes them once and hands them to each picker.
    static func allPools(model: ModelIndex) -> [String: Pools] {
        let candidates = DistractorCandidates(model: model)
        var out: [String: Pools] = [:]
        for service in model.bank.services {
            for owner in [Owner.aws, .customer] {
                out["\(service.id)/\(owner.rawValue)"] = candidates.pools(service: service, owner: owner)
            }
        }
        return out
    }

    private mutating func cachedPools(service: Service, owner: Owner) -> Pools {
        let key = "\(service.id)/\(owner.rawValue)"
        if let pools = poolCache[key] { return pools }
        let index = candidates ?? DistractorCandidates(model: model)
        candidates = index
        let pools = index.pools(service: service, owner: owner)
        poolCache[key] = pools
        return pools
    }

    /// A picker drawing from `pools` (by ``allPools(model:)``'s keys); pools not given are
    /// computed when first needed.
    init(model: ModelIndex, pools: [String: Pools] = [:]) {
        self.model = model
        self.poolCache = pools
        self.candidates = pools.isEmpty ? DistractorCandidates(model: model) : nil
    }

    /// The three pools for items on `service` asking for `owner`'s responsibility.
    func pools(service: Service, owner: Owner) -> Pools {
        (candidates ?? DistractorCandidates(model: model)).pools(service: service, owner: owner)
    }

    /// Counts, for each generic fact, the items that could use it.
    mutating func plan(_ requests: [(service: Service, owner: Owner)]) {
        for request in requests {
            for position in cachedPools(service: request.service, owner: request.owner).generic {
                genericEligible[model.facts[Int(position)].id, default: 0] += 1
            }
        }
    }

    /// Whether ``pick(_:service:owner:avoid:rng:)`` of `count` options, avoiding `avoiding`
    /// texts, fills every place from the service's own facts whatever `rng` draws: then it
    /// uses no generic option (so it changes no count) and always finds `count`.
    ///
    /// So it holds when the service's own wrong options have at least `count + avoiding`
    /// different texts (ignoring case).
    mutating func fillsFromOwnFacts(_ count: Int, service: Service, owner: Owner, avoiding: Int) -> Bool {
        let needed = count + avoiding
        let key = "\(service.id)/\(owner.rawValue)"
        if let known = ownTexts[key] { return known >= needed }
        // The different texts, counted up to a few more than any item needs.
        var texts = Set<String>()
        for position in cachedPools(service: service, owner: owner).local
        where texts.count < Self.textsCounted {
            texts.insert(model.facts[Int(position)].text.lowercased())
        }
        ownTexts[key] = texts.count
        return texts.count >= needed
    }

    /// How many different texts ``fillsFromOwnFacts(_:service:owner:avoiding:)`` counts at most.
    static let textsCounted = 8

    /// Up to `count` wrong options whose texts differ from `avoid`, drawn by `rng`.
    mutating func pick(
        _ count: Int, service: Service, owner: Owner, avoid: Set<String>, rng: inout SeededGenerator
    ) -> [Fact] {
        let pools = cachedPools(service: service, owner: owner)
        let facts = model.facts
        var texts = Set(avoid.map { $0.lowercased() })
        var chosen: [Fact] = []
        for position in SeededShuffle.shuffled(pools.local, using: &rng) where chosen.count < count {
            let fact = facts[Int(position)]
            if texts.insert(fact.text.lowercased()).inserted { chosen.append(fact) }
        }
        // From other services, one option per task: "TLS to DB clusters" and "TLS to the
        // database" side by side would be one option twice.
        for position in SeededShuffle.shuffled(pools.related, using: &rng) where chosen.count < count {
            let fact = facts[Int(position)]
            if !chosen.contains(where: { $0.task == fact.task }),
                texts.insert(fact.text.lowercased()).inserted
            {
                chosen.append(fact)
            }
        }
        for position in SeededShuffle.shuffled(pools.generic, using: &rng) where chosen.count < count {
            let fact = facts[Int(position)]
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
