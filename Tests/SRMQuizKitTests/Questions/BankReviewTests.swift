import SRMQuizTestSupport
import Testing

@testable import SRMQuizKit

/// `bank validate` counts and lints the items as they are generated (``BankReview``) and builds
/// the wrong-option pools from an index (``DistractorCandidates``): both must give what the
/// straightforward versions give, on the bundled bank and on a synthetic one with task
/// families, overrides, partial coverage, shared texts, generic facts and lint findings.
@Suite struct BankReviewTests {
    static let bundled: Bank = {
        do { return try BankLoader.load(paths: [CLI.bundledBank]) } catch { return Bank() }
    }()

    /// A valid bank of 13 services (one in no category) and 10 tasks in families, where each
    /// service has facts on some tasks only; the texts of task 9 are the same on every service,
    /// and those of task 3 carry " ," (a lint finding in every item showing them).
    static let synthetic: Bank = {
        var yaml = """
            sources:
              SRM:
                url: https://aws.amazon.com/compliance/shared-responsibility-model/
                title: AWS Shared Responsibility Model
                aws: true
            tasks:

            """
        for t in 0..<10 {
            let family = t < 4 ? "\n    family: fam.a" : t < 6 ? "\n    family: fam.b" : ""
            let overrides = t == 6 ? "\n    overrides: [fam.a]" : ""
            yaml +=
                "  - id: task-\(t)\n    text: doing part \(t) of the work\n    topic: topic-\(t % 3)\(family)\(overrides)\n"
        }
        yaml += "services:\n"
        let categories = ["infrastructure", "container", "abstracted"]
        for s in 0..<13 {
            yaml +=
                "  - id: svc-\(s)\n    name: Amazon Thing \(s)\n    category: \(s == 12 ? "none" : categories[s % 3])\n    sources: [SRM]\n"
        }
        yaml += "facts:\n"
        func fact(_ id: String, task: Int, service: String, text: String, owner: String, nuance: Bool = false)
        {
            yaml += "  - id: \(id)\n    task: task-\(task)\n    service: \(service)\n    text: \(text)\n"
            yaml += "    owner: \(owner)\n    reason: The documentation says so.\n    sources: [SRM]\n"
            if nuance { yaml += "    nuance:\n      owner: aws\n      text: AWS does a part of it.\n" }
        }
        for s in 0..<13 {
            for t in 0..<10 where (s * 7 + t * 3) % 5 != 0 {
                let text =
                    t == 9
                    ? "keeping the shared ledger"
                    : t == 3 ? "doing part 3 ,on service \(s)" : "doing part \(t) of the work on service \(s)"
                fact(
                    "f-\(s)-\(t)", task: t, service: "svc-\(s)", text: text,
                    owner: (s + t) % 2 == 0 ? "customer" : "aws", nuance: (s + t) % 7 == 0)
            }
        }
        fact("g-7", task: 7, service: "all", text: "looking after part 7 everywhere", owner: "aws")
        fact("g-8", task: 8, service: "all", text: "looking after part 8 everywhere", owner: "customer")
        let (bank, problems) = BankLoader.check(yaml: yaml, name: "synthetic.yaml")
        return problems.isEmpty ? bank : Bank()
    }()

    @Test func theSyntheticBankLoads() {
        #expect(Self.synthetic.facts.count > 90)
        #expect(Self.synthetic.services.count == 13)
    }

    /// What the pools were before the index: every usable fact scanned for every service.
    static func scannedPools(_ model: ModelIndex, service: Service, owner: Owner) -> (
        local: [String], related: [String], generic: [String]
    ) {
        let wrong = owner.opposite
        func usable(_ fact: Fact) -> Bool {
            fact.owner == wrong && fact.defensibleOwners == [wrong]
                && model.permits(fact, as: .distractor, in: .multipleChoice)
        }
        let own = model.ownFacts(of: service.id)
        let ownTexts = Set(own.map { $0.text.lowercased() })
        let related = model.facts.filter { fact in
            service.category != .none && usable(fact) && model.service(of: fact)?.category == service.category
                && fact.service != service.id && !own.contains { model.decides($0, fact) }
                && !ownTexts.contains(fact.text.lowercased())
        }
        return (
            own.filter(usable).map(\.id), related.map(\.id),
            model.globalFacts(holdingOn: service.id).filter(usable).map(\.id)
        )
    }

    @Test(arguments: [false, true])
    func wrongOptionPoolsAreThoseAScanOfEveryFactFinds(bundled: Bool) {
        let bank = bundled ? Self.bundled : Self.synthetic
        let model = ModelIndex(bank: bank)
        let picker = DistractorPicker(model: model)
        let all = DistractorPicker.allPools(model: model)
        var related = 0
        for service in bank.services {
            for owner in [Owner.aws, .customer] {
                let expected = Self.scannedPools(model, service: service, owner: owner)
                let pools = picker.pools(service: service, owner: owner)
                func ids(_ positions: [Int32]) -> [String] { positions.map { model.facts[Int($0)].id } }
                #expect(ids(pools.local) == expected.local, "\(service.id)/\(owner)")
                #expect(ids(pools.related) == expected.related, "\(service.id)/\(owner)")
                #expect(ids(pools.generic) == expected.generic, "\(service.id)/\(owner)")
                #expect(all["\(service.id)/\(owner.rawValue)"]?.related == pools.related)
                related += pools.related.count
            }
        }
        #expect(related > 0)
    }

    @Test(arguments: [UInt64(0), 3])
    func theReviewOfTheBundledBankMatchesItsGeneratedItems(seed: UInt64) {
        let items = QuestionGenerator(bank: Self.bundled).generate(seed: seed)
        let review = BankReview(bank: Self.bundled, seed: seed)
        #expect(review.statistics == BankStatistics(bank: Self.bundled, items: items))
        let lint = BankLint(bank: Self.bundled, items: items)
        #expect(review.lint.findings == lint.findings)
        #expect(review.lint.scenariosCounted == lint.scenariosCounted)
        #expect(review.lint.scenariosKeyLongest == lint.scenariosKeyLongest)
        #expect(review.lint.scenarioKeyPositions == lint.scenarioKeyPositions)
    }

    @Test(arguments: [UInt64(0), 1, 42])
    func theReviewListsFindingsInTheGeneratedOrder(seed: UInt64) {
        let items = QuestionGenerator(bank: Self.synthetic).generate(seed: seed)
        let review = BankReview(bank: Self.synthetic, seed: seed)
        let lint = BankLint(bank: Self.synthetic, items: items)
        #expect(lint.findings.count > 20)
        #expect(Set(lint.findings.map(\.itemID)).count > 10)
        #expect(review.lint.findings == lint.findings)
        #expect(review.statistics == BankStatistics(bank: Self.synthetic, items: items))
    }

    @Test func eachItemIsHandedOverOnceAsGenerateKeepsIt() {
        let generator = QuestionGenerator(bank: Self.synthetic)
        var streamed: [Item] = []
        generator.forEachItem(seed: 5) { streamed.append($0) }
        let generated = generator.generate(seed: 5)
        #expect(streamed.count == generated.count)
        #expect(Set(streamed) == Set(generated))
        let order = QuestionGenerator.generatedOrder(
            ofIDs: streamed.map(\.id), seed: 5, wanted: Set(streamed.map(\.id)))
        #expect(generated.indices.allSatisfy { order[generated[$0].id] == $0 })
    }

    /// The synthetic bank plus a hand-written question whose prompt is, but for case, that of an
    /// owner item: the two are made in different runs of kinds, so the later run must be made
    /// again knowing the earlier one's prompts (`generate` keeps the owner item, not the question).
    static let collidingPrompt: Bank = {
        var bank = synthetic
        let fact = bank.facts.first { $0.id == "f-0-1" }!
        bank.questions.append(
            AuthoredQuestion(
                id: "echo", style: .single,
                prompt: "WHEN USING AMAZON THING 0, WHO IS RESPONSIBLE FOR \(fact.text.uppercased())?",
                choices: ["AWS", "The customer", "Nobody"], answers: ["AWS"],
                explanation: "The documentation says so.", sources: ["SRM"], services: ["svc-0"],
                facts: [fact.id]))
        return bank
    }()

    /// Splitting the kinds into runs made at once changes nothing, in any number of runs, and a
    /// run that meets an earlier run's prompt is made again.
    @Test(arguments: [1, 2, 3, 4, 10, 20])
    func theReviewInRunsMatchesTheGeneratedItems(parts: Int) {
        for (bank, seed) in [
            (Self.synthetic, UInt64(7)), (Self.collidingPrompt, 0), (Self.collidingPrompt, 9),
        ] {
            let items = QuestionGenerator(bank: bank).generate(seed: seed)
            let lint = BankLint(bank: bank, items: items)
            let review = BankReview(bank: bank, seed: seed, parts: parts)
            #expect(review.statistics == BankStatistics(bank: bank, items: items))
            #expect(review.lint.findings == lint.findings)
            #expect(review.lint.scenariosCounted == lint.scenariosCounted)
            #expect(review.lint.scenarioKeyPositions == lint.scenarioKeyPositions)
            let runs = QuestionGenerator.kindRuns(parts: parts)
            let collides = bank.questions.count > 0 && runs.count > 1
            #expect(review.runsRedone == (collides ? 1 : 0), "\(parts) parts, \(runs)")
        }
        #expect(!QuestionGenerator(bank: Self.collidingPrompt).generate().contains { $0.id == "q/echo" })
    }

    /// The runs of kinds cover every kind once, in order.
    @Test func theRunsOfKindsCoverEveryKindInOrder() {
        for parts in 0...12 {
            let runs = QuestionGenerator.kindRuns(parts: parts)
            #expect(runs.count == min(max(parts, 1), QuestionGenerator.kindCount) || runs.count <= parts)
            #expect(runs.first?.lowerBound == 0)
            #expect(runs.last?.upperBound == QuestionGenerator.kindCount)
            #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty })
        }
        #expect(QuestionGenerator.kindRuns(parts: 2).count == 2)
    }

    /// Where the picker says a service's own facts fill an item, every draw takes all its options
    /// from them (so a dropped item need not be drawn); both cases occur on the synthetic bank.
    @Test(arguments: [false, true])
    func ownFactsThatFillAnItemAreAllItDraws(bundled: Bool) {
        let bank = bundled ? Self.bundled : Self.synthetic
        let model = ModelIndex(bank: bank)
        var picker = DistractorPicker(model: model)
        var fills = 0
        var short = 0
        for service in bank.services {
            for owner in [Owner.aws, .customer] {
                let local = Set(
                    picker.pools(service: service, owner: owner).local.map { model.facts[Int($0)].id })
                let keys = model.strictFacts(on: service.id, owner: owner, includeGlobal: false)
                for avoiding in [1, 2] {
                    guard picker.fillsFromOwnFacts(3, service: service, owner: owner, avoiding: avoiding)
                    else {
                        short += 1
                        continue
                    }
                    fills += 1
                    for seed in UInt64(0)..<20 {
                        var rng = SeededGenerator(seed: seed)
                        let avoid = Set(keys.prefix(avoiding).map(\.text))
                        let picked = picker.pick(3, service: service, owner: owner, avoid: avoid, rng: &rng)
                        #expect(
                            picked.count == 3 && picked.allSatisfy { local.contains($0.id) }, "\(service.id)")
                    }
                }
            }
        }
        #expect(fills > 0)
        #expect(bundled || short > 0)
    }
}
