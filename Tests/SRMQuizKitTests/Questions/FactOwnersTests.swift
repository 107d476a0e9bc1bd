import Foundation
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
        "x \u{301}", "é e", "tab\tseparated", "a — b", "—", "x\r\ny", "x\r\n y", "“quoted” text", "–“",
    ])
    func twoWordsAreCountedAsSplittingOnSpacesDoes(answer: String) {
        #expect(BankLint.Pass.hasTwoWords(answer) == (answer.split(separator: " ").count >= 2))
    }

    /// The lint's byte pass (which skips bytes that are no mark) finds the doubled marks and the
    /// unbalanced parentheses a plain string search finds, on random texts of marks and words.
    @Test func theBytePassFindsTheMarksAStringSearchFinds() {
        let pieces = ["a", " ", ".", ",", "?", "(", ")", "1", "Z", "—", ".zip", "!", "~", "\n"]
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<3000 {
            let count = 1 + Int(rng.next() % 14)
            let text = (0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            var expected: [String] = []
            for bad in ["..", ",,", " ,", " .", ".?", "?.", ",.", ".,"] where text.contains(bad) {
                if bad == " ." && text.contains(" .zip") { continue }
                expected.append("'\(bad)' in \"\(text.prefix(80))\"")
            }
            var depth = 0
            for character in text {
                if character == "(" { depth += 1 }
                if character == ")" { depth -= 1 }
                if depth < 0 { break }
            }
            if depth != 0 { expected.append("unbalanced parentheses in \"\(text.prefix(80))\"") }
            let found = BankLint.bytePunctuationProblems(text).filter { !$0.hasPrefix("no comma") }
            #expect(found == expected, "\(text)")
        }
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

/// The quick way to capitalise a text's first letter gives what upper-casing its first
/// character gives.
@Suite struct CapitalizedFirstTests {
    @Test(arguments: [
        "", "a", "A", "abc", "zebra crossing", "1st", " lead", "éclair", "a\u{301}bc", "a\u{345}x",
        "\r\nx", "ß", "i", "[a]", "~", "mixed Case", "a—b", "ǆ", "\u{1F600} smile",
    ])
    func capitalisingMatchesUpperCasingTheFirstCharacter(text: String) {
        let slow = text.first.map { $0.uppercased() + text.dropFirst() } ?? text
        #expect(text.capitalizedFirst == slow)
        #expect(Array(text.capitalizedFirst.utf8) == Array(slow.utf8))
    }
}
