import SRMQuizKit
import Testing

@Suite struct GIFTImporterTests {
    static let file = """
        // A comment line.
        $CATEGORY: course/srm

        ::q-one::Who patches the guest OS on EC2?{
        \t=The customer#Right
        \t~AWS
        \t~Both equally
        \t####Customers own the guest OS.\\n\\nSources\\: https\\://example.com/a
        }

        ::Not An Id::Is AWS responsible for physical security?{TRUE#No#Yes}

        ::q-one::Which TWO are customer duties? Choose TWO.{
          ~%50%IAM users
          ~%50%Data encryption
          ~%-50%Hypervisor
          ~%-50%Facilities
        }

        ::essay::Write about SRM.{}

        Match these {=a -> b =c -> d =e -> f}

        ::num::How many regions? {#3}

        ::short::Name the model.{=SRM =Shared responsibility}

        Broken { no close

        Just a description.

        Escaped \\{braces\\} and a colon\\: here?{=yes ~no ~maybe}
        """

    @Test func convertsWhatItCanAndListsTheRestWithLines() {
        let result = GIFTImporter().importQuestions(
            from: Self.file, defaultSource: "https://example.com/default")
        #expect(result.questions.map(\.id) == ["q-one", "imported-2", "q-one-2", "imported-4"])
        let first = result.questions[0]
        #expect(first.style == .single)
        #expect(first.choices == ["The customer", "AWS", "Both equally"])
        #expect(first.answers == ["The customer"])
        #expect(first.explanation == "Customers own the guest OS.")
        #expect(first.sources == ["https://example.com/a"])

        let truth = result.questions[1]
        #expect(truth.style == .trueFalse)
        #expect(truth.answers == ["True"])
        #expect(
            truth.explanation == "Yes\n\nWhy not False: No",
            "the right-answer feedback stands in for a missing general feedback; the wrong one is kept")
        #expect(truth.sources == ["https://example.com/default"])

        let multiple = result.questions[2]
        #expect(multiple.style == .multiple)
        #expect(multiple.answers == ["IAM users", "Data encryption"])
        #expect(multiple.explanation == "The answers are: IAM users; Data encryption.")

        #expect(result.questions[3].prompt == "Escaped {braces} and a colon: here?")
        #expect(result.defaultedSources == 3)
        #expect(result.defaultedExplanations == 2)

        #expect(
            result.problems == [
                ImportProblem(line: 20, message: "essay questions cannot be converted"),
                ImportProblem(
                    line: 22,
                    message: "matching questions cannot be converted (the bank has no matching type)"),
                ImportProblem(line: 24, message: "numerical questions cannot be converted"),
                ImportProblem(
                    line: 26,
                    message: "short-answer questions cannot be converted (the bank has no short-answer type)"),
                ImportProblem(line: 28, message: "unbalanced braces: the { is not closed"),
            ])
        #expect(result.categories == 1)
        #expect(result.descriptions == 1, "a description is counted, not reported")
    }

    @Test(arguments: [
        ("::t::Q?{=a ~b ~c}\n\n::u::Q?{=a ~b ~c}", "the same question text as the question on line 1"),
        ("::t::Q?{~a ~b ~c}", "no choice is marked correct (= or a positive %weight%)"),
        ("::t::Q?{~a}", "a multiple-choice question needs at least 2 choices"),
        ("::t::Q?{=a ~a ~b}", "two choices have the same text"),
        ("::t Q?{=a ~b ~c}", "the question title is not closed with ::"),
        ("::t::Q?} {=a ~b ~c", "unbalanced braces: the { is not closed"),
        ("::t::Q?{=a ~b ~c} and {=d ~e}", "more than one answer block; not converted"),
        ("::t::Q? Choose TWO.{~%50%a ~%50%b}", "a multiple-answer question needs at least one wrong choice"),
    ])
    func reportsMalformedQuestions(text: String, message: String) {
        let result = GIFTImporter().importQuestions(from: text)
        #expect(result.problems.map(\.message).contains(message))
    }

    @Test func partialCreditNextToAnEqualsSignIsReported() {
        let result = GIFTImporter().importQuestions(from: "Q?{=a ~%50%b ~c}")
        #expect(result.questions.first?.answers == ["a"])
        #expect(
            result.problems == [
                ImportProblem(line: 1, message: "partial-credit choices were imported as wrong choices")
            ])
    }

    @Test(arguments: [
        ("::q/scn-one::Q?{=a ~b ~c}", "q-scn-one"), ("::owner-ec2::Q?{=a ~b ~c}", "owner-ec2"),
        ("::mr/s3/customer/a+b::Q?{=a ~b ~c}", "mr-s3-customer-a-b"),
        ("::Owner EC2::Q?{=a ~b ~c}", "imported-1"), ("::-x::Q?{=a ~b ~c}", "imported-1"),
    ])
    func idsComeFromTitles(text: String, id: String) {
        #expect(GIFTImporter().importQuestions(from: text).questions.map(\.id) == [id])
    }

    @Test func multipleResponseWithoutHowManyGetsIt() {
        let result = GIFTImporter().importQuestions(from: "Which apply?{~%50%a ~%50%b ~%-100%c}")
        #expect(result.questions.first?.prompt == "Which apply? Choose TWO.")
    }
}

@Suite struct AikenImporterTests {
    @Test func readsQuestionsAndReportsBrokenOnes() {
        let text = """
            Who patches the guest OS on EC2?
            A. AWS
            B) The customer
            C. Both
            ANSWER: B
            Is the sky blue?
            A. True
            B. False
            ANSWER: A

            No answer line here?
            A. one
            B. two
            C. three

            Answer out of range?
            A. one
            B. two
            C. three
            ANSWER: D

            Too few?
            A. one
            ANSWER: A
            answer : X
            B. orphan option
            ANSWER: A
            Last one without answer
            A. x
            """
        let result = AikenImporter().importQuestions(from: text)
        #expect(result.questions.count == 2)
        #expect(result.questions[0].choices == ["AWS", "The customer", "Both"])
        #expect(result.questions[0].answers == ["The customer"])
        #expect(result.questions[0].explanation == "The answer is: The customer.")
        #expect(result.questions[1].style == .trueFalse)
        #expect(result.questions[1].answers == ["True"])
        #expect(
            result.problems == [
                ImportProblem(line: 11, message: "missing ANSWER line"),
                ImportProblem(line: 16, message: "ANSWER: D is not one of the options"),
                ImportProblem(line: 22, message: "a question needs at least 2 options (found 1)"),
                ImportProblem(
                    line: 25,
                    message:
                        "\"answer :\" must be upper case in Aiken: write \"ANSWER: <letter>\" (Moodle reads only ANSWER in capitals)"
                ),
                ImportProblem(line: 26, message: "an option without a question"),
                ImportProblem(line: 28, message: "missing ANSWER line"),
            ])
    }
}

@Suite struct CSVImporterTests {
    @Test func reportsRecordsWithTheWrongNumberOfFields() {
        let text =
            "id,prompt,choices,answers\r\nq1,Q?,a | b | c,a\r\nq2,\"multi\nline\",a | b\r\nq3,Q3?,a | b | c,b\r\n"
        let result = CSVImporter().importQuestions(from: text)
        #expect(result.questions.map(\.id) == ["q1", "q3"])
        #expect(result.problems == [ImportProblem(line: 3, message: "expected 4 fields, found 3")])
    }

    @Test func requiresTheKeyColumns() {
        let result = CSVImporter().importQuestions(from: "id,prompt\r\nq,Q?\r\n")
        #expect(result.questions.isEmpty)
        #expect(
            result.problems.first?.message.hasPrefix("the header row lacks the column(s) choices, answers")
                == true)
    }

    @Test func reportsAnUnclosedQuote() {
        let result = CSVImporter().importQuestions(from: "id,prompt,choices,answers\nq,\"Q?,a,b\n")
        #expect(
            result.problems == [
                ImportProblem(
                    line: 2, message: "malformed CSV: a quoted field is not closed before the end of the file"
                )
            ])
    }

    @Test func flashcardsAndInvalidIdsAreHandled() {
        let text = CSVExporter().export([ExchangeFixtures.flashcard, ExchangeFixtures.single]).text
            .replacingOccurrences(of: "owner-ec2-guest-os", with: "Owner:EC2")
        let result = CSVImporter().importQuestions(from: text)
        #expect(
            result.problems == [
                ImportProblem(line: 2, message: "flashcards (no choices) cannot be converted")
            ])
        #expect(result.questions.map(\.id) == ["imported-1"], "n counts the questions read")
        #expect(result.questions.first?.services == ["ec2"])
    }
}
