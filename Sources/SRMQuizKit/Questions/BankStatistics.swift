/// Counts over a bank and the items it yields, for `srmquiz bank stats` and `bank validate`.
public struct BankStatistics: Sendable, Codable, Equatable {
    public var files: Int
    public var sources: Int
    public var services: Int
    public var tasks: Int
    public var controls: Int
    public var facts: Int
    public var questions: Int
    public var items: Int
    /// Facts by owner (`aws`, `customer`, `shared`).
    public var factsByOwner: [String: Int]
    /// Facts by service id (`all` for facts on every service).
    public var factsByService: [String: Int]
    /// Items by kind.
    public var itemsByKind: [String: Int]
    /// Items by the owner they test.
    public var itemsByOwner: [String: Int]
    /// Items by service id.
    public var itemsByService: [String: Int]

    public init(bank: Bank, items: [Item]) {
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
    }
}
