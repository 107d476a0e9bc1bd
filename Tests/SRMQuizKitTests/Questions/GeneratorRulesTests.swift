import Foundation
import SRMQuizTestSupport
import Testing

@testable import SRMQuizKit

/// The generator's correctness rules (issue #10), checked over the whole bundled bank and many
/// seeds: nuance, task families, derived categories, self-answering templates, distractors,
/// balance and the lint.
@Suite struct GeneratorRulesTests {
    static let bank: Bank = {
        do { return try BankLoader.load(paths: [CLI.bundledBank]) } catch { return Bank() }
    }()
    static let generator = QuestionGenerator(bank: bank)
    static let items = generator.generate(seed: 7)
    static let factsByID = Dictionary(bank.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    func fact(_ id: String) throws -> Fact { try #require(Self.factsByID[id], "no fact \(id)") }

    /// The families a service's own fact on `task` decides, read from the bank's tasks.
    func decidedFamilies(_ task: String) -> Set<String> {
        guard let task = Self.bank.task(task) else { return [task] }
        return Set([task.family] + task.overrides)
    }

    func family(_ task: String) -> String { Self.bank.task(task)?.family ?? task }

    @Test func nuancedFactsAreNeverTrueFalseStatementsOrWrongOptions() throws {
        let nuanced = Set(Self.bank.facts.filter { $0.nuance != nil }.map(\.id))
        #expect(nuanced.count >= 8)
        for item in Self.items {
            if item.kind == .trueFalse {
                #expect(
                    nuanced.isDisjoint(with: item.facts), "\(item.id) states a nuanced fact as true or false")
            }
            let wrong = item.facts.dropFirst(
                item.kind == .contrast && item.id.hasPrefix("contrast-pair/") ? 2 : item.answers.count)
            if [.multipleChoice, .multipleResponse, .contrast].contains(item.kind) {
                #expect(nuanced.isDisjoint(with: wrong), "\(item.id) uses a nuanced fact as a wrong option")
            }
        }
    }

    @Test func nuancedFlashcardsStateTheSplit() throws {
        for fact in Self.bank.facts where fact.nuance != nil {
            let card = try #require(Self.items.first { $0.id == "card/\(fact.id)" })
            let back = try #require(card.answers.first)
            #expect(
                back.contains("usual exam answer") && back.contains(fact.nuance?.text ?? "-"),
                "\(card.id): \(back)")
        }
    }

    @Test func outpostsSiteFactSuppressesPhysicalAndEnvironmentalGlobals() throws {
        let model = ModelIndex(bank: Self.bank)
        let held = Set(model.globalFacts(holdingOn: "outposts").map(\.id))
        #expect(!held.contains("global-physical-security"))
        #expect(!held.contains("global-environmental-controls"))
        #expect(held.contains("global-regions-azs-edge"), "unrelated globals still hold on Outposts")
        #expect(model.globalFacts(holdingOn: "s3").contains { $0.id == "global-physical-security" })
    }

    @Test func rdsCustomHostFactSuppressesGlobalHostPatching() throws {
        let model = ModelIndex(bank: Self.bank)
        #expect(
            !model.globalFacts(holdingOn: "rds-custom").contains { $0.id == "global-host-virtualization" })
        #expect(model.globalFacts(holdingOn: "dynamodb").contains { $0.id == "global-host-virtualization" })
        for item in Self.items where item.values(of: "service").contains("rds-custom") {
            #expect(!item.facts.contains("global-host-virtualization"), "\(item.id)")
        }
    }

    /// For every seed in 1…50: no wrong option of a "which is X's responsibility when using S"
    /// item contradicts one of S's own facts (same or overridden task family, other owner).
    @Test func noWrongOptionContradictsTheServicesOwnFactsForSeeds1To50() throws {
        let own = Dictionary(grouping: Self.bank.facts, by: \.service)
        for seed in UInt64(1)...50 {
            for item in Self.generator.choiceItems(seed: seed) {
                let service = try #require(item.values(of: "service").first)
                let asked = try #require(item.values(of: "owner").first.flatMap(Owner.init(rawValue:)))
                for id in item.facts.dropFirst(item.answers.count) {
                    let wrong = try fact(id)
                    #expect(
                        !wrong.defensibleOwners.contains(asked),
                        "seed \(seed) \(item.id): \(id) is \(asked)'s")
                    // The service's own facts all hold on it; they decide the facts from elsewhere.
                    guard wrong.service != service else { continue }
                    for local in own[service] ?? []
                    where local.task == wrong.task || decidedFamilies(local.task).contains(family(wrong.task))
                    {
                        #expect(
                            local.defensibleOwners == wrong.defensibleOwners,
                            "seed \(seed) \(item.id): wrong option \(id) contradicts \(local.id)")
                    }
                }
            }
        }
    }

    @Test func servicesThePaperDoesNotCategoriseGetNoCategoryItems() throws {
        let rdsCustom = try #require(Self.bank.service("rds-custom"))
        #expect(rdsCustom.categoryDerived)
        let derivedNames = Set(Self.bank.services.filter(\.categoryDerived).map(\.name))
        for item in Self.items where item.kind == .category {
            #expect(derivedNames.isDisjoint(with: item.choices), "\(item.id) offers a derived service")
            #expect(!item.prompt.contains("option set"), "\(item.id) names its answer: \(item.prompt)")
            for service in item.values(of: "service") {
                #expect(Self.bank.service(service)?.categoryDerived == false, "\(item.id)")
            }
        }
    }

    @Test func ownerQuestionsNeverAnswerThemselves() {
        for item in Self.items where [.owner, .ofOrIn, .trueFalse, .multipleChoice].contains(item.kind) {
            let prompt = item.prompt + " " + item.choices.joined(separator: " ")
            #expect(!prompt.contains("customer's own"), "\(item.id): \(item.prompt)")
            #expect(!prompt.contains("AWS employees"), "\(item.id): \(item.prompt)")
        }
    }

    @Test func compoundStatementsPairFactsOfOneTaskFamily() throws {
        let compound = Self.items.filter { $0.id.contains("/like/") }
        #expect(!compound.isEmpty)
        for item in compound {
            #expect(item.facts.count == 2)
            let (a, b) = (try fact(item.facts[0]), try fact(item.facts[1]))
            #expect(family(a.task) == family(b.task), "\(item.id)")
            #expect(a.nuance == nil && b.nuance == nil, "\(item.id)")
            #expect(item.answers == ["False"] && !a.defensibleOwners.contains(b.owner), "\(item.id)")
        }
    }

    @Test func wrongOptionsComeFromTheSameServiceOrCategoryWhereTheModelHasThem() throws {
        let picker = DistractorPicker(model: ModelIndex(bank: Self.bank))
        let categoryOf = Dictionary(
            Self.bank.services.map { ($0.id, $0.category) }, uniquingKeysWith: { a, _ in a })
        var generic: [String: Int] = [:]
        let choiceItems = Self.items.filter { $0.kind == .multipleChoice || $0.kind == .multipleResponse }
        #expect(choiceItems.count >= 100)
        for item in choiceItems {
            let serviceID = try #require(item.values(of: "service").first)
            let service = try #require(Self.bank.service(serviceID))
            let asked = try #require(item.values(of: "owner").first.flatMap(Owner.init(rawValue:)))
            let pools = picker.pools(service: service, owner: asked)
            let wrong = try item.facts.dropFirst(item.answers.count).map(fact)
            let near = wrong.filter {
                $0.service == serviceID
                    || ($0.service != Fact.allServices && categoryOf[$0.service] == service.category)
            }
            if pools.local.count + pools.related.count >= 2 {
                #expect(
                    near.count >= 2,
                    "\(item.id): only \(near.count) of 3 wrong options from the service or its category")
            }
            for fact in wrong where fact.service == Fact.allServices { generic[fact.id, default: 0] += 1 }
            let borrowed = wrong.filter { $0.service != serviceID }
            #expect(
                Set(borrowed.map(\.task)).count == borrowed.count, "\(item.id): two wrong options on one task"
            )
        }
        for (id, uses) in generic {
            #expect(
                Double(uses) <= 0.05 * Double(choiceItems.count), "\(id) is a wrong option in \(uses) items")
        }
    }

    @Test func balanceOwnersAndFormats() {
        let stats = BankStatistics(bank: Self.bank, items: Self.items)
        let balance = stats.balance
        #expect(Double(balance.ownerItemsKeyedAWS) >= 0.35 * Double(balance.ownerItems), "\(balance)")
        #expect(Double(balance.trueFalseItems) <= 0.20 * Double(stats.items), "\(balance)")
        #expect(balance.largestGenericDistractorShare <= 0.05)
    }

    @Test func everyItemCitesOnlyHTTPSAWSPages() {
        for item in Self.items {
            #expect(!item.sources.isEmpty, "\(item.id)")
            for source in item.sources { #expect(Source.isAWSPage(source), "\(item.id): \(source)") }
        }
        #expect(
            Source.isAWSPage(
                "https://docs.aws.amazon.com/snowball/latest/developer-guide/data-protection-device.html"))
        #expect(
            !Source.isAWSPage(
                "http://docplayer.net/1623610-Amazon-web-services-overview-of-security-processes-august-2015.html"
            ))
        #expect(!Source.isAWSPage("https://github.com/romruben/awscsa/blob/master/Snowball.md"))
        #expect(!Source.isAWSPage("https://aws.amazon.com.example.org/page"))
    }

    @Test func outdatedFactsAreFixed() throws {
        let sqs = try fact("sqs-sse-enablement")
        #expect(sqs.text.contains("default SSE-SQS"))
        let lambdaRotation = try fact("secrets-manager-rotation")
        let managed = try fact("secrets-manager-managed-rotation")
        #expect(lambdaRotation.owner == .customer && lambdaRotation.text.contains("Lambda"))
        #expect(managed.owner == .aws && managed.text.contains("managed rotation"))
        for id in [
            "snowball-device-encryption", "snowball-device-erasure", "route53-dnssec-signing",
            "route53-records",
        ] {
            let urls = Self.bank.urls(for: try fact(id).sources)
            #expect(urls.allSatisfy(Source.isAWSPage), "\(id): \(urls)")
        }
        #expect(!Self.bank.urls(for: try fact("route53-records").sources).contains { $0.contains("dnssec") })
    }

    @Test(arguments: [UInt64(0), 1, 2, 3, 42])
    func theBundledBankLintsClean(seed: UInt64) {
        let lint = BankLint(bank: Self.bank, items: Self.generator.generate(seed: seed))
        #expect(lint.findings.isEmpty, "\(lint.findings.prefix(5))")
        #expect(lint.scenariosCounted >= 30)
        #expect(lint.keyLongestShare <= BankLint.maxKeyLongestShare)
    }

    @Test func theLintCatchesWhatItShould() {
        #expect(!BankLint.punctuationProblems("Who is responsible.. for this?").isEmpty)
        #expect(!BankLint.punctuationProblems("When using Amazon EC2 who patches (the OS?").isEmpty)
        #expect(
            BankLint.punctuationProblems("When using AWS Lambda (managed runtime, .zip), who patches it?")
                .isEmpty)
        #expect(
            !BankLint.articleProblems(
                "When using Amazon EKS control plane, who?", names: ["Amazon EKS control plane"]
            ).isEmpty)
        #expect(
            BankLint.articleProblems(
                "When using the Amazon EKS control plane, who?", names: ["Amazon EKS control plane"]
            ).isEmpty)
        #expect(
            BankLint.articleProblems(
                "Amazon EKS control plane — used with Amazon EKS control plane",
                names: ["Amazon EKS control plane"]
            ) == ["'Amazon EKS control plane' needs an article after 'with'"])
        let giveaway = Item(
            id: "x", kind: .multipleChoice,
            prompt: "Who handles patching the guest OS when patching the guest OS?",
            choices: ["Patching the guest OS", "Something else"], answers: ["Patching the guest OS"],
            explanation: "", tags: [],
            sources: ["https://aws.amazon.com/compliance/shared-responsibility-model/"])
        let lint = BankLint(bank: Bank(), items: [giveaway])
        #expect(lint.findings.contains { $0.message.contains("contains the key") })
    }

    /// ASCII text is split into sentences byte by byte, other text character by character: both
    /// find the same unclosed opening clauses (a non-ASCII sentence added takes the other path).
    @Test(arguments: [
        ("When using Amazon EC2 who patches the OS?", 1),
        ("True or false: When using Amazon EC2 the customer patches the OS.", 1),
        ("True or false: When using Amazon EC2, the customer patches the OS.", 0),
        ("Owner: AWS. Just as on EC2 the customer does. When using S3, it is fine!", 1),
        ("  Just as before", 1),
        ("Who patches? When using Amazon RDS nobody. Just as on EC2", 2),
        ("Nothing to see here.", 0),
        ("When using Amazon EC2 — the guest OS — who patches it?", 1),
        ("True or false: “When using Amazon S3, it’s fine.”", 0),
    ])
    func openingClausesNeedAComma(text: String, expected: Int) {
        let problems = BankLint.punctuationProblems(text)
        #expect(problems.count == expected, "\(problems)")
        #expect(problems.allSatisfy { $0.hasPrefix("no comma closes the opening clause of") })
        #expect(BankLint.punctuationProblems("Café. " + text) == problems)
    }

    @Test func anOptionalTaskFamilyDefaultsToTheTaskID() throws {
        let (bank, problems) = BankFixture.load(BankFixture.minimal)
        #expect(problems.isEmpty)
        for task in bank.tasks { #expect(task.family == task.id && task.overrides.isEmpty) }
        let bad = BankFixture.minimal.replacingOccurrences(
            of: "topic: patching", with: "topic: patching\n    overrides: [no.such-family]")
        let (_, badProblems) = BankFixture.load(bad)
        #expect(badProblems.contains { $0.message.contains("unknown family 'no.such-family'") })
    }
}
