import Foundation
import SRMQuizKit
import Testing

@Suite struct JSONExporterTests {
    @Test func writesEveryFieldInAFixedOrderAndParsesBack() throws {
        let text = JSONExporter().export(ExchangeFixtures.all).text
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.count == ExchangeFixtures.all.count)
        let tricky = parsed[1]
        #expect(tricky["prompt"] as? String == ExchangeFixtures.tricky.prompt)
        #expect(tricky["choices"] as? [String] == ExchangeFixtures.tricky.choices)
        #expect(tricky["nuance"] as? String == ExchangeFixtures.tricky.nuance)
        #expect(parsed[0]["nuance"] == nil)
        #expect(parsed[5]["choices"] as? [String] == [])
        #expect(parsed[5]["answers"] as? [String] == ["The customer"])
        #expect(parsed[0]["facts"] as? [String] == ["ec2-guest-os"])
        // Keys in the documented order.
        let first = text.components(separatedBy: "},")[0]
        let keys = [
            "\"id\"", "\"kind\"", "\"prompt\"", "\"choices\"", "\"answers\"", "\"explanation\"", "\"tags\"",
            "\"sources\"", "\"facts\"",
        ]
        let positions = keys.map { first.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func escapesControlCharacters() throws {
        let item = Item(
            id: "x", kind: .scenario, prompt: "bell\u{07} quote\" slash\\ tab\t", choices: [], answers: [],
            explanation: "", tags: [], sources: [])
        let text = JSONExporter().export([item]).text
        #expect(text.contains(#""bell\u0007 quote\" slash\\ tab\t""#))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["prompt"] as? String == item.prompt)
    }

    @Test func emptyExportIsAnEmptyArray() {
        #expect(JSONExporter().export([]).text == "[]\n")
    }
}

@Suite struct CSVExporterTests {
    @Test func headerAndQuotingFollowRFC4180() throws {
        let text = CSVExporter().export([ExchangeFixtures.single, ExchangeFixtures.tricky]).text
        #expect(text.hasPrefix("id,kind,prompt,choices,answers,explanation,nuance,tags,sources\r\n"))
        #expect(
            text.contains(
                "\"Braces {x}, tilde ~, equals =, hash #, colon: \"\"quotes\"\", <b>tag</b> & a\ttab\nand a new line?\""
            ))
        let records = try CSVCodec.parse(text)
        #expect(records.count == 3)
        #expect(records[2].fields[2] == ExchangeFixtures.tricky.prompt)
        #expect(records[2].fields[3] == "A = B | C ~ D | {E} | F # G: H | back\\slash")
        #expect(records[2].fields[6] == ExchangeFixtures.tricky.nuance)
        #expect(records[1].fields[6] == "")
        #expect(records[1].line == 2)
        #expect(records[2].line == 3)
    }
}

extension CSVExporterTests {
    /// A prompt or choice starting with `=`, `+`, `-` or `@` would run as a formula when the file
    /// is opened in a spreadsheet; export defuses it like the report tables, import restores it.
    @Test func formulasAreDefusedOnExportAndRestoredOnImport() throws {
        let item = Item(
            id: "scn-formula", kind: .scenario, prompt: "=HYPERLINK(\"http://x\",\"click\")",
            choices: ["+1 more", "-", "@admin", "'=already quoted", "-5"], answers: ["@admin"],
            explanation: "-explained", tags: ["service:ec2"], sources: [ExchangeFixtures.srm])
        let text = CSVExporter().export([item]).text
        let fields = try CSVCodec.parse(text)[1].fields
        #expect(fields[2] == "'=HYPERLINK(\"http://x\",\"click\")")
        #expect(fields[3] == "'+1 more | - | @admin | '=already quoted | -5")
        #expect(fields[4] == "'@admin")
        #expect(fields[5] == "'-explained")
        let read = CSVImporter().read(text)
        let draft = try #require(read.drafts.first)
        #expect(draft.prompt == item.prompt)
        #expect(draft.choices == item.choices)
        #expect(draft.answers == item.answers)
        #expect(draft.explanation == item.explanation)
    }

    @Test(arguments: ["=1+1", "''=x", "'", "'-", "-", "-5", "+", "plain", "'plain", "@", "\t=x"])
    func restoredUndoesDefused(field: String) {
        #expect(CSVCodec.restored(CSVCodec.defused(field)) == field)
    }
}

@Suite struct AnkiExporterTests {
    @Test func writesAnkiFileHeaders() {
        let text = AnkiExporter(deck: "My Deck").export([ExchangeFixtures.single]).text
        let header = """
            #separator:tab
            #html:true
            #notetype:Basic
            #deck:My Deck
            #guid column:1
            #tags column:4

            """
        #expect(text.hasPrefix(header))
        #expect(AnkiExporter().export([]).text.contains("#deck:AWS Shared Responsibility\n"))
    }

    @Test func oneLinePerNoteWithFourFieldsAndNoRawSpecials() throws {
        let items = ExchangeFixtures.all
        let text = AnkiExporter().export(items).text
        let notes = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(notes.count == items.count)
        for (note, item) in zip(notes, items) {
            let fields = note.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 4)
            #expect(fields[0] == item.id)
            #expect(!note.contains("\""), "a raw quote would start Anki's CSV quoting")
        }
        let tricky = notes[1].split(separator: "\t", omittingEmptySubsequences: false)
        #expect(tricky[1].contains("&lt;b&gt;tag&lt;/b&gt; &amp; a&#9;tab<br>and a new line?"))
        #expect(tricky[1].contains("&quot;quotes&quot;"))
        #expect(tricky[1].contains("<br><br>A. A = B<br>B. C ~ D<br>C. {E}"))
        #expect(tricky[2].hasPrefix("<b>Answer:</b> C. {E}"))
        #expect(tricky[2].contains("<i>Nuance:</i> Nuance with &lt;angle&gt; &amp; &quot;quotes&quot;."))
        #expect(tricky[2].contains("<a href='https://example.com/a?b=c&amp;d=e'>"))
        #expect(tricky[3] == "srm::service::ec2 srm::topic::odd_tag")
        let multiple = notes[2].split(separator: "\t", omittingEmptySubsequences: false)
        #expect(multiple[2].hasPrefix("<b>Answers:</b> A. Guest OS patches<br>C. Security groups"))
        let card = notes[5].split(separator: "\t", omittingEmptySubsequences: false)
        #expect(card[1] == "Amazon EC2: who patches the guest OS?")
        #expect(card[2].hasPrefix("The customer<br><br>Infrastructure service."))
    }

    @Test(arguments: [
        ("service:ec2", "srm::service::ec2"),
        ("topic:shared responsibility", "srm::topic::shared_responsibility"),
        ("kind:of-or-in", "srm::kind::of-or-in"),
        ("plain", "srm::plain"),
    ])
    func tagsAreHierarchicalWithoutSpaces(tag: String, expected: String) {
        var item = ExchangeFixtures.single
        item.tags = [tag]
        let line = AnkiExporter().export([item]).text.split(separator: "\n").last ?? ""
        #expect(line.hasSuffix("\t" + expected))
    }

    @Test func quotesAGuidThatWouldReadAsAComment() {
        var item = ExchangeFixtures.single
        item.id = "#odd\"id"
        let line = AnkiExporter().export([item]).text.split(separator: "\n").last ?? ""
        #expect(line.hasPrefix("\"#odd\"\"id\"\t"))
    }
}

@Suite struct GIFTExporterTests {
    @Test func escapesEverySpecialCharacter() {
        #expect(GIFTText.escape("a{b}c~d=e#f:g\\h\r\ni") == "a\\{b\\}c\\~d\\=e\\#f\\:g\\\\h\\ni")
    }

    @Test func singleChoiceGolden() {
        let text = GIFTExporter().export([ExchangeFixtures.single]).text
        let expected = """
            $CATEGORY: srmquiz/owner

            ::owner-ec2-guest-os::Who is responsible for patching the guest OS when using Amazon EC2?{
            \t~AWS#Incorrect.
            \t=Customer#Correct.
            \t~Shared#Incorrect.
            \t####On infrastructure services the guest OS is the customer's.\\n\\nSources\\: https\\://aws.amazon.com/compliance/shared-responsibility-model/
            }

            """
        #expect(text.hasSuffix(expected))
    }

    @Test func trickyTextIsEscapedEverywhere() {
        let text = GIFTExporter().export([ExchangeFixtures.tricky]).text
        #expect(
            text.contains(
                "::scn-tricky::Braces \\{x\\}, tilde \\~, equals \\=, hash \\#, colon\\: \"quotes\", <b>tag</b> & a\ttab\\nand a new line?{"
            ))
        #expect(text.contains("\t=\\{E\\}#Correct.\n"))
        #expect(text.contains("\t~F \\# G\\: H#Incorrect.\n"))
        #expect(text.contains("\t~back\\\\slash#Incorrect.\n"))
        #expect(
            text.contains(
                "####Because\\: 1 \\= 1 \\#true \\{always\\} \\~ \"yes\".\\n\\nNuance\\: Nuance with"))
    }

    @Test func multipleResponseWeightsFollowMoodle() {
        let text = GIFTExporter().export([ExchangeFixtures.multiple]).text
        #expect(text.contains("\t~%50%Guest OS patches#Correct.\n"))
        #expect(text.contains("\t~%-33.33333%Hypervisor#Incorrect.\n"))
        #expect(text.contains("\t~%50%Security groups#Correct.\n"))
        #expect(!text.contains("\t="))
    }

    @Test func trueFalseUsesTAndF() {
        let text = GIFTExporter().export([ExchangeFixtures.trueFalse, ExchangeFixtures.falseStatement]).text
        #expect(
            text.contains(
                "::tf-physical::AWS is responsible for physical security of data centres.{T#Incorrect.#Correct.####Security OF the cloud."
            ))
        #expect(text.contains("::tf-guest::AWS patches the guest OS on EC2.{F#Incorrect.#Correct.####"))
        #expect(text.contains("$CATEGORY: srmquiz/true-false\n"))
    }

    @Test func ownerFlashcardsBecomeShortAnswerAndOthersEssays() {
        var owned = ExchangeFixtures.flashcard
        owned.tags.append("owner:customer")
        var summary = ExchangeFixtures.flashcard
        summary.id = "card-summary"
        let output = GIFTExporter().export([owned, summary, ExchangeFixtures.single])
        #expect(output.skipped.isEmpty)
        #expect(
            output.text.contains(
                "::card-ec2::Amazon EC2\\: who patches the guest OS?{=Customer =The customer =You"
                    + "####Infrastructure service.\\n\\nSources\\: "))
        #expect(
            output.text.contains(
                "::card-summary::Amazon EC2\\: who patches the guest OS?{####Answer\\: The customer"))
        // Moodle reads the short answer back as a short-answer question, which the bank has no type for.
        let back = GIFTImporter().importQuestions(from: output.text)
        #expect(back.questions.map(\.id) == ["owner-ec2-guest-os"])
        #expect(back.problems.map(\.message).contains("essay questions cannot be converted"))
    }

    @Test func matchingQuestionsAlwaysOfferThreeDistinctAnswers() throws {
        let items = [
            ExchangeFixtures.owner("s3", "bucket-policy", "Customer"),
            ExchangeFixtures.owner("s3", "objects", "Customer"),
            ExchangeFixtures.owner("s3", "disks", "AWS"),
            ExchangeFixtures.owner("iam", "users", "Customer"),
            ExchangeFixtures.owner("iam", "roles", "Customer"),
            ExchangeFixtures.owner("iam", "mfa", "Customer"),
        ]
        let text = GIFTExporter().export(items).text
        for service in ["s3", "iam"] {
            let start = try #require(text.range(of: "::match-\(service)::"))
            let block = text[start.lowerBound...].prefix(while: { $0 != "}" })
            let answers = Set(
                block.split(separator: "\n").compactMap { line in
                    line.range(of: " -> ").map { String(line[$0.upperBound...]) }
                })
            #expect(answers.count >= 3, "\(service): \(answers)")
        }
        #expect(text.contains("\t= -> Shared\n"), "an answer no task takes is a blank question, as in Moodle")
    }

    @Test func ownerItemsBecomeMatchingQuestionsPerService() {
        let items = [
            ExchangeFixtures.owner("ec2", "guest-os", "Customer"),
            ExchangeFixtures.owner("ec2", "hypervisor", "AWS"),
            ExchangeFixtures.owner("ec2", "patching", "Shared"),
            ExchangeFixtures.owner("s3", "bucket-policy", "Customer"),
            ExchangeFixtures.owner("s3", "disks", "AWS"),
        ]
        let exporter = GIFTExporter(
            factTexts: ["guest-os": "patching the guest OS", "hypervisor": "the hypervisor -> host"],
            serviceNames: ["ec2": "Amazon EC2"])
        let text = exporter.export(items).text
        let expected = """
            $CATEGORY: srmquiz/matching

            ::match-ec2::Match each task to who owns it when using Amazon EC2.{
            \t=patching the guest OS -> Customer
            \t=the hypervisor → host -> AWS
            \t=Who is responsible for patching when using ec2? -> Shared
            \t####
            """
        #expect(text.contains(expected))
        #expect(!text.contains("match-s3"), "fewer than 3 pairs make no matching question")
    }

    @Test(arguments: [
        (50.0, "50"), (-100.0, "-100"), (100.0 / 3, "33.33333"), (-25.0, "-25"), (100.0 / 6, "16.66667"),
    ])
    func weightsAreWrittenLikeMoodle(value: Double, expected: String) {
        var item = ExchangeFixtures.multiple
        let rights = Int((100 / abs(value)).rounded())
        if value > 0 {
            item.choices = (0..<(rights + 1)).map { "c\($0)" }
            item.answers = Array(item.choices.prefix(rights))
            #expect(GIFTExporter().export([item]).text.contains("~%\(expected)%c0#"))
        } else {
            item.choices = ["r1", "r2"] + (0..<rights).map { "w\($0)" }
            item.answers = ["r1", "r2"]
            #expect(GIFTExporter().export([item]).text.contains("~%\(expected)%w0#"))
        }
    }
}

@Suite struct AikenExporterTests {
    @Test func writesSingleAnswerItemsAndSkipsTheRest() {
        let output = AikenExporter().export(ExchangeFixtures.all)
        let expected = """
            Who is responsible for patching the guest OS when using Amazon EC2?
            A. AWS
            B. Customer
            C. Shared
            ANSWER: B

            """
        #expect(output.text.hasPrefix(expected))
        #expect(output.text.contains("<b>tag</b> & a tab and a new line?\nA. A = B\n"))
        #expect(output.text.contains("ANSWER: C\n"))
        #expect(output.text.contains("AWS patches the guest OS on EC2.\nA. True\nB. False\nANSWER: B\n"))
        #expect(output.skipped.map(\.id) == ["mr-ec2", "card-ec2"])
        let summary = output.skipSummary
        #expect(summary.count == 2)
        #expect(summary.allSatisfy { $0.count == 1 })
    }
}
