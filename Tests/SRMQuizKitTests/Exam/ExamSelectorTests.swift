import SRMQuizKit
import Testing

@Suite struct ExamSelectorTests {
    let pool: [Item] =
        (0..<30).map { ExamFixture.single("s\($0)") } + (0..<10).map { ExamFixture.multi("m\($0)") }
        + (0..<10).map { ExamFixture.single("o\($0)", kind: .owner) }
        + [
            Item(
                id: "card", kind: .flashcard, prompt: "F", choices: [], answers: ["B"], explanation: "",
                tags: [],
                sources: [])
        ]

    @Test func sameSeedSameExamDifferentSeedDifferentOrder() {
        let a = ExamSelector.select(from: pool, count: 20, seed: 5).map(\.id)
        let b = ExamSelector.select(from: pool.reversed(), count: 20, seed: 5).map(\.id)
        let c = ExamSelector.select(from: pool, count: 20, seed: 6).map(\.id)
        #expect(a == b)
        #expect(a != c)
        #expect(Set(a).count == 20)
    }

    @Test func mixesAboutAFifthMultipleResponseAndPrefersExamKinds() {
        let items = ExamSelector.select(from: pool, count: 20, seed: 1)
        // round(20 × 0.22) = 4 multiple-response questions.
        #expect(items.filter(\.isMultipleResponse).count == 4)
        // 30 preferred single-answer items are enough: no owner items, never a flashcard.
        #expect(!items.contains { $0.kind == .owner || $0.kind == .flashcard })
    }

    @Test func fallsBackOnOtherKindsAndStopsAtThePool() {
        let small = Array(pool.prefix(3)) + Array(pool.suffix(11))  // 3 preferred, 10 owner, 1 flashcard
        let items = ExamSelector.select(from: small, count: 50, seed: 2)
        #expect(items.count == 13)
    }

    @Test func defaultMinutesScaleTheRealExam() {
        #expect(ExamConfiguration.defaultMinutes(count: 65) == 90)
        #expect(ExamConfiguration.defaultMinutes(count: 20) == 28)  // 1800 / 65 = 27.7 → 28
        #expect(ExamConfiguration.defaultMinutes(count: 1) == 2)  // 90 / 65 = 1.38 → 2
    }

    @Test(arguments: [
        ("a", 3, ["a"]), ("B", 3, ["b"]), ("a c", 4, ["a", "c"]), ("c,a", 4, ["a", "c"]),
        ("ca", 4, ["a", "c"]),
    ])
    func parsesLetters(text: String, choices: Int, letters: [String]) {
        let names = ["AWS", "Customer", "Shared", "Nobody"].prefix(choices)
        #expect(
            AnswerParser(choices: Array(names)).options(text).map(ChoiceAnswer.init(indices:))?.letters
                == letters)
    }

    /// Class quizzes read answers with the study parser: numbers and an option's words too.
    @Test(arguments: [("2", ["b"]), ("cust", ["b"]), ("1 3", ["a", "c"]), ("customer, shared", ["b", "c"])])
    func readsNumbersAndWordsLikeStudy(text: String, letters: [String]) {
        #expect(
            AnswerParser(choices: ["AWS", "Customer", "Shared"]).options(text).map(
                ChoiceAnswer.init(indices:))?
                .letters == letters)
    }

    @Test(arguments: ["", "d", "4", "a;b", "ab!", "nobody"])
    func rejectsBadAnswers(text: String) {
        #expect(AnswerParser(choices: ["AWS", "Customer", "Shared"]).options(text) == nil)
    }
}
