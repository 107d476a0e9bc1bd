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
}

extension BankStatistics {
    /// The counts of `bank` and of `items` (as generated from it).
    package init(bank: Bank, items: [Item]) {
        var tally = Tally(bank: bank)
        for item in items { tally.add(item) }
        self = tally.statistics
    }

    /// Counts items one at a time (as ``QuestionGenerator/forEachItem(seed:_:)`` hands them
    /// over), so the items need not be held together.
    struct Tally {
        private var counts: BankStatistics
        /// The service of each fact id (of the first fact with it).
        private let serviceOfFact: [String: String]
        private let categoryOf: [String: ServiceCategory]
        /// How many choice items use each generic fact as a wrong option.
        private var genericUses: [String: Int] = [:]

        init(bank: Bank) {
            counts = BankStatistics(
                files: bank.files.count, sources: bank.sources.count, services: bank.services.count,
                tasks: bank.tasks.count, controls: bank.controls.count, facts: bank.facts.count,
                questions: bank.questions.count, items: 0,
                factsByOwner: Dictionary(grouping: bank.facts, by: \.owner.rawValue).mapValues(\.count),
                factsByService: Dictionary(grouping: bank.facts, by: \.service).mapValues(\.count),
                itemsByKind: [:], itemsByOwner: [:], itemsByService: [:], balance: Balance())
            serviceOfFact = Dictionary(
                bank.facts.map { ($0.id, $0.service) }, uniquingKeysWith: { first, _ in first })
            categoryOf = Dictionary(
                bank.services.map { ($0.id, $0.category) }, uniquingKeysWith: { first, _ in first })
        }

        /// The counts so far.
        var statistics: BankStatistics {
            var out = counts
            if out.balance.choiceItems > 0, let most = genericUses.values.max() {
                out.balance.largestGenericDistractorShare = Double(most) / Double(out.balance.choiceItems)
            }
            return out
        }

        /// Adds the item counts of `other`, a tally of the same bank over other items (each
        /// tally started from the same one, with no items).
        mutating func merge(_ other: Tally) {
            counts.items += other.counts.items
            counts.itemsByKind.merge(other.counts.itemsByKind, uniquingKeysWith: +)
            counts.itemsByOwner.merge(other.counts.itemsByOwner, uniquingKeysWith: +)
            counts.itemsByService.merge(other.counts.itemsByService, uniquingKeysWith: +)
            counts.balance.ownerItems += other.counts.balance.ownerItems
            counts.balance.ownerItemsKeyedAWS += other.counts.balance.ownerItemsKeyedAWS
            counts.balance.trueFalseItems += other.counts.balance.trueFalseItems
            counts.balance.choiceItems += other.counts.balance.choiceItems
            counts.balance.choiceItemsWithLocalDistractors +=
                other.counts.balance.choiceItemsWithLocalDistractors
            genericUses.merge(other.genericUses, uniquingKeysWith: +)
        }

        mutating func add(_ item: Item) {
            counts.items += 1
            counts.itemsByKind[item.kind.rawValue, default: 0] += 1
            // Each distinct value once (as `Set(item.values(of:))`, without making the sets).
            var owners: [Substring] = []
            var services: [Substring] = []
            for tag in item.tags {
                if tag.hasPrefix("owner:") {
                    let owner = tag.dropFirst(6)
                    if !owners.contains(owner) { owners.append(owner) }
                } else if tag.hasPrefix("service:") {
                    let service = tag.dropFirst(8)
                    if !services.contains(service) { services.append(service) }
                }
            }
            for owner in owners { counts.itemsByOwner[String(owner), default: 0] += 1 }
            for service in services { counts.itemsByService[String(service), default: 0] += 1 }
            switch item.kind {
            case .owner:
                counts.balance.ownerItems += 1
                if item.answers == [Owner.aws.displayName] { counts.balance.ownerItemsKeyedAWS += 1 }
            case .trueFalse:
                counts.balance.trueFalseItems += 1
            case .multipleChoice, .multipleResponse:
                counts.balance.choiceItems += 1
                let service = item.values(of: "service").first ?? ""
                let distractors = item.facts.dropFirst(item.answers.count).compactMap { id in
                    serviceOfFact[id].map { (id: id, service: $0) }
                }
                let local = distractors.filter {
                    $0.service == service
                        || ($0.service != Fact.allServices && categoryOf[$0.service] == categoryOf[service])
                }
                if local.count >= 2 { counts.balance.choiceItemsWithLocalDistractors += 1 }
                for fact in distractors where fact.service == Fact.allServices {
                    genericUses[fact.id, default: 0] += 1
                }
            default:
                break
            }
        }
    }
}
