import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

/// The printed worksheet: 20 questions of the bundled bank rendered to PDF by Debian's chromium
/// (`chromium --headless --print-to-pdf`) fit on three pages, A4 or Letter, with no local path.
///
/// Shown as skipped where chromium is not installed.
@Suite struct WorksheetPrintTests {
    /// The chromium binary, if installed.
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") + ["/usr/bin", "/snap/bin"] {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// The number of pages of the PDF chromium prints `html` to.
    static func pages(_ html: String, in dir: URL) throws -> Int {
        let input = dir.appendingPathComponent("sheet-\(UUID().uuidString).html")
        let pdf = dir.appendingPathComponent("sheet-\(UUID().uuidString).pdf")
        try html.write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(pdf.path)", input.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let data = try Data(contentsOf: pdf)
        // The page tree's root says how many pages there are: `/Count N` (the largest count).
        let text = String(decoding: data, as: UTF8.self)
        let counts = text.matches(of: /\/Count (\d+)/).compactMap { Int($0.1) }
        return try #require(counts.max(), "no page count in the PDF")
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed"), arguments: ["letter", "A4"])
    func twentyQuestionsPrintOnAtMostThreePages(paper: String) throws {
        let dir = try CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("sheet.html")
        let run = try CLI.run([
            "print", "--count", "20", "--seed", "5", "--format", "html", "--output", out.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        var html = try String(contentsOf: out, encoding: .utf8)
        #expect(!html.contains(CLI.root.path), "no local path on a handout")
        #expect(html.contains("Bank QuestionBanks"))
        html = html.replacingOccurrences(of: "@page{", with: "@page{size:\(paper);")
        let pages = try Self.pages(html, in: dir)
        #expect(pages >= 2 && pages <= 3, "\(pages) pages on \(paper)")
    }
}

@Suite struct WorksheetLayoutTests {
    static let items =
        (0..<3).map { ExamFixture.single("w\($0)") } + [ExamFixture.multi("wm")]

    @Test func keyOpensWithAGridAndSaysEachSentenceOnce() {
        var repeated = ExamFixture.single("rep")
        repeated.explanation =
            "Owner: AWS (security OF the cloud). One. Owner: AWS (security OF the cloud). Two."
        let sheet = Worksheet(
            items: Self.items + [repeated], seed: 4, bankFiles: ["/home/me/banks/course.yaml"])
        #expect(sheet.answerGrid == "1 a · 2 a · 3 a · 4 a,c · 5 a")
        let key = sheet.render(.html, answerKey: true)
        #expect(key.contains("<span>4 a,c</span>"))
        #expect(key.components(separatedBy: "Owner: AWS (security OF the cloud)").count == 2)
        #expect(!key.contains("/home/me"))
        #expect(key.contains("Bank course.yaml"))
    }

    @Test func sheetHasTheBoxAndTwoColumnsForShortChoices() {
        let sheet = Worksheet(
            items: Self.items, seed: 4, bankFiles: ["/opt/srm/QuestionBanks/model/facts.yaml"])
        let html = sheet.render(.html)
        for label in ["Name", "Class", "Date", "Score"] {
            #expect(html.contains("<td") && html.contains(label))
        }
        #expect(html.contains("/ 4</td>"))
        #expect(html.contains("<ol class=\"c two\">"))
        #expect(html.contains("Bank QuestionBanks"))
        #expect(!html.contains("/opt/srm"))
        #expect(html.contains("Which TWO wm? (Choose TWO.)"))
        let text = sheet.render(.text)
        #expect(text.contains("Class:") && text.contains("Score:"))
    }
}
