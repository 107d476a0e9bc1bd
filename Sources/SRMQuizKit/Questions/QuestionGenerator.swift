/// Derives questions from the domain model, plus the bank's hand-written questions.
///
/// Every item's id comes from the model's keys (fact, service, task and control ids), never from
/// wording or file order, so editing an explanation keeps learners' progress. For a given seed the
/// items, their order, their distractors and their choice orders are always the same; each item
/// draws from its own random stream (seed × id), so adding an item changes no other item.
public struct QuestionGenerator: Sendable {
    public let bank: Bank
    let model: ModelIndex

    public init(bank: Bank) {
        self.bank = bank
        self.model = ModelIndex(bank: bank)
    }

    /// Every item, shuffled by `seed`; no two share an id or a prompt.
    public func generate(seed: UInt64 = 0) -> [Item] {
        var items: [Item] = []
        items += ownerItems()
        items += ofOrInItems()
        items += trueFalseItems()
        items += multipleChoiceItems(seed: seed)
        items += multipleResponseItems(seed: seed)
        items += contrastItems(seed: seed)
        items += categoryItems(seed: seed)
        items += controlItems(seed: seed)
        items += flashcards()
        items += scenarioItems(seed: seed)
        items += serviceHelpItems(seed: seed)
        var seenIDs = Set<String>()
        var seenPrompts = Set<String>()
        let unique = items.filter { item in
            seenIDs.insert(item.id).inserted && seenPrompts.insert(item.prompt.lowercased()).inserted
        }
        var rng = SeededGenerator(seed: seed)
        return unique.sorted { $0.id < $1.id }.shuffled(using: &rng)
    }

    // MARK: - Kinds

    func ownerItems() -> [Item] {
        model.facts.map { fact in
            var choices = Owner.allCases
            // Where the documentation supports another owner, leave it out of the choices so the
            // nuance never decides the answer.
            choices.removeAll { $0 != fact.owner && fact.defensibleOwners.contains($0) }
            return Item(
                id: "owner/\(fact.id)", kind: .owner,
                prompt: "\(model.context(fact))who is responsible for \(fact.text)?".capitalizedFirst,
                choices: choices.map(\.displayName), answers: [fact.owner.displayName],
                explanation: model.explanation(fact), nuance: fact.nuance?.text,
                tags: model.tags(fact, kind: .owner), sources: model.urls(fact.sources), facts: [fact.id])
        }
    }

    static let ofChoice = "Security OF the cloud (AWS)"
    static let inChoice = "Security IN the cloud (customer)"

    func ofOrInItems() -> [Item] {
        model.facts.compactMap { fact in
            guard fact.owner != .shared, fact.defensibleOwners.count == 1 else { return nil }
            let answer = fact.owner == .aws ? Self.ofChoice : Self.inChoice
            return Item(
                id: "of-in/\(fact.id)", kind: .ofOrIn,
                prompt: "\(model.context(fact))is \(fact.text) part of security OF the cloud or security IN the cloud?".capitalizedFirst,
                choices: [Self.ofChoice, Self.inChoice], answers: [answer],
                explanation: model.explanation(fact), nuance: fact.nuance?.text,
                tags: model.tags(fact, kind: .ofOrIn), sources: model.urls(fact.sources), facts: [fact.id])
        }
    }

    func trueFalseItems() -> [Item] {
        var items: [Item] = []
        for fact in model.facts {
            items.append(trueFalse(
                id: "tf/\(fact.id)/true", fact: fact,
                statement: model.claim(fact.owner, fact: fact), isTrue: true))
            // Swap the owner: the first owner the documentation does not support.
            if let wrong = [Owner.aws, .customer].first(where: { !fact.defensibleOwners.contains($0) }) {
                items.append(trueFalse(
                    id: "tf/\(fact.id)/owner-swap", fact: fact,
                    statement: model.claim(wrong, fact: fact, alone: fact.owner == .shared), isTrue: false))
            }
        }
        // Swap the service: "Just as on A, X owns T on B" where B's owner differs.
        for fact in model.facts where fact.service != Fact.allServices {
            guard let other = model.contrasting(fact).first,
                let otherService = bank.service(other.service)
            else { continue }
            let statement = "Just as when using \(otherService.name), "
                + model.claim(other.owner, fact: fact, withContext: false)
                + " when using \(model.serviceName(fact))"
            items.append(trueFalse(
                id: "tf/\(fact.id)/like/\(other.id)", fact: fact, statement: statement, isTrue: false,
                extra: " On \(otherService.name), by contrast, \(other.owner.phrase) \(other.owner == .shared ? "share" : "is responsible for") \(other.text)."))
        }
        return items
    }

    private func trueFalse(id: String, fact: Fact, statement: String, isTrue: Bool, extra: String = "") -> Item {
        Item(
            id: id, kind: .trueFalse,
            prompt: "True or false: \(statement.capitalizedFirst).",
            choices: ["True", "False"], answers: [isTrue ? "True" : "False"],
            explanation: "\(isTrue ? "True" : "False"). " + model.explanation(fact) + extra,
            nuance: fact.nuance?.text, tags: model.tags(fact, kind: .trueFalse),
            sources: model.urls(fact.sources), facts: [fact.id])
    }

    func multipleChoiceItems(seed: UInt64) -> [Item] {
        var items: [Item] = []
        for service in bank.services {
            for owner in [Owner.aws, .customer] {
                let correct = model.strictFacts(on: service.id, owner: owner, includeGlobal: false)
                let pool = model.strictFacts(on: service.id, owner: owner.opposite, includeGlobal: true)
                for fact in correct {
                    let id = "mc/\(service.id)/\(owner.rawValue)/\(fact.id)"
                    var rng = StableHash.generator(seed: seed, id: id)
                    let distractors = Array(pool.filter { $0.text != fact.text }.shuffled(using: &rng).prefix(3))
                    guard distractors.count == 3 else { continue }
                    let choices = ([fact] + distractors).map { $0.text.capitalizedFirst }.shuffled(using: &rng)
                    items.append(Item(
                        id: id, kind: .multipleChoice,
                        prompt: "When using \(service.name), which of these is \(owner.possessive) responsibility?",
                        choices: choices, answers: [fact.text.capitalizedFirst],
                        explanation: model.explanation(fact) + " The other options are \(owner.opposite.possessive) responsibility.",
                        nuance: fact.nuance?.text,
                        tags: model.tags(fact, kind: .multipleChoice, owner: owner),
                        sources: model.urls(fact.sources + distractors.flatMap(\.sources)),
                        facts: [fact.id] + distractors.map(\.id)))
                }
            }
        }
        return items
    }

    func multipleResponseItems(seed: UInt64) -> [Item] {
        var items: [Item] = []
        for service in bank.services {
            for owner in [Owner.aws, .customer] {
                let correct = model.strictFacts(on: service.id, owner: owner, includeGlobal: false).sorted { $0.id < $1.id }
                let pool = model.strictFacts(on: service.id, owner: owner.opposite, includeGlobal: true)
                guard correct.count >= 2 else { continue }
                for pairStart in stride(from: 0, to: correct.count - 1, by: 2) {
                    let pair = [correct[pairStart], correct[pairStart + 1]]
                    let id = "mr/\(service.id)/\(owner.rawValue)/\(pair[0].id)+\(pair[1].id)"
                    var rng = StableHash.generator(seed: seed, id: id)
                    let texts = Set(pair.map(\.text))
                    let distractors = Array(pool.filter { !texts.contains($0.text) }.shuffled(using: &rng).prefix(3))
                    guard distractors.count == 3 else { continue }
                    let choices = (pair + distractors).map { $0.text.capitalizedFirst }.shuffled(using: &rng)
                    let answers = choices.filter { texts.contains($0.lowercasedFirstMatch(in: texts)) }
                    items.append(Item(
                        id: id, kind: .multipleResponse,
                        prompt: "When using \(service.name), which TWO of these are \(owner.possessive) responsibility? (Choose TWO.)",
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
        return items
    }

    func contrastItems(seed: UInt64) -> [Item] {
        var items: [Item] = []
        for task in bank.tasks {
            let facts = model.facts.filter { $0.task == task.id && $0.service != Fact.allServices }
            for owner in [Owner.aws, .customer] {
                // One "which service?" item per task and owner; the seed picks which service is
                // the answer.
                let correct = facts.filter { $0.owner == owner && $0.defensibleOwners == [owner] }
                let others = facts.filter { !$0.defensibleOwners.contains(owner) && $0.owner != .shared }
                let id = "contrast/\(task.id)/\(owner.rawValue)"
                var rng = StableHash.generator(seed: seed, id: id)
                guard let fact = correct.randomElement(using: &rng) else { continue }
                var usedServices: Set<String> = [fact.service]
                var distractors: [Fact] = []
                for other in others.shuffled(using: &rng) where distractors.count < 3 {
                    if usedServices.insert(other.service).inserted { distractors.append(other) }
                }
                guard distractors.count == 3 else { continue }
                let choices = ([fact] + distractors).map(model.serviceName).shuffled(using: &rng)
                items.append(Item(
                    id: id, kind: .contrast,
                    prompt: "For which of these services is \(owner.phrase) responsible for \(task.text)?",
                    choices: choices, answers: [model.serviceName(fact)],
                    explanation: "On \(model.serviceName(fact)): " + model.explanation(fact) + " "
                        + distractors.map { "On \(model.serviceName($0)), \($0.owner.phrase) is responsible for \($0.text)." }.joined(separator: " "),
                    nuance: fact.nuance?.text,
                    tags: model.tags(fact, kind: .contrast, owner: owner),
                    sources: model.urls(([fact] + distractors).flatMap(\.sources)),
                    facts: [fact.id] + distractors.map(\.id)))
            }
            items += contrastPairs(task: task, facts: facts, seed: seed)
        }
        return items
    }

    /// "Who is responsible for T on A and on B?" for services where the owners differ; each fact
    /// is paired with the next two facts (by id) of the other owner.
    func contrastPairs(task: ResponsibilityTask, facts: [Fact], seed: UInt64) -> [Item] {
        let strict = facts.filter { $0.owner != .shared && $0.defensibleOwners == [$0.owner] }
        var items: [Item] = []
        for (index, first) in strict.enumerated() {
            let partners = (strict[(index + 1)...] + strict[..<index])
                .filter { $0.owner != first.owner && $0.service != first.service }
            for second in partners.prefix(2) where first.id < second.id {
                let id = "contrast-pair/\(first.id)/\(second.id)"
                var rng = StableHash.generator(seed: seed, id: id)
                let a = model.serviceName(first)
                let b = model.serviceName(second)
                func option(_ x: Owner, _ y: Owner) -> String {
                    x == y ? "\(x.phrase.capitalizedFirst) on both" : "\(x.phrase.capitalizedFirst) on \(a); \(y.phrase) on \(b)"
                }
                let combos: [(Owner, Owner)] = [(.aws, .customer), (.customer, .aws), (.aws, .aws), (.customer, .customer)]
                let answer = option(first.owner, second.owner)
                items.append(Item(
                    id: id, kind: .contrast,
                    prompt: "Who is responsible for \(task.text) when using \(a), and when using \(b)?",
                    choices: combos.map(option).shuffled(using: &rng), answers: [answer],
                    explanation: "On \(a): \(model.explanation(first)) On \(b): \(model.explanation(second))",
                    nuance: first.nuance?.text ?? second.nuance?.text,
                    tags: model.tags(first, kind: .contrast) + ["service:\(second.service)"],
                    sources: model.urls(first.sources + second.sources),
                    facts: [first.id, second.id]))
            }
        }
        return items
    }

    func categoryItems(seed: UInt64) -> [Item] {
        let categorised = bank.services.filter { $0.category != .none && !$0.categoryDerived }
        let choices = [ServiceCategory.infrastructure, .container, .abstracted].map(\.displayName)
        var items: [Item] = []
        for service in categorised {
            items.append(Item(
                id: "category/\(service.id)", kind: .category,
                prompt: "In the AWS Security Best Practices framing, which service category is \(service.name) in?",
                choices: choices, answers: [service.category.displayName],
                explanation: "\(service.name) is \(service.category.article) \(service.category.displayName.lowercased()) service. "
                    + model.categoryMeaning(service.category) + (service.summary.isEmpty ? "" : " " + service.summary),
                tags: ["kind:category", "service:\(service.id)", "category:\(service.category.rawValue)", "topic:categories"],
                sources: model.urls(service.sources)))
            let others = categorised.filter { $0.category != service.category }
            let id = "category-pick/\(service.category.rawValue)/\(service.id)"
            var rng = StableHash.generator(seed: seed, id: id)
            var seenCategories: [ServiceCategory: Int] = [:]
            var distractors: [Service] = []
            for other in others.shuffled(using: &rng) where distractors.count < 3 {
                if seenCategories[other.category, default: 0] < 2 {
                    seenCategories[other.category, default: 0] += 1
                    distractors.append(other)
                }
            }
            guard distractors.count == 3 else { continue }
            items.append(Item(
                id: id, kind: .category,
                prompt: "Which of these is \(service.category.article) \(service.category.displayName.lowercased()) service in the AWS Security Best Practices framing? (\(service.name) option set)",
                choices: ([service] + distractors).map(\.name).shuffled(using: &rng), answers: [service.name],
                explanation: "\(service.name) is \(service.category.article) \(service.category.displayName.lowercased()) service; "
                    + distractors.map { "\($0.name) is \($0.category.article) \($0.category.displayName.lowercased()) service" }.joined(separator: ", ") + ". "
                    + model.categoryMeaning(service.category),
                tags: ["kind:category", "service:\(service.id)", "category:\(service.category.rawValue)", "topic:categories"],
                sources: model.urls(service.sources)))
        }
        return items
    }

    func controlItems(seed: UInt64) -> [Item] {
        var items: [Item] = []
        let typeChoices = ControlType.allCases.map(\.displayName)
        for control in bank.controls {
            let owner: Owner = switch control.type {
            case .inherited: .aws
            case .shared: .shared
            case .customerSpecific: .customer
            }
            let examples = control.examples.isEmpty ? "" : " Examples: \(control.examples.joined(separator: ", "))."
            items.append(Item(
                id: "control/\(control.id)", kind: .controlType,
                prompt: "\(control.name) is which kind of control in the Shared Responsibility Model?",
                choices: typeChoices, answers: [control.type.displayName],
                explanation: "\(control.name) is \(control.type.article) \(control.type.displayName.lowercased()). "
                    + model.controlMeaning(control) + examples,
                tags: ["kind:control-type", "owner:\(owner.rawValue)", "topic:controls", "control:\(control.id)"],
                sources: model.urls(control.sources)))
            guard control.type == .shared, let awsPart = control.awsPart, let customerPart = control.customerPart else { continue }
            let otherParts = bank.controls.filter { $0.id != control.id && $0.type == .shared }
            for (side, part, wrong) in [(Owner.aws, awsPart, customerPart), (.customer, customerPart, awsPart)] {
                let id = "control-part/\(control.id)/\(side.rawValue)"
                var rng = StableHash.generator(seed: seed, id: id)
                var distractors = [wrong]
                for other in otherParts.shuffled(using: &rng) where distractors.count < 3 {
                    if let text = side == .aws ? other.awsPart : other.customerPart, !distractors.contains(text), text != part {
                        distractors.append(text)
                    }
                }
                guard distractors.count >= 2 else { continue }
                items.append(Item(
                    id: id, kind: .controlType,
                    prompt: "\(control.name) is a shared control. Which of these is \(side.possessive) part of it?",
                    choices: ([part] + distractors).shuffled(using: &rng), answers: [part],
                    explanation: "In \(control.name.lowercased()), AWS's part: \(awsPart) The customer's part: \(customerPart)",
                    tags: ["kind:control-type", "owner:\(side.rawValue)", "topic:controls", "control:\(control.id)"],
                    sources: model.urls(control.sources)))
            }
        }
        return items
    }

    func flashcards() -> [Item] {
        var items = model.facts.map { fact in
            Item(
                id: "card/\(fact.id)", kind: .flashcard,
                prompt: "\(fact.service == Fact.allServices ? "Any AWS service" : model.serviceName(fact)): \(fact.text) — AWS, customer or shared?",
                choices: [], answers: ["\(fact.owner.displayName). \(fact.reason)"],
                explanation: model.explanation(fact), nuance: fact.nuance?.text,
                tags: model.tags(fact, kind: .flashcard), sources: model.urls(fact.sources), facts: [fact.id])
        }
        for service in bank.services where !service.summary.isEmpty {
            items.append(Item(
                id: "card/service/\(service.id)", kind: .flashcard,
                prompt: "\(service.name): how does responsibility split?",
                choices: [], answers: [service.summary],
                explanation: "\(service.name): \(service.category.displayName) category" + (service.categoryDerived ? " (assigned by study material, not by AWS)." : "."),
                tags: ["kind:flashcard", "service:\(service.id)", "category:\(service.category.rawValue)", "topic:services"],
                sources: model.urls(service.sources)))
        }
        return items
    }

    func scenarioItems(seed: UInt64) -> [Item] {
        bank.questions.map { question in
            let id = "q/\(question.id)"
            var rng = StableHash.generator(seed: seed, id: id)
            let keepOrder = question.style == .trueFalse
                || question.choices.contains { $0.lowercased().contains("of the above") }
            let choices = keepOrder ? question.choices : question.choices.shuffled(using: &rng)
            let owners = Set(question.facts.compactMap { id in model.facts.first { $0.id == id }?.owner })
            var tags = ["kind:scenario"] + question.services.map { "service:\($0)" }
            tags += question.services.compactMap { bank.service($0).map { "category:\($0.category.rawValue)" } }
            tags += owners.sorted().map { "owner:\($0.rawValue)" } + question.topics.map { "topic:\($0)" }
            var seen = Set<String>()
            return Item(
                id: id, kind: .scenario, prompt: question.prompt, choices: choices,
                answers: choices.filter { question.answers.contains($0) }, explanation: question.explanation,
                tags: tags.filter { seen.insert($0).inserted }, sources: bank.urls(for: question.sources),
                facts: question.facts)
        }
    }
}

extension String {
    /// The member of `texts` this capitalised choice came from.
    fileprivate func lowercasedFirstMatch(in texts: Set<String>) -> String {
        texts.first { $0.capitalizedFirst == self } ?? self
    }
}
