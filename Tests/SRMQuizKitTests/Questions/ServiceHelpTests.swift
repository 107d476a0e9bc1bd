import Foundation
import SRMQuizTestSupport
import Testing

@testable import SRMQuizKit

/// The "which AWS service helps with this responsibility?" kind, the bank sections behind it, and
/// the content added for issue #10.
@Suite struct ServiceHelpTests {
    static let bank: Bank = {
        do { return try BankLoader.load(paths: [CLI.bundledBank]) } catch { return Bank() }
    }()

    /// The services added for issue #10; their facts must cite AWS pages only.
    static let newServices: Set<String> = [
        "config", "inspector", "trusted-advisor", "security-hub", "macie", "detective", "access-analyzer",
        "organizations", "firewall-manager", "systems-manager", "cloudwatch", "backup", "audit-manager",
        "iam-identity-center", "acm", "elb", "site-to-site-vpn", "direct-connect",
    ]

    /// Hosts of AWS-authored pages.
    static func isAWSPage(_ url: String) -> Bool {
        guard url.hasPrefix("https://"), let host = URL(string: url)?.host else { return false }
        return ["docs.aws.amazon.com", "aws.amazon.com", "aws.github.io"].contains(host)
    }

    static let generator = QuestionGenerator(bank: bank)

    /// The service-help items alone (generating the whole bank 50 times is slow in debug builds).
    func helpItems(seed: UInt64) -> [Item] {
        Self.generator.serviceHelpItems(seed: seed)
    }

    /// Checks one generated item against its need and family; returns what is wrong.
    static func problems(of item: Item, in bank: Bank) -> [String] {
        let needID = String(item.id.dropFirst("help/".count))
        guard let help = bank.serviceHelp.first(where: { $0.id == needID }),
            let family = bank.toolFamilies.first(where: { $0.id == help.family })
        else { return ["\(item.id): no need or family"] }
        func name(_ id: String) -> String? { bank.service(id)?.name }
        var problems: [String] = []
        if item.choices.count != 4 { problems.append("\(item.id): \(item.choices.count) choices") }
        if item.answers.count != 1 { problems.append("\(item.id): \(item.answers.count) answers") }
        if !item.answers.allSatisfy(item.choices.contains) {
            problems.append("\(item.id): key not among the choices")
        }
        let answerNames = Set(help.answers.compactMap(name))
        if !item.answers.allSatisfy(answerNames.contains) {
            problems.append("\(item.id): key \(item.answers) is not an answer")
        }
        let familyNames = Set(family.services.compactMap(name))
        let excluded = answerNames.union(help.alsoHelps.compactMap(name))
        for choice in item.choices where !item.answers.contains(choice) {
            if !familyNames.contains(choice) {
                problems.append("\(item.id): distractor \(choice) is outside family \(family.id)")
            }
            if excluded.contains(choice) { problems.append("\(item.id): distractor \(choice) also helps") }
        }
        if item.sources.isEmpty || !item.sources.allSatisfy(isAWSPage) {
            problems.append("\(item.id): sources \(item.sources) are not all https AWS pages")
        }
        return problems
    }

    @Test func bundledBankHasANeedPerItemWithStableIDs() {
        let ids = Set(Self.generator.generate(seed: 1).filter { $0.kind == .serviceHelp }.map(\.id))
        #expect(Self.bank.serviceHelp.count >= 30)
        #expect(ids == Set(Self.bank.serviceHelp.map { "help/\($0.id)" }))
        #expect(Set(helpItems(seed: 2).map(\.id)) == ids)
    }

    @Test(arguments: 1...50)
    func everyItemHasItsKeyAmongFourChoicesAndDistractorsFromTheFamily(seed: Int) {
        let items = helpItems(seed: UInt64(seed))
        #expect(!items.isEmpty)
        for item in items {
            let problems = Self.problems(of: item, in: Self.bank)
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test func theSeedPicksAmongSeveralAnswers() throws {
        let help = try #require(Self.bank.serviceHelp.first { $0.answers.count > 1 })
        var keys: Set<String> = []
        for seed in 1...50 {
            let item = helpItems(seed: UInt64(seed)).first { $0.id == "help/\(help.id)" }
            keys.formUnion(item?.answers ?? [])
        }
        #expect(keys == Set(help.answers.compactMap { Self.bank.service($0)?.name }))
    }

    @Test func newServicesAndTheirFactsCiteAWSPagesOverHTTPS() {
        let bank = Self.bank
        #expect(Self.newServices.isSubset(of: Set(bank.services.map(\.id))))
        for service in bank.services where Self.newServices.contains(service.id) {
            #expect(bank.urls(for: service.sources).allSatisfy(Self.isAWSPage), "\(service.id)")
        }
        let facts = bank.facts.filter { Self.newServices.contains($0.service) }
        #expect(facts.count >= 100)
        for fact in facts {
            let urls = bank.urls(for: fact.sources)
            #expect(!urls.isEmpty && urls.allSatisfy(Self.isAWSPage), "\(fact.id) cites \(urls)")
        }
    }

    @Test func bundledCountsMeetTheIssueTargets() {
        let items = QuestionGenerator(bank: Self.bank).generate(seed: 0)
        let stats = BankStatistics(bank: Self.bank, items: items)
        #expect(stats.services >= 58)
        #expect(stats.facts >= 360)
        #expect(stats.questions >= 86)
        #expect((stats.itemsByKind[ItemKind.serviceHelp.rawValue] ?? 0) >= 30)
    }

    // MARK: - Small banks

    static func bank(families: String, help: String) -> String {
        BankFixture.minimal + """

            tool-families:
            \(families)
            service-help:
            \(help)
            """
    }

    static let threeMoreServices = """
        services:
          - id: s3
            name: Amazon S3
            category: abstracted
            sources: [SRM]
          - id: sqs
            name: Amazon SQS
            category: abstracted
            sources: [SRM]
          - id: sns
            name: Amazon SNS
            category: abstracted
            sources: [SRM]
        """

    @Test func alsoHelpingServicesAreNeverWrongAnswers() throws {
        let yaml = Self.bank(
            families: """
                  - id: all
                    name: everything
                    services: [ec2, rds, s3, sqs, sns]
                """,
            help: """
                  - id: need
                    family: all
                    need: The customer must do something.
                    answers: [ec2]
                    also: [rds]
                    reason: EC2 does it.
                    sources: [SRM]
                """)
        var reader = BankReader()
        reader.read(text: yaml, file: "a.yaml")
        reader.read(text: Self.threeMoreServices, file: "b.yaml")
        let problems = reader.problems + BankValidator(reader: reader).problems()
        #expect(problems.isEmpty, "\(problems)")
        let merged = reader.bank
        for seed in UInt64(1)...20 {
            let item = try #require(
                QuestionGenerator(bank: merged).generate(seed: seed).first { $0.kind == .serviceHelp })
            #expect(item.answers == ["Amazon EC2"])
            #expect(Set(item.choices) == ["Amazon EC2", "Amazon S3", "Amazon SQS", "Amazon SNS"])
            #expect(item.prompt == "The customer must do something. \(QuestionGenerator.serviceHelpQuestion)")
            #expect(item.tags.contains("kind:service-help") && item.tags.contains("owner:customer"))
        }
    }

    @Test func validatorReportsUnknownReferencesAndTooFewWrongAnswers() {
        let yaml = Self.bank(
            families: """
                  - id: small
                    name: too small
                    services: [ec2, rds, lambda]
                """,
            help: """
                  - id: need
                    family: small
                    need: The customer must do something.
                    answers: [ec2, nope]
                    also: [ec2]
                    reason: x
                    facts: [no-fact]
                    sources: [NOPE]
                  - id: other
                    family: missing
                    need: Something else.
                    answers: [rds]
                    reason: y
                    sources: [SRM]
                """)
        let messages = BankFixture.load(yaml).problems.map(\.description)
        for expected in [
            "unknown service 'lambda' in tool family 'small'",
            "unknown service 'nope' in service-help 'need'",
            "unknown fact 'no-fact' in service-help 'need'",
            "unknown source 'NOPE'",
            "service 'ec2' is both an answer and in 'also' in service-help 'need'",
            "service-help 'need' leaves 1 wrong answers in family 'small'; expected at least 3",
            "unknown tool family 'missing' in service-help 'other'",
        ] {
            #expect(messages.contains { $0.contains(expected) }, "missing: \(expected) in \(messages)")
        }
        #expect(messages.allSatisfy { $0.contains("test.yaml:") }, "\(messages)")
    }

    @Test func unknownKeysInTheNewSectionsAreErrors() {
        let yaml = Self.bank(
            families: """
                  - id: fam
                    name: f
                    services: [ec2, rds]
                    colour: red
                """,
            help: "")
        let messages = BankFixture.load(yaml).problems.map(\.description)
        #expect(messages.contains { $0.contains("colour") }, "\(messages)")
    }

    // MARK: - End to end

    @Test func statsShowTheNewKindAndExportsHandleIt() throws {
        let stats = try CLI.run(["bank", "stats"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("service-help"))
        for format in ["gift", "aiken", "csv", "anki", "json"] {
            let result = try CLI.run(["export", "--format", format, "--kind", "service-help"])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stdout.contains("Which AWS service helps the customer with this?"), "\(format)")
        }
    }
}
