import Foundation
import SRMQuizTestSupport
import Testing

@testable import SRMQuizKit

@Suite struct QuestionGeneratorTests {
    static let bank: Bank = {
        do { return try BankLoader.load(paths: [CLI.bundledBank]) } catch { return Bank() }
    }()
    static let items = QuestionGenerator(bank: bank).generate(seed: 42)

    func fact(_ id: String) throws -> Fact {
        try #require(Self.bank.facts.first { $0.id == id }, "no fact \(id)")
    }

    @Test func bundledBankYieldsAtLeast600DistinctItems() {
        #expect(Self.items.count >= 600)
        #expect(Set(Self.items.map(\.id)).count == Self.items.count)
        #expect(Set(Self.items.map { $0.prompt.lowercased() }).count == Self.items.count)
    }

    @Test func everyKindIsGenerated() {
        let kinds = Set(Self.items.map(\.kind))
        #expect(kinds == Set(ItemKind.allCases), "missing: \(Set(ItemKind.allCases).subtracting(kinds))")
    }

    @Test func sameSeedSameItemsSameOrderSameChoices() {
        let again = QuestionGenerator(bank: Self.bank).generate(seed: 42)
        #expect(again == Self.items)
    }

    @Test func otherSeedSameIDsOtherOrder() {
        let other = QuestionGenerator(bank: Self.bank).generate(seed: 43)
        #expect(Set(other.map(\.id)) == Set(Self.items.map(\.id)))
        #expect(other.map(\.id) != Self.items.map(\.id))
    }

    @Test func itemsAreWellFormed() {
        for item in Self.items {
            #expect(!item.sources.isEmpty, "\(item.id) has no source")
            #expect(item.sources.allSatisfy { $0.hasPrefix("http") }, "\(item.id) cites a non-URL")
            #expect(item.tags.contains("kind:\(item.kind.rawValue)"), "\(item.id) lacks its kind tag")
            #expect(!item.answers.isEmpty, "\(item.id) has no answer")
            if item.kind == .flashcard {
                #expect(item.choices.isEmpty)
            } else {
                #expect(item.choices.count >= 2, "\(item.id)")
                #expect(Set(item.choices).count == item.choices.count, "\(item.id) repeats a choice")
                #expect(
                    item.answers.allSatisfy(item.choices.contains), "\(item.id): answer not among choices")
            }
        }
    }

    @Test func ownerAndOfOrInItemsAgreeWithTheModel() throws {
        for item in Self.items where item.kind == .owner || item.kind == .ofOrIn {
            let fact = try fact(item.facts[0])
            if item.kind == .owner {
                #expect(item.answers == [fact.owner.displayName], "\(item.id)")
                // No choice that the documented nuance would also make right.
                for choice in item.choices where choice != fact.owner.displayName {
                    let owner = try #require(Owner.allCases.first { $0.displayName == choice })
                    #expect(!fact.defensibleOwners.contains(owner), "\(item.id): \(choice) is defensible")
                }
            } else {
                #expect(fact.owner != .shared && fact.defensibleOwners.count == 1)
                #expect(item.answers[0].contains(fact.owner == .aws ? "OF" : "IN"), "\(item.id)")
            }
        }
    }

    /// The owner a true/false statement claims, read from its wording.
    func claimedOwner(_ statement: String) -> Owner? {
        if statement.contains("is shared between AWS and the customer") { return .shared }
        if statement.contains("the customer is responsible")
            || statement.contains("the customer alone is responsible")
            || statement.hasPrefix("True or false: The customer")
        {
            return .customer
        }
        if statement.contains("AWS is responsible") || statement.contains("AWS alone is responsible") {
            return .aws
        }
        return nil
    }

    @Test func trueFalseItemsAreTrueExactlyWhenTheModelSaysSo() throws {
        var falseCount = 0
        let statements = Self.items.filter { $0.kind == .trueFalse }
        for item in statements {
            let fact = try fact(item.facts[0])
            let claimed = try #require(claimedOwner(item.prompt), "cannot read the claim in \(item.prompt)")
            let isTrue = item.answers == ["True"]
            if isTrue {
                #expect(claimed == fact.owner, "\(item.id) says True but claims \(claimed)")
            } else {
                falseCount += 1
                #expect(
                    !fact.defensibleOwners.contains(claimed),
                    "\(item.id) says False but \(claimed) is defensible")
            }
        }
        let share = Double(falseCount) / Double(statements.count)
        #expect((0.4...0.6).contains(share), "false share \(share)")
    }

    @Test func distractorsAreNeverTrue() throws {
        for item in Self.items
        where [.multipleChoice, .multipleResponse, .contrast].contains(item.kind)
            && !item.id.hasPrefix("contrast-pair/")
        {
            let asked = try #require(item.values(of: "owner").first.flatMap(Owner.init(rawValue:)))
            let facts = try item.facts.map(fact)
            let correct = Array(facts.prefix(item.answers.count))
            let distractors = facts.dropFirst(item.answers.count)
            #expect(item.choices.count == item.answers.count + distractors.count, "\(item.id)")
            for fact in correct {
                #expect(fact.owner == asked && fact.defensibleOwners == [asked], "\(item.id): \(fact.id)")
            }
            for fact in distractors {
                #expect(
                    !fact.defensibleOwners.contains(asked),
                    "\(item.id): distractor \(fact.id) is also \(asked)")
                #expect(fact.owner != .shared, "\(item.id): shared distractor \(fact.id)")
            }
            if item.kind == .contrast {
                let services = Set(facts.map(\.service))
                #expect(services.count == facts.count, "\(item.id) repeats a service")
                #expect(Set(correct.map(\.task)) == Set(distractors.map(\.task)), "\(item.id) mixes tasks")
            }
        }
    }

    @Test func contrastPairsNameBothOwnersCorrectly() throws {
        let pairs = Self.items.filter { $0.id.hasPrefix("contrast-pair/") }
        #expect(pairs.count >= 15)
        for item in pairs {
            let first = try fact(item.facts[0])
            let second = try fact(item.facts[1])
            #expect(first.task == second.task && first.owner != second.owner)
            let firstName = ModelIndex(bank: Self.bank).sentenceName(
                try #require(Self.bank.service(first.service)))
            let expected =
                "\(first.owner == .aws ? "AWS" : "The customer") on \(firstName); \(second.owner == .aws ? "AWS" : "the customer")"
            #expect(
                item.answers.count == 1 && item.answers[0].hasPrefix(expected), "\(item.id): \(item.answers)")
            #expect(item.choices.count == 4)
        }
    }

    @Test func categoryAndControlItemsAgreeWithTheModel() throws {
        for item in Self.items where item.kind == .category {
            let id = try #require(item.values(of: "service").first)
            let service = try #require(Self.bank.service(id))
            #expect(!service.categoryDerived, "\(item.id) asks a derived category")
            if item.id.hasPrefix("category/") {
                #expect(item.answers == [service.category.displayName])
            } else {
                #expect(item.answers == [service.name])
                for choice in item.choices where choice != service.name {
                    #expect(
                        Self.bank.services.first { $0.name == choice }?.category != service.category,
                        "\(item.id)")
                }
            }
        }
        for item in Self.items where item.id.hasPrefix("control/") {
            let id = try #require(item.values(of: "control").first)
            #expect(item.answers == [try #require(Self.bank.control(id)).type.displayName])
        }
    }

    @Test func idsSurviveEditsOfWordingAndOrder() throws {
        var edited = Self.bank
        edited.facts = edited.facts.reversed().map { fact in
            var fact = fact
            fact.reason = "Reworded: " + fact.reason
            fact.text = fact.text + " (typo fixed)"
            return fact
        }
        edited.questions = edited.questions.map { question in
            var question = question
            question.explanation += " Now with more detail."
            return question
        }
        edited.services.reverse()
        let before = Dictionary(uniqueKeysWithValues: Self.items.map { ($0.id, $0) })
        let after = QuestionGenerator(bank: edited).generate(seed: 42)
        #expect(Set(after.map(\.id)) == Set(before.keys))
        for item in after {
            #expect(before[item.id]?.facts == item.facts, "\(item.id) changed its facts")
            #expect(before[item.id]?.kind == item.kind)
        }
    }

    @Test func addingAFactChangesNoOtherItem() throws {
        var grown = Self.bank
        var extra = try #require(grown.facts.first { $0.service == "ec2" })
        extra.id = "ec2-brand-new-fact"
        extra.task = "brand-new-task"
        extra.text = "a brand new duty"
        grown.tasks.append(ResponsibilityTask(id: "brand-new-task", text: "a brand new duty", topic: "test"))
        grown.facts.append(extra)
        let before = Dictionary(uniqueKeysWithValues: Self.items.map { ($0.id, $0) })
        let after = QuestionGenerator(bank: grown).generate(seed: 42)
        // Items whose own random stream is untouched keep their choices and answers exactly.
        for item in after where item.kind != .multipleChoice && item.kind != .multipleResponse {
            if let old = before[item.id] { #expect(old == item, "\(item.id) changed") }
        }
        #expect(after.contains { $0.id == "owner/ec2-brand-new-fact" })
    }

    @Test func nuancedFactsShowTheirNuance() throws {
        let nuanced = Self.bank.facts.filter { $0.nuance != nil }
        #expect(!nuanced.isEmpty)
        for fact in nuanced {
            // A fact whose wording names its owner yields no owner item, only a flashcard.
            let id = ItemRules.namesOwner(fact) ? "card/\(fact.id)" : "owner/\(fact.id)"
            let item = try #require(Self.items.first { $0.id == id })
            #expect(item.nuance == fact.nuance?.text)
        }
    }

    @Test func fixtureBankGeneratesContrastAndScenario() throws {
        let (bank, problems) = BankFixture.load(BankFixture.minimal)
        #expect(problems.isEmpty)
        let items = QuestionGenerator(bank: bank).generate(seed: 1)
        let ids = Set(items.map(\.id))
        #expect(
            ids.isSuperset(of: [
                "owner/ec2-os-patching", "owner/rds-os-patching", "of-in/ec2-os-patching",
                "tf/ec2-os-patching/like/rds-os-patching", "card/ec2-os-patching", "control/patch-management",
                "q/scn-one",
            ]))
        // One true/false statement per fact: true, or with the owner swapped.
        for fact in ["ec2-os-patching", "rds-os-patching"] {
            #expect(ids.contains("tf/\(fact)/true") != ids.contains("tf/\(fact)/owner-swap"), "\(fact)")
        }
        let swap = try #require(items.first { $0.id == "tf/ec2-os-patching/like/rds-os-patching" })
        #expect(
            swap.prompt
                == "True or false: When using Amazon EC2, AWS is responsible for patching the operating system, just as when using Amazon RDS."
        )
        #expect(swap.answers == ["False"])
    }
}
