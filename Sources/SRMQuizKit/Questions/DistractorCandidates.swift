/// The facts that may stand as wrong options, indexed so that ``DistractorPicker``'s pools are
/// built without scanning every fact for every service.
///
/// A "related" wrong option comes from another service of the same category, on a task family
/// the asked service does not decide. The candidates are grouped by owner, category, task family
/// and task, so a service's pool skips whole families and tasks its own facts decide (on a bank
/// where every service has a fact on every task, that is all of them) and checks the rest fact by
/// fact for the remaining rules (another service, a text none of its own facts has). Facts are
/// named by their position in ``ModelIndex/facts``.
struct DistractorCandidates: Sendable {
    let model: ModelIndex
    /// Whether the fact at each position may be a wrong option owned by AWS or by the customer.
    ///
    /// The ``ItemRules`` are checked once per fact. As before positions, a fact counts when any
    /// fact with its id qualifies.
    private let usableAsAWS: [Bool]
    private let usableAsCustomer: [Bool]
    /// The lower-cased text of the first fact (in id order) with each position's id, as a number.
    ///
    /// Equal texts have equal numbers; ``numbersOfTexts`` maps the texts to them.
    private let textNumbers: [Int32]
    /// The numbers of the texts in ``textNumbers``.
    private let numbersOfTexts: [String: Int32]
    /// The usable facts of services in a category, by owner, category, task family and task;
    /// each list ascending (in id order).
    private let related: [Owner: [ServiceCategory: [String: [String: [Int32]]]]]

    init(model: ModelIndex) {
        self.model = model
        let facts = model.facts
        var usableIDs: [Owner: Set<String>] = [:]
        for owner in [Owner.aws, .customer] {
            usableIDs[owner] = Set(
                facts.filter {
                    $0.owner == owner && $0.hasOneOwner
                        && model.permits($0, as: .distractor, in: .multipleChoice)
                }.map(\.id))
        }
        let awsIDs = usableIDs[.aws] ?? []
        let customerIDs = usableIDs[.customer] ?? []
        usableAsAWS = facts.map { awsIDs.contains($0.id) }
        usableAsCustomer = facts.map { customerIDs.contains($0.id) }
        var firstTexts: [String: Int32] = [:]
        var numbers: [String: Int32] = [:]
        textNumbers = facts.map { fact in
            if let number = firstTexts[fact.id] { return number }
            let text = fact.text.lowercased()
            let number = numbers[text] ?? Int32(numbers.count)
            numbers[text] = number
            firstTexts[fact.id] = number
            return number
        }
        numbersOfTexts = numbers
        var related: [Owner: [ServiceCategory: [String: [String: [Int32]]]]] = [:]
        for (position, fact) in facts.enumerated() {
            guard let category = model.service(of: fact)?.category, category != .none else { continue }
            for owner in [Owner.aws, .customer]
            where (owner == .aws ? usableAsAWS : usableAsCustomer)[position] {
                related[owner, default: [:]][category, default: [:]][model.family(of: fact), default: [:]][
                    fact.task, default: []
                ].append(Int32(position))
            }
        }
        self.related = related
    }

    /// Whether the fact at `position` may be a wrong option owned by `owner` (never `shared`).
    private func isUsable(_ position: Int32, as owner: Owner) -> Bool {
        switch owner {
        case .aws: usableAsAWS[Int(position)]
        case .customer: usableAsCustomer[Int(position)]
        case .shared: false
        }
    }

    /// The three pools for items on `service` asking for `owner`'s responsibility.
    func pools(service: Service, owner: Owner) -> DistractorPicker.Pools {
        let wrong = owner.opposite
        let local = model.ownPositions(of: service.id).filter { isUsable($0, as: wrong) }
        let generic = model.globalPositions(holdingOn: service.id).filter { isUsable($0, as: wrong) }
        // Facts of the other services of the same category (none for services in no category)
        // on families and tasks no own fact decides (``ModelIndex/isDecided(_:on:)``, so none
        // contradicts them either), with texts none of the own facts has.
        var relatedPositions: [Int32] = []
        if service.category != .none, let families = related[wrong]?[service.category] {
            let decidedFamilies = model.familiesDecided(on: service.id)
            let decidedTasks = model.ownTasks(of: service.id)
            var ownTexts: Set<Int32>?
            for (family, tasks) in families where !decidedFamilies.contains(family) {
                for (task, positions) in tasks where !decidedTasks.contains(task) {
                    // A text no fact has in id-first form matches no candidate: left out.
                    let texts =
                        ownTexts
                        ?? Set(
                            model.ownFacts(of: service.id).compactMap { numbersOfTexts[$0.text.lowercased()] }
                        )
                    ownTexts = texts
                    for position in positions
                    where model.facts[Int(position)].service != service.id
                        && !texts.contains(textNumbers[Int(position)])
                    {
                        relatedPositions.append(position)
                    }
                }
            }
            relatedPositions.sort()
        }
        return DistractorPicker.Pools(local: local, related: relatedPositions, generic: generic)
    }
}
