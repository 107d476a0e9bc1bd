/// Counts over a bank and the items it yields, for `srmquiz bank stats` and `bank validate`.
package struct BankStatistics: Sendable, Codable, Equatable {
    package var files: Int
    package var sources: Int
    package var services: Int
    package var tasks: Int
    package var controls: Int
    package var facts: Int
    package var questions: Int
    package var items: Int
    /// Facts by owner (`aws`, `customer`, `shared`).
    package var factsByOwner: [String: Int]
    /// Facts by service id (`all` for facts on every service).
    package var factsByService: [String: Int]
    /// Items by kind.
    package var itemsByKind: [String: Int]
    /// Items by the owner they test.
    package var itemsByOwner: [String: Int]
    /// Items by service id.
    package var itemsByService: [String: Int]
    /// The balance the generator aims for (see ``Balance``).
    package var balance: Balance

    /// How the items balance: owners, formats and wrong options.
    package struct Balance: Sendable, Codable, Equatable {
        /// Owner items, and those whose key is AWS (aim: at least 35%).
        package var ownerItems = 0
        package var ownerItemsKeyedAWS = 0
        /// True/false items among everything study draws (aim: at most 20%).
        package var trueFalseItems = 0
        /// Multiple-choice and multiple-response items, and those with at least two of three
        /// wrong options from the same service or category.
        package var choiceItems = 0
        package var choiceItemsWithLocalDistractors = 0
        /// The largest share of choice items one generic (all-services) wrong option appears in
        /// (aim: at most 5%).
        package var largestGenericDistractorShare = 0.0
    }

    package init(bank: Bank, items: [Item]) {
        files = bank.files.count
        sources = bank.sources.count
        services = bank.services.count
        tasks = bank.tasks.count
        controls = bank.controls.count
        facts = bank.facts.count
        questions = bank.questions.count
        self.items = items.count
        factsByOwner = Dictionary(grouping: bank.facts, by: \.owner.rawValue).mapValues(\.count)
        factsByService = Dictionary(grouping: bank.facts, by: \.service).mapValues(\.count)
        itemsByKind = Dictionary(grouping: items, by: \.kind.rawValue).mapValues(\.count)
        var byOwner: [String: Int] = [:]
        var byService: [String: Int] = [:]
        for item in items {
            for owner in Set(item.values(of: "owner")) { byOwner[owner, default: 0] += 1 }
            for service in Set(item.values(of: "service")) { byService[service, default: 0] += 1 }
        }
        itemsByOwner = byOwner
        itemsByService = byService
        balance = Balance(bank: bank, items: items)
    }
}

extension BankStatistics.Balance {
    init(bank: Bank, items: [Item]) {
        let factsByID = Dictionary(bank.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let categoryOf = Dictionary(
            bank.services.map { ($0.id, $0.category) }, uniquingKeysWith: { first, _ in first })
        var genericUses: [String: Int] = [:]
        for item in items {
            switch item.kind {
            case .owner:
                ownerItems += 1
                if item.answers == [Owner.aws.displayName] { ownerItemsKeyedAWS += 1 }
            case .trueFalse:
                trueFalseItems += 1
            case .multipleChoice, .multipleResponse:
                choiceItems += 1
                let service = item.values(of: "service").first ?? ""
                let distractors = item.facts.dropFirst(item.answers.count).compactMap { factsByID[$0] }
                let local = distractors.filter {
                    $0.service == service
                        || ($0.service != Fact.allServices && categoryOf[$0.service] == categoryOf[service])
                }
                if local.count >= 2 { choiceItemsWithLocalDistractors += 1 }
                for fact in distractors where fact.service == Fact.allServices {
                    genericUses[fact.id, default: 0] += 1
                }
            default:
                break
            }
        }
        if choiceItems > 0, let most = genericUses.values.max() {
            largestGenericDistractorShare = Double(most) / Double(choiceItems)
        }
    }
}
