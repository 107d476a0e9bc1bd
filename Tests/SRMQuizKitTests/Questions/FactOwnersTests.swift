import Testing

@testable import SRMQuizKit

/// The generator's shortcuts over a fact's owners, and the lint's word count, give what the
/// straightforward versions give.
@Suite struct FactOwnersTests {
    @Test func theOwnerShortcutsMatchTheDefensibleOwners() {
        for owner in Owner.allCases {
            for nuance in [nil] + Owner.allCases.map(Optional.some) + [Owner?.none] {
                let fact = Fact(
                    id: "f", task: "t", service: "s", text: "doing it", owner: owner, reason: "Because.",
                    nuance: nuance.map { Fact.Nuance(owner: $0, text: "More precisely.") }, sources: ["SRM"])
                for other in Owner.allCases {
                    #expect(fact.supports(other) == fact.defensibleOwners.contains(other))
                }
                #expect(fact.hasOneOwner == (fact.defensibleOwners == [owner]))
                #expect(fact.hasOneOwner == (fact.defensibleOwners.count == 1))
                #expect(fact.otherSupportedOwners == fact.defensibleOwners.subtracting([owner]).sorted())
            }
            let plain = Fact(
                id: "f", task: "t", service: "s", text: "x", owner: owner, reason: "R.",
                nuance: Fact.Nuance(owner: nil, text: "Says more."), sources: [])
            #expect(plain.hasOneOwner && plain.otherSupportedOwners.isEmpty)
        }
    }

    @Test(arguments: [
        "", " ", "AWS", " AWS ", "AWS on both", "  two  words ", "a b", "one\u{301} ", " \u{301}x",
        "x \u{301}", "é e", "tab\tseparated",
    ])
    func twoWordsAreCountedAsSplittingOnSpacesDoes(answer: String) {
        #expect(BankLint.Pass.hasTwoWords(answer) == (answer.split(separator: " ").count >= 2))
    }

    @Test func joiningTwoFactsPagesIsThePagesOfTheirJoinedSources() {
        let model = ModelIndex(bank: BankReviewTests.bundled)
        let facts = Array(model.facts.prefix(60))
        for (first, second) in zip(facts, facts.reversed()) {
            #expect(
                QuestionGenerator.joined(model.urls(first.sources), model.urls(second.sources))
                    == model.urls(first.sources + second.sources))
        }
        #expect(QuestionGenerator.joined(["a", "b"], ["b", "c", "a"]) == ["a", "b", "c"])
    }
}
