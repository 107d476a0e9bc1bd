import SRMQuizKit
import Testing

/// Files shaped like the ones people bring from Moodle: its own GIFT export (`[html]` everywhere,
/// `// question: N name: …` comments, `$CATEGORY` paths), hand-written course quizzes (two options,
/// per-choice feedback, a missing word) and Aiken files with the usual slips.
@Suite struct RealWorldImportTests {
    static let moodleExport = """
        // question: 0  name: Switch category to $course$/top/SRM
        $CATEGORY: $course$/top/SRM
        // question: 101  name: Guest OS
        ::Guest OS::[html]<p dir\\="ltr" style\\="text-align\\: left;">Who patches the <b>guest OS</b> on \
        Amazon EC2?</p>{
        \t=<p>The customer</p>#<p>Right: it runs in your instance.</p>
        \t~<p>AWS</p>#<p>AWS patches the <span style\\="color\\: red">host</span>, not the guest.</p>
        \t~<p>Both &amp; neither</p>#Incorrect.
        \t####<p>Customers own the guest OS.<br>AWS owns the hypervisor.</p>
        }

        // question: 102  name: Of or in
        ::Of or in::[html]Is patching the hypervisor security <i>of</i> or <i>in</i> the cloud?{
        \t=OF the cloud
        \t~IN the cloud#Not quite\\: the hypervisor is AWS&#39;s.
        }

        // question: 103  name: Physical
        ::Physical::[html]<p>Physical security of data centres is AWS&rsquo;s job.</p>{
        \t=True.
        \t~False.
        }

        ::Grant::Grant is {~buried =entombed ~living} in Grant's tomb.

        ::Markdown::[markdown]Which is **in** the cloud?{=Customer data ~Host hardware ~Data centres}
        """

    @Test func moodleExportConvertsHTMLTwoOptionsFeedbackAndMissingWords() throws {
        let result = GIFTImporter().importQuestions(from: Self.moodleExport)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.categories == 1)
        #expect(
            result.questions.map(\.id) == [
                "imported-1", "imported-2", "imported-3", "imported-4", "imported-5",
            ])
        let guest = result.questions[0]
        #expect(guest.prompt == "Who patches the guest OS on Amazon EC2?")
        #expect(guest.choices == ["The customer", "AWS", "Both & neither"])
        #expect(
            guest.explanation
                == "Customers own the guest OS.\nAWS owns the hypervisor.\n\nWhy a: Right: it runs in your instance."
                + "\n\nWhy not b: AWS patches the host, not the guest.")
        #expect(!guest.explanation.contains("<"), "no raw tags survive")

        let ofOrIn = result.questions[1]
        #expect(ofOrIn.style == .single, "two options are a single-answer question, as in Moodle")
        #expect(ofOrIn.choices == ["OF the cloud", "IN the cloud"])
        #expect(
            ofOrIn.explanation
                == "The answer is: OF the cloud.\n\nWhy not b: Not quite: the hypervisor is AWS's.")

        let physical = result.questions[2]
        #expect(physical.style == .trueFalse, "True./False. choices make a true/false question")
        #expect(physical.answers == ["True"])
        #expect(physical.prompt == "Physical security of data centres is AWS’s job.")

        #expect(result.questions[3].prompt == "Grant is _____ in Grant's tomb.")
        #expect(result.questions[3].answers == ["entombed"])
        #expect(
            result.questions[4].prompt == "Which is **in** the cloud?", "Markdown stays readable as written")
        #expect(result.keptFeedback == 2)

        // What converts is a valid bank.
        let yaml = try BankWriter.yaml(questions: result.questions)
        let loaded = BankLoader.check(yaml: yaml, name: "moodle.yaml")
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
    }

    @Test(arguments: [
        ("$CATEGORY: $course$/top/Empty\n", 1, 0),
        ("// only comments\n$CATEGORY: a\n$CATEGORY: a/b\n\nAn introduction to the quiz.\n", 2, 1),
        ("[html]<p>Read the case study before you start.</p>\n", 0, 1),
    ])
    func categoryOrDescriptionOnlyFilesSayNoQuestions(text: String, categories: Int, descriptions: Int) {
        let result = GIFTImporter().importQuestions(from: text)
        #expect(result.onlyCategoriesOrDescriptions)
        #expect(result.categories == categories)
        #expect(result.descriptions == descriptions)
    }

    @Test func categoryLineRightAboveAQuestionIsNotPartOfIt() {
        let result = GIFTImporter().importQuestions(
            from: "$CATEGORY: srm\n::q::Who?{=AWS ~Customer ~Shared}\n")
        #expect(result.questions.map(\.prompt) == ["Who?"])
        #expect(result.categories == 1)
    }

    static let aiken = """
        Is patching the hypervisor security OF or IN the cloud?
        A. OF the cloud
        B) IN the cloud
        ANSWER: A

        Who patches the guest OS on EC2?
        A. AWS
        B. The customer
        C. Both
        Answer: B

        Who encrypts data at rest in S3?
        A. AWS
        B. The customer
        ANSWER: b
        """

    @Test func aikenTakesTwoOptionsAndStatesTheUpperCaseRule() {
        let result = AikenImporter().importQuestions(from: Self.aiken)
        #expect(
            result.questions.map(\.choices) == [["OF the cloud", "IN the cloud"], ["AWS", "The customer"]])
        #expect(result.questions.last?.answers == ["The customer"])
        #expect(
            result.problems == [
                ImportProblem(
                    line: 6,
                    message:
                        "\"Answer:\" must be upper case in Aiken: write \"ANSWER: <letter>\" (Moodle reads only ANSWER in capitals)"
                )
            ])
    }

    @Test(arguments: [
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<p>one</p><p>two</p>", "one\n\ntwo"),
        (
            "x &lt; y &amp;&amp; z &gt; 1 &quot;q&quot; &#8212; &#x2013; &nbsp;end",
            "x < y && z > 1 \"q\" — – end"
        ),
        ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
        ("<style>p { color: red }</style>Text  with\n  spaces", "Text with spaces"),
        ("AT&T &unknown; & more", "AT&T &unknown; & more"),
    ])
    func htmlBecomesPlainText(html: String, plain: String) {
        #expect(HTMLText.plain(html) == plain)
    }
}
