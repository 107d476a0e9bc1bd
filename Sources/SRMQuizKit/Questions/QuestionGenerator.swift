/// Derives questions from the domain model, plus the bank's hand-written questions.
///
/// Every item's id comes from the model's keys (fact, service, task and control ids), never from
/// wording or file order, so editing an explanation keeps learners' progress. For a given seed the
/// items, their order, their distractors and their choice orders are always the same; each item
/// draws from its own random stream (seed × id), so adding an item changes no other item.
public struct QuestionGenerator: Sendable {
    package let bank: Bank
    let model: ModelIndex
    /// Wrong-option pools by service and owner (seed-independent, so computed once).
    let distractorPools: [String: DistractorPicker.Pools]

    /// A generator for `bank` (indexes it once; generating is then cheap).
    public init(bank: Bank) {
        self.init(bank: bank, poolsUpFront: true)
    }

    /// A generator for `bank`; with `poolsUpFront` false, the wrong-option pools are made by
    /// each call that makes choice items, when it needs them (for a single pass over the items,
    /// where they are then made alongside the other kinds).
    init(bank: Bank, poolsUpFront: Bool) {
        self.bank = bank
        self.model = ModelIndex(bank: bank)
        self.distractorPools = poolsUpFront ? DistractorPicker.allPools(model: model) : [:]
    }

    /// Every item, shuffled by `seed`; no two share an id or a prompt.
    public func generate(seed: UInt64 = 0) -> [Item] {
        // Each kind is made from the model and the seed alone (no shared state, its own random
        // generator), so the kinds are made concurrently and joined in this fixed order.
        let kinds = Self.kinds
        let items = ParallelMap.map(kinds.count) { index in
            var items: [Item] = []
            // Every item is built here and the duplicates are dropped below, all together.
            kinds[index].make(self, seed, { _, _ in true }) { items.append($0) }
            return items
        }.flatMap { $0 }
        var seen = UniqueItems()
        let unique = items.filter { seen.admits($0) }
        var rng = SeededGenerator(seed: seed)
        return SeededShuffle.shuffled(unique.sorted { $0.id < $1.id }, using: &rng)
    }

    /// Hands `body` the items of ``generate(seed:)`` one at a time, as they are made.
    ///
    /// Kind by kind, not shuffled, so a caller that looks at each item once (`bank validate` of a large
    /// bank) never holds them all. ``generatedOrder(ofIDs:seed:wanted:)`` gives their places in
    /// ``generate(seed:)``'s order.
    package func forEachItem(seed: UInt64 = 0, _ body: (Item) -> Void) {
        var seen = UniqueItems()
        forEachItem(seed: seed, kinds: 0..<Self.kindCount, seen: &seen) { item, _ in body(item) }
    }

    /// The number of item kinds, made and joined in a fixed order.
    static var kindCount: Int { kinds.count }

    /// Hands `body` the items of the kinds in `kinds` (positions in the fixed order of kinds),
    /// each with its prompt lower-cased, dropping those `seen` already holds the id or prompt of
    /// and recording the rest in it.
    ///
    /// With `seen` holding what the earlier kinds recorded, the items are exactly those
    /// ``forEachItem(seed:_:)`` hands over for these kinds. Kinds that can tell an item's id and
    /// prompt before building it (the choice kinds: most of their items repeat a prompt) build
    /// only the items that are kept.
    func forEachItem(
        seed: UInt64, kinds: Range<Int>, seen: inout UniqueItems, _ body: (Item, String) -> Void
    ) {
        for kind in Self.kinds[kinds] {
            kind.make(self, seed, { seen.admits(id: $0, lowercasedPrompt: $1) }) { item in
                let prompt = item.prompt.lowercased()
                if kind.claims || seen.admits(id: item.id, lowercasedPrompt: prompt) { body(item, prompt) }
            }
        }
    }

    /// The kinds split into at most `parts` runs of neighbours, each about as much work as the
    /// others (by a rough weight per kind), in order: each run can be made on its own processor.
    static func kindRuns(parts: Int) -> [Range<Int>] {
        let weights = kinds.map(\.weight)
        let total = weights.reduce(0, +)
        let parts = max(1, min(parts, kinds.count))
        var runs: [Range<Int>] = []
        var start = 0
        var sum = 0.0
        for (index, weight) in weights.enumerated() {
            sum += weight
            // Close a run once it reaches its share of the whole (the last run takes the rest).
            if runs.count < parts - 1, sum >= total * Double(runs.count + 1) / Double(parts) {
                runs.append(start..<index + 1)
                start = index + 1
            }
        }
        if start < kinds.count { runs.append(start..<kinds.count) }
        return runs
    }

    /// One kind of item: how it is made, and whether it asks before building an item.
    private struct Kind: Sendable {
        /// Roughly how much work the kind is next to the others (a bank's facts each make one
        /// owner item, one contrast pair or two, and so on); used to split the kinds evenly.
        var weight = 0.0
        /// About how many items it makes, and keeps, per fact of a large bank (to make room).
        var made = 0.0
        var kept = 0.0
        /// Whether `make` hands over only items `claim` accepted (else every item it makes).
        var claims = false
        /// Makes the kind's items: `claim(id, lowercased prompt)` says whether an item is kept
        /// (a kind that claims calls it once per item it would make, in order), `emit` takes them.
        var make: @Sendable (QuestionGenerator, UInt64, (String, String) -> Bool, (Item) -> Void) -> Void
    }

    /// The item kinds, in the order their items are joined: each hands over its items, made
    /// from the model and the seed alone.
    private static let kinds: [Kind] = [
        Kind(weight: 1, made: 1, kept: 1) { generator, _, _, emit in generator.ownerItems(emit) },
        Kind(weight: 1, made: 1, kept: 1) { generator, _, _, emit in generator.ofOrInItems(emit) },
        Kind(weight: 1, made: 1, kept: 1) { generator, _, _, emit in generator.trueFalseItems(emit) },
        Kind(weight: 1, made: 1.5, claims: true) { generator, seed, claim, emit in
            generator.choiceItems(seed: seed, claim: claim, emit)
        },
        Kind(weight: 3, made: 1.9, kept: 1.9) { generator, seed, _, emit in
            generator.contrastItems(seed: seed, emit)
        },
        Kind { generator, seed, _, emit in generator.categoryItems(seed: seed).forEach(emit) },
        Kind { generator, seed, _, emit in generator.controlItems(seed: seed).forEach(emit) },
        Kind(weight: 1, made: 1, kept: 1) { generator, _, _, emit in generator.flashcards(emit) },
        Kind { generator, seed, _, emit in generator.scenarioItems(seed: seed).forEach(emit) },
        Kind { generator, seed, _, emit in generator.serviceHelpItems(seed: seed).forEach(emit) },
    ]

    /// Keeps the first item with each id and the first with each prompt (ignoring case).
    struct UniqueItems {
        private(set) var ids = Set<String>()
        private(set) var prompts = Set<String>()

        /// Nothing recorded yet.
        init() {}

        /// Nothing recorded yet, with room made for the items the kinds in `kinds` are likely
        /// to make of `bank` (so the sets are not rebuilt as they grow).
        init(roomFor kinds: Range<Int>, of bank: Bank) {
            let facts = Double(bank.facts.count)
            ids.reserveCapacity(Int(QuestionGenerator.kinds[kinds].map(\.made).reduce(0, +) * facts))
            prompts.reserveCapacity(Int(QuestionGenerator.kinds[kinds].map(\.kept).reduce(0, +) * facts))
        }

        /// Whether `item` is kept: its id is new, and then its prompt too (an item dropped for
        /// its id does not take its prompt).
        mutating func admits(_ item: Item) -> Bool {
            admits(id: item.id, lowercasedPrompt: item.prompt.lowercased())
        }

        /// ``admits(_:)`` of an item with this id and lowercased prompt.
        mutating func admits(id: String, lowercasedPrompt: String) -> Bool {
            ids.insert(id).inserted && prompts.insert(lowercasedPrompt).inserted
        }

        /// Whether no id and no prompt is in both.
        func isDisjoint(with other: UniqueItems) -> Bool {
            ids.isDisjoint(with: other.ids) && prompts.isDisjoint(with: other.prompts)
        }

        /// Records every id and prompt of `other` too.
        mutating func formUnion(_ other: UniqueItems) {
            ids.formUnion(other.ids)
            prompts.formUnion(other.prompts)
        }
    }

    /// The place in ``generate(seed:)``'s order of each item whose id is in `wanted`, given the
    /// ids of all the items (those ``forEachItem(seed:_:)`` handed over, in any order).
    package static func generatedOrder(ofIDs ids: [String], seed: UInt64, wanted: Set<String>) -> [String:
        Int]
    {
        // generate sorts the items by id and shuffles them: the same shuffle of their sorted
        // places says where each one ends up (the shuffle depends only on the count).
        let sorted = ids.sorted()
        var rng = SeededGenerator(seed: seed)
        let shuffled = SeededShuffle.shuffled(0..<Int32(sorted.count), using: &rng)
        var order: [String: Int] = [:]
        for (place, index) in shuffled.enumerated() where wanted.contains(sorted[Int(index)]) {
            order[sorted[Int(index)]] = place
        }
        return order
    }

    // MARK: - Kinds

    func ownerItems(_ emit: (Item) -> Void) {
        for fact in model.facts where model.permits(fact, as: .key, in: .owner) {
            emit(ownerItem(id: "owner/\(fact.id)", fact: fact, context: model.context(fact)))
        }
        // AWS's global duties asked on the core services: "When using Amazon S3, who is
        // responsible for the physical security of data centres?" — they hold on every service,
        // and they balance the many customer duties the services' own facts name.
        for serviceID in Self.coreServices {
            guard let service = bank.service(serviceID) else { continue }
            for fact in model.globalFacts(holdingOn: serviceID)
            where fact.owner == .aws && fact.hasOneOwner
                && model.permits(fact, as: .key, in: .owner)
            {
                emit(
                    ownerItem(
                        id: "owner/\(fact.id)/\(serviceID)", fact: fact,
                        context: "When using \(model.sentenceName(service)), ", service: serviceID))
            }
        }
    }

    /// The services a new learner meets first (and whose global duties are asked on them).
    static let coreServices = ["ec2", "s3", "rds", "lambda-zip", "iam", "vpc"]

    private func ownerItem(id: String, fact: Fact, context: String, service: String? = nil) -> Item {
        var choices = Owner.allCases
        // Where the documentation supports another owner, leave it out of the choices so the
        // nuance never decides the answer.
        choices.removeAll { $0 != fact.owner && fact.supports($0) }
        var tags = model.tags(fact, kind: .owner)
        if let service {
            tags = tags.map { $0 == "service:\(fact.service)" ? "service:\(service)" : $0 }
            if let category = bank.service(service)?.category { tags.append("category:\(category.rawValue)") }
        }
        return Item(
            id: id, kind: .owner,
            prompt: "\(context)who is responsible for \(fact.text)?".capitalizedFirst,
            choices: choices.map(\.displayName), answers: [fact.owner.displayName],
            explanation: model.explanation(fact), nuance: fact.nuance?.text,
            tags: tags, sources: model.urls(fact.sources), facts: [fact.id])
    }

    static let ofChoice = "Security OF the cloud (AWS)"
    static let inChoice = "Security IN the cloud (customer)"

    func ofOrInItems(_ emit: (Item) -> Void) {
        for fact in model.facts {
            guard fact.owner != .shared, fact.hasOneOwner,
                model.permits(fact, as: .key, in: .ofOrIn)
            else { continue }
            let answer = fact.owner == .aws ? Self.ofChoice : Self.inChoice
            emit(
                Item(
                    id: "of-in/\(fact.id)", kind: .ofOrIn,
                    prompt:
                        "\(model.context(fact))is \(fact.text) part of security OF the cloud or security IN the cloud?"
                        .capitalizedFirst,
                    choices: [Self.ofChoice, Self.inChoice], answers: [answer],
                    explanation: model.explanation(fact), nuance: fact.nuance?.text,
                    tags: model.tags(fact, kind: .ofOrIn), sources: model.urls(fact.sources), facts: [fact.id]
                ))
        }
    }

    /// One statement per fact, true or with the owner swapped (the fact's id decides which, so
    /// about half are false); plus, per task family, one "just as when using A" statement where two
    /// services have facts on the family with different owners.
    ///
    /// Facts with a documented nuance yield none (see ``ItemRules``).
    func trueFalseItems(_ emit: (Item) -> Void) {
        for fact in model.facts where model.permits(fact, as: .key, in: .trueFalse) {
            // Swap the owner: the first owner the documentation does not support.
            let wrong = [Owner.aws, .customer].first { !fact.supports($0) }
            if let wrong, StableHash.fnv1a(fact.id) % 2 == 1 {
                emit(
                    trueFalse(
                        id: "tf/\(fact.id)/owner-swap", fact: fact,
                        statement: model.claim(wrong, fact: fact, alone: fact.owner == .shared), isTrue: false
                    ))
            } else {
                emit(
                    trueFalse(
                        id: "tf/\(fact.id)/true", fact: fact,
                        statement: model.claim(fact.owner, fact: fact), isTrue: true))
            }
        }
        // "When using B, X is responsible for <task>, just as when using A": false where B's owner
        // differs. The task's generic wording makes the premise true of A and meaningful for B.
        var usedFamilies = Set<String>()
        for fact in model.facts
        where fact.service != Fact.allServices
            && model.permits(fact, as: .key, in: .trueFalse)
        {
            guard !usedFamilies.contains(model.family(of: fact)),
                let other = model.contrasting(fact).first(where: {
                    $0.task == fact.task && model.permits($0, as: .premise, in: .trueFalse)
                }),
                let otherService = bank.service(other.service), let task = bank.task(fact.task),
                let service = model.service(of: fact)
            else { continue }
            usedFamilies.insert(model.family(of: fact))
            let statement =
                "when using \(model.sentenceName(service)), \(other.owner.phrase) "
                + "\(other.owner == .shared ? "shares" : "is responsible for") \(task.text), "
                + "just as when using \(model.sentenceName(otherService))"
            emit(
                trueFalse(
                    id: "tf/\(fact.id)/like/\(other.id)", fact: fact, statement: statement, isTrue: false,
                    extra:
                        " On \(model.sentenceName(otherService)), by contrast, \(other.owner.phrase) \(other.owner == .shared ? "share" : "is responsible for") \(other.text).",
                    premise: other))
        }
    }

    private func trueFalse(
        id: String, fact: Fact, statement: String, isTrue: Bool, extra: String = "", premise: Fact? = nil
    ) -> Item {
        Item(
            id: id, kind: .trueFalse,
            prompt: "True or false: \(statement.capitalizedFirst).",
            choices: ["True", "False"], answers: [isTrue ? "True" : "False"],
            explanation: "\(isTrue ? "True" : "False"). " + model.explanation(fact) + extra,
            nuance: fact.nuance?.text, tags: model.tags(fact, kind: .trueFalse),
            sources: model.urls(fact.sources + (premise?.sources ?? [])),
            facts: [fact.id] + (premise.map { [$0.id] } ?? []))
    }

    /// Multiple-choice and multiple-response items, whose wrong options one
    /// ``DistractorPicker`` draws (so the cap on generic options holds across both kinds).
    func choiceItems(seed: UInt64) -> [Item] {
        var items: [Item] = []
        choiceItems(seed: seed, claim: { _, _ in true }) { items.append($0) }
        return items
    }

    /// ``choiceItems(seed:)``, handed over one at a time, building only the items `claim` accepts.
    ///
    /// `claim` is given each item's id and lowercased prompt, in order. The wrong options of a
    /// dropped item are drawn all the same unless its service's own facts fill them whatever
    /// the draw, so the generic options' counts, and every other item, stay the same.
    func choiceItems(seed: UInt64, claim: (String, String) -> Bool, _ emit: (Item) -> Void) {
        var picker = DistractorPicker(model: model, pools: distractorPools)
        var requests: [(service: Service, owner: Owner)] = []
        for service in bank.services {
            for owner in [Owner.aws, .customer] {
                let correct = keys(on: service, owner: owner)
                requests += Array(repeating: (service, owner), count: correct.count + correct.count / 2)
            }
        }
        picker.plan(requests)
        multipleChoiceItems(seed: seed, picker: &picker, claim: claim, emit)
        multipleResponseItems(seed: seed, picker: &picker, claim: claim, emit)
    }

    /// The service's own facts that may key a "which is X's responsibility" item.
    private func keys(on service: Service, owner: Owner) -> [Fact] {
        model.strictFacts(on: service.id, owner: owner, includeGlobal: false)
            .filter { model.permits($0, as: .key, in: .multipleChoice) }
    }

    func multipleChoiceItems(
        seed: UInt64, picker: inout DistractorPicker, claim: (String, String) -> Bool, _ emit: (Item) -> Void
    ) {
        for service in bank.services {
            for owner in [Owner.aws, .customer] {
                // The same prompt for every key of the service and owner.
                let prompt =
                    "When using \(model.sentenceName(service)), which of these is \(owner.possessive) responsibility?"
                let promptKey = prompt.lowercased()
                for fact in keys(on: service, owner: owner) {
                    let id = "mc/\(service.id)/\(owner.rawValue)/\(fact.id)"
                    // An item whose options all come from the service's own facts changes no
                    // count and always exists: it is drawn only if it is kept.
                    let claimed = picker.fillsFromOwnFacts(3, service: service, owner: owner, avoiding: 1)
                    if claimed && !claim(id, promptKey) { continue }
                    var rng = StableHash.generator(seed: seed, id: id)
                    let distractors = picker.pick(
                        3, service: service, owner: owner, avoid: [fact.text], rng: &rng)
                    guard distractors.count == 3, claimed || claim(id, promptKey) else { continue }
                    let choices = SeededShuffle.shuffled(
                        ([fact] + distractors).map { $0.text.capitalizedFirst }, using: &rng)
                    emit(
                        Item(
                            id: id, kind: .multipleChoice,
                            prompt: prompt,
                            choices: choices, answers: [fact.text.capitalizedFirst],
                            explanation: model.explanation(fact)
                                + " The other options are \(owner.opposite.possessive) responsibility.",
                            nuance: fact.nuance?.text,
                            tags: model.tags(fact, kind: .multipleChoice, owner: owner),
                            sources: model.urls(fact.sources + distractors.flatMap(\.sources)),
                            facts: [fact.id] + distractors.map(\.id)))
                }
            }
        }
    }

    func multipleResponseItems(
        seed: UInt64, picker: inout DistractorPicker, claim: (String, String) -> Bool, _ emit: (Item) -> Void
    ) {
        for service in bank.services {
            for owner in [Owner.aws, .customer] {
                let correct = keys(on: service, owner: owner).sorted { $0.id < $1.id }
                guard correct.count >= 2 else { continue }
                // The same prompt for every pair of the service and owner.
                let prompt =
                    "When using \(model.sentenceName(service)), which TWO of these are \(owner.possessive) responsibility? (Choose TWO.)"
                let promptKey = prompt.lowercased()
                for pairStart in stride(from: 0, to: correct.count - 1, by: 2) {
                    let pair = [correct[pairStart], correct[pairStart + 1]]
                    let id = "mr/\(service.id)/\(owner.rawValue)/\(pair[0].id)+\(pair[1].id)"
                    // As for multiple-choice items: drawn only if kept, when that changes nothing.
                    let claimed = picker.fillsFromOwnFacts(3, service: service, owner: owner, avoiding: 2)
                    if claimed && !claim(id, promptKey) { continue }
                    var rng = StableHash.generator(seed: seed, id: id)
                    let texts = Set(pair.map(\.text))
                    let distractors = picker.pick(3, service: service, owner: owner, avoid: texts, rng: &rng)
                    guard distractors.count == 3, claimed || claim(id, promptKey) else { continue }
                    let choices = SeededShuffle.shuffled(
                        (pair + distractors).map { $0.text.capitalizedFirst }, using: &rng)
                    let answers = choices.filter { texts.contains($0.lowercasedFirstMatch(in: texts)) }
                    emit(
                        Item(
                            id: id, kind: .multipleResponse,
                            prompt: prompt,
                            choices: choices, answers: answers,
                            explanation: pair.map { model.explanation($0) }.joined(separator: " ")
                                + " The other options are \(owner.opposite.possessive) responsibility.",
                            nuance: pair.compactMap(\.nuance?.text).first,
                            tags: model.tags(pair[0], kind: .multipleResponse, owner: owner),
                            sources: model.urls(pair.flatMap(\.sources) + distractors.flatMap(\.sources)),
                            facts: pair.map(\.id) + distractors.map(\.id)))
                }
            }
        }
    }

    func contrastItems(seed: UInt64, _ emit: (Item) -> Void) {
        for task in bank.tasks {
            let facts = model.facts(onTask: task.id).filter { $0.service != Fact.allServices }
            for owner in [Owner.aws, .customer] {
                // One "which service?" item per task and owner; the seed picks which service is
                // the answer.
                let correct = facts.filter {
                    $0.owner == owner && model.permits($0, as: .key, in: .contrast)
                }
                let others = facts.filter {
                    !$0.supports(owner) && $0.owner != .shared
                        && model.permits($0, as: .distractor, in: .contrast)
                }
                let id = "contrast/\(task.id)/\(owner.rawValue)"
                var rng = StableHash.generator(seed: seed, id: id)
                guard let fact = SeededShuffle.pick(from: correct, using: &rng) else { continue }
                var usedServices: Set<String> = [fact.service]
                var distractors: [Fact] = []
                for other in SeededShuffle.shuffled(others, using: &rng) where distractors.count < 3 {
                    if usedServices.insert(other.service).inserted { distractors.append(other) }
                }
                guard distractors.count == 3 else { continue }
                let choices = SeededShuffle.shuffled(
                    ([fact] + distractors).map(model.serviceName), using: &rng)
                emit(
                    Item(
                        id: id, kind: .contrast,
                        prompt:
                            "For which of these services is \(owner.phrase) responsible for \(task.text)?",
                        choices: choices, answers: [model.serviceName(fact)],
                        explanation: "On \(model.sentenceName(fact)): " + model.explanation(fact) + " "
                            + distractors.map {
                                "On \(model.sentenceName($0)), \($0.owner.phrase) is responsible for \($0.text)."
                            }.joined(separator: " "),
                        nuance: fact.nuance?.text,
                        tags: model.tags(fact, kind: .contrast, owner: owner),
                        sources: model.urls(([fact] + distractors).flatMap(\.sources)),
                        facts: [fact.id] + distractors.map(\.id)))
            }
            contrastPairs(task: task, facts: facts, seed: seed, emit)
        }
    }

    /// "Who is responsible for T on A and on B?" for services where the owners differ; each fact
    /// is paired with the next two facts (by id) of the other owner.
    func contrastPairs(task: ResponsibilityTask, facts: [Fact], seed: UInt64, _ emit: (Item) -> Void) {
        let strict = facts.filter { $0.owner != .shared && model.permits($0, as: .key, in: .contrast) }
        guard strict.count > 1 else { return }
        // What the items take from each fact, made once per fact (a fact is in up to four items);
        // the facts themselves are not copied per item.
        let ids = strict.map(\.id)
        let owners = strict.map(\.owner)
        let services = strict.map(\.service)
        let nuances = strict.map { $0.nuance?.text }
        let names = strict.map { model.sentenceName($0) }
        let explanations = strict.map { model.explanation($0) }
        let tags = strict.map { model.tags($0, kind: .contrast) }
        let urls = strict.map { model.urls($0.sources) }
        // The options "X on both" read the same in every item.
        let onBoth = [Owner.aws, .customer].map { "\($0.phrase.capitalizedFirst) on both" }
        let capitalised = [Owner.aws, .customer].map(\.phrase.capitalizedFirst)
        for index in strict.indices {
            // The first two facts after this one (wrapping round) of the other owner on another
            // service; found by walking on, not by copying the rotated list (large banks).
            var partners: [Int] = []
            var offset = 1
            while partners.count < 2, offset < strict.count {
                let other = (index + offset) % strict.count
                if owners[other] != owners[index] && services[other] != services[index] {
                    partners.append(other)
                }
                offset += 1
            }
            for partner in partners where ids[index] < ids[partner] {
                let id = "contrast-pair/\(ids[index])/\(ids[partner])"
                var rng = StableHash.generator(seed: seed, id: id)
                let a = names[index]
                let b = names[partner]
                // The options for (AWS, customer), (customer, AWS), (AWS, AWS), (customer, customer).
                let options = [
                    "\(capitalised[0]) on \(a); \(Owner.customer.phrase) on \(b)",
                    "\(capitalised[1]) on \(a); \(Owner.aws.phrase) on \(b)",
                    onBoth[0], onBoth[1],
                ]
                let (first, second) = (owners[index], owners[partner])
                let answer = first == second ? options[first == .aws ? 2 : 3] : options[first == .aws ? 0 : 1]
                emit(
                    Item(
                        id: id, kind: .contrast,
                        prompt: "Who is responsible for \(task.text) when using \(a), and when using \(b)?",
                        choices: SeededShuffle.shuffled(options, using: &rng), answers: [answer],
                        explanation: "On \(a): \(explanations[index]) On \(b): \(explanations[partner])",
                        nuance: nuances[index] ?? nuances[partner],
                        tags: tags[index] + ["service:\(services[partner])"],
                        sources: Self.joined(urls[index], urls[partner]),
                        facts: [ids[index], ids[partner]]))
            }
        }
    }

    /// `model.urls(a.sources + b.sources)` from `model.urls(a.sources)` and `model.urls(b.sources)`:
    /// the pages of both, without repeats, in order.
    static func joined(_ first: [String], _ second: [String]) -> [String] {
        var pages = first
        for page in second where !pages.contains(page) { pages.append(page) }
        return pages
    }

    func categoryItems(seed: UInt64) -> [Item] {
        let categorised = bank.services.filter { $0.category != .none && !$0.categoryDerived }
        let choices = [ServiceCategory.infrastructure, .container, .abstracted].map(\.displayName)
        var items: [Item] = []
        for service in categorised {
            items.append(
                Item(
                    id: "category/\(service.id)", kind: .category,
                    prompt:
                        "In the AWS Security Best Practices framing, which service category is \(service.name) in?",
                    choices: choices, answers: [service.category.displayName],
                    explanation:
                        "\(service.name) is \(service.category.article) \(service.category.displayName.lowercased()) service. "
                        + model.categoryMeaning(service.category)
                        + (service.summary.isEmpty ? "" : " " + service.summary),
                    tags: [
                        "kind:category", "service:\(service.id)", "category:\(service.category.rawValue)",
                        "topic:categories",
                    ],
                    sources: model.urls(service.sources)))
        }
        // "Which of these is a container service?": one item per category (the seed picks the
        // answer), so no prompt has to name its own answer to stay unique.
        for category in [ServiceCategory.infrastructure, .container, .abstracted] {
            let id = "category-pick/\(category.rawValue)"
            var rng = StableHash.generator(seed: seed, id: id)
            let members = categorised.filter { $0.category == category }
            guard let service = SeededShuffle.pick(from: members, using: &rng) else { continue }
            var seenCategories: [ServiceCategory: Int] = [:]
            var distractors: [Service] = []
            let others = categorised.filter { $0.category != category }
            for other in SeededShuffle.shuffled(others, using: &rng)
            where distractors.count < 3 {
                if seenCategories[other.category, default: 0] < 2 {
                    seenCategories[other.category, default: 0] += 1
                    distractors.append(other)
                }
            }
            guard distractors.count == 3 else { continue }
            items.append(
                Item(
                    id: id, kind: .category,
                    prompt:
                        "Which of these is \(category.article) \(category.displayName.lowercased()) service in the AWS Security Best Practices framing?",
                    choices: SeededShuffle.shuffled(([service] + distractors).map(\.name), using: &rng),
                    answers: [service.name],
                    explanation:
                        "\(service.name) is \(category.article) \(category.displayName.lowercased()) service; "
                        + distractors.map {
                            "\($0.name) is \($0.category.article) \($0.category.displayName.lowercased()) service"
                        }.joined(separator: ", ") + ". "
                        + model.categoryMeaning(category),
                    tags: [
                        "kind:category", "service:\(service.id)", "category:\(category.rawValue)",
                        "topic:categories",
                    ],
                    sources: model.urls(service.sources)))
        }
        return items
    }

    func controlItems(seed: UInt64) -> [Item] {
        var items: [Item] = []
        let typeChoices = ControlType.allCases.map(\.displayName)
        for control in bank.controls {
            let owner: Owner =
                switch control.type {
                case .inherited: .aws
                case .shared: .shared
                case .customerSpecific: .customer
                }
            let examples =
                control.examples.isEmpty ? "" : " Examples: \(control.examples.joined(separator: ", "))."
            items.append(
                Item(
                    id: "control/\(control.id)", kind: .controlType,
                    prompt: "\(control.name) is which kind of control in the Shared Responsibility Model?",
                    choices: typeChoices, answers: [control.type.displayName],
                    explanation:
                        "\(control.name) is \(control.type.article) \(control.type.displayName.lowercased()). "
                        + model.controlMeaning(control) + examples,
                    tags: [
                        "kind:control-type", "owner:\(owner.rawValue)", "topic:controls",
                        "control:\(control.id)",
                    ],
                    sources: model.urls(control.sources)))
            guard control.type == .shared, let awsPart = control.awsPart,
                let customerPart = control.customerPart
            else { continue }
            let otherParts = bank.controls.filter { $0.id != control.id && $0.type == .shared }
            for (side, part, wrong) in [
                (Owner.aws, awsPart, customerPart), (.customer, customerPart, awsPart),
            ] {
                let id = "control-part/\(control.id)/\(side.rawValue)"
                var rng = StableHash.generator(seed: seed, id: id)
                var distractors = [wrong]
                for other in SeededShuffle.shuffled(otherParts, using: &rng) where distractors.count < 3 {
                    if let text = side == .aws ? other.awsPart : other.customerPart,
                        !distractors.contains(text), text != part
                    {
                        distractors.append(text)
                    }
                }
                guard distractors.count >= 2 else { continue }
                items.append(
                    Item(
                        id: id, kind: .controlType,
                        prompt:
                            "\(control.name) is a shared control. Which of these is \(side.possessive) part of it?",
                        choices: SeededShuffle.shuffled([part] + distractors, using: &rng), answers: [part],
                        explanation:
                            "In \(control.name.lowercased()), AWS's part: \(awsPart) The customer's part: \(customerPart)",
                        tags: [
                            "kind:control-type", "owner:\(side.rawValue)", "topic:controls",
                            "control:\(control.id)",
                        ],
                        sources: model.urls(control.sources)))
            }
        }
        return items
    }

    func flashcards(_ emit: (Item) -> Void) {
        for fact in model.facts {
            emit(
                Item(
                    id: "card/\(fact.id)", kind: .flashcard,
                    prompt:
                        "\(fact.service == Fact.allServices ? "Any AWS service" : model.serviceName(fact)): \(fact.text) — AWS, customer or shared?",
                    choices: [], answers: [Self.flashcardBack(fact)],
                    explanation: model.explanation(fact), nuance: fact.nuance?.text,
                    // `accepts:` lets a typed answer the documentation supports count as right.
                    tags: model.tags(fact, kind: .flashcard)
                        + fact.otherSupportedOwners.map {
                            "accepts:\($0.rawValue)"
                        },
                    sources: model.urls(fact.sources), facts: [fact.id]))
        }
        for service in bank.services where !service.summary.isEmpty {
            emit(
                Item(
                    id: "card/service/\(service.id)", kind: .flashcard,
                    prompt: "\(service.name): how does responsibility split?",
                    choices: [], answers: [service.summary],
                    explanation: "\(service.name): \(service.category.displayName) category"
                        + (service.categoryDerived ? " (assigned by study material, not by AWS)." : "."),
                    tags: [
                        "kind:flashcard", "service:\(service.id)", "category:\(service.category.rawValue)",
                        "topic:services",
                    ],
                    sources: model.urls(service.sources)))
        }
    }

    /// A flashcard's back: the owner and the reason; where the documentation is more precise,
    /// the split it documents, so the back never hides the nuance.
    static func flashcardBack(_ fact: Fact) -> String {
        var back = "\(fact.owner.displayName). \(fact.reason)".withFinalStop
        if let nuance = fact.nuance {
            let split =
                nuance.owner.map {
                    " (\($0 == .shared ? "shared" : "\($0.displayName)") by the documentation)"
                } ?? ""
            back =
                "\(fact.owner.displayName) in the usual exam answer\(split). \(fact.reason)".withFinalStop
                + " The documentation is more precise: \(nuance.text)".withFinalStop
        }
        return back
    }

    func scenarioItems(seed: UInt64) -> [Item] {
        bank.questions.map { question in
            let id = "q/\(question.id)"
            var rng = StableHash.generator(seed: seed, id: id)
            let keepOrder =
                question.style == .trueFalse
                || question.choices.contains { $0.lowercased().contains("of the above") }
            let choices = keepOrder ? question.choices : SeededShuffle.shuffled(question.choices, using: &rng)
            let owners = Set(question.facts.compactMap { model.fact(id: $0)?.owner })
            var tags = ["kind:scenario"] + question.services.map { "service:\($0)" }
            tags += question.services.compactMap {
                bank.service($0).map { "category:\($0.category.rawValue)" }
            }
            tags += owners.sorted().map { "owner:\($0.rawValue)" } + question.topics.map { "topic:\($0)" }
            var seen = Set<String>()
            return Item(
                id: id, kind: .scenario, prompt: question.prompt, choices: choices,
                answers: choices.filter { question.answers.contains($0) }, explanation: question.explanation,
                tags: tags.filter { seen.insert($0).inserted }, sources: model.urls(question.sources),
                facts: question.facts)
        }
    }
}

extension String {
    /// The text ending in exactly one full stop (or its own ? or !).
    var withFinalStop: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        if text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!") { return text }
        return text + "."
    }

    /// The member of `texts` this capitalised choice came from.
    fileprivate func lowercasedFirstMatch(in texts: Set<String>) -> String {
        texts.first { $0.capitalizedFirst == self } ?? self
    }
}
