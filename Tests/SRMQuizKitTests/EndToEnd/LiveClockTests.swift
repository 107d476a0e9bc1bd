import Foundation
import SRMQuizTestSupport
import Testing

/// The live clocks through the real binary: an exam that ends by itself on a terminal (tmux) and
/// on a pipe that stays open and silent, a class question that closes by itself, and text that
/// wraps at the new width after the window is resized.
@Suite(.serialized) struct LiveClockTests {
    typealias Tmux = TerminalSessionTests.Terminal

    func command(_ dir: URL, _ args: String) throws -> String {
        let binary = try CLI.binary.path
        return
            "env HOME=\(dir.path) XDG_STATE_HOME=\(dir.path)/state XDG_DATA_HOME=\(dir.path)/data TERM=xterm "
            + "\(binary) \(args); echo EXITED $?; sleep 120"
    }

    @Test func aPipedExamWhosePipeStaysSilentEndsAtItsTimeLimit() throws {
        let home = try CLI.temporaryDirectory()
        let results = home.appendingPathComponent("exam.json").path
        let start = Date()
        let run = try CLI.run(
            ["exam", "--count", "3", "--time", "2s", "--seed", "5", "--results", results, "--no-record"],
            input: "a\n", home: home, keepInputOpen: true, timeLimit: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Time is up: the exam was submitted automatically."))
        #expect(run.stdout.contains("Score: "))
        #expect(FileManager.default.fileExists(atPath: results))
        #expect(Date().timeIntervalSince(start) < 50)
    }

    @Test(.enabled(if: TerminalSessionTests.tmux != nil, "tmux is not installed"))
    func anExamWithNoKeyPressedEndsByItself() async throws {
        let dir = try CLI.temporaryDirectory()
        let results = dir.appendingPathComponent("exam.json").path
        let term = Tmux(tmux: try #require(TerminalSessionTests.tmux))
        try term.start(try command(dir, "exam --count 3 --time 6s --seed 4 --no-record --results \(results)"))
        let first = try term.wait(for: "[0:0")
        #expect(first.contains("[1/3] >"))
        let end = try term.wait(for: "EXITED")
        #expect(end.contains("Time is up: the exam was submitted automatically."))
        #expect(end.contains("Score: 0 of 3"))
        #expect(end.contains("EXITED 0"))
        #expect(FileManager.default.fileExists(atPath: results))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: results)))
        #expect((object as? [String: Any])?["timedOut"] as? Bool == true)
    }

    @Test(.enabled(if: TerminalSessionTests.tmux != nil, "tmux is not installed"))
    func aClassQuestionClosesByItselfAtZero() async throws {
        let dir = try CLI.temporaryDirectory()
        let results = dir.appendingPathComponent("class.json").path
        let term = Tmux(tmux: try #require(TerminalSessionTests.tmux))
        try term.start(
            try command(dir, "class --players Ann,Bo --count 1 --timer 3 --seed 2 --results \(results)"))
        try term.wait(for: "Answers (Ann Bo) >")
        try term.keys("a")  // half-typed when the time runs out
        let closed = try term.wait(for: "EXITED")
        #expect(closed.contains("Time is up: the question is closed."))
        // (A half-typed answer refused as too late is checked in ClassClockTests, where no other
        // test can delay the keys past the close.)
        #expect(closed.contains("Final standings"))
        #expect(closed.contains("EXITED 0"))
    }

    @Test(.enabled(if: TerminalSessionTests.tmux != nil, "tmux is not installed"))
    func afterAResizeTheNextQuestionWrapsAtTheNewWidth() async throws {
        let dir = try CLI.temporaryDirectory()
        let term = Tmux(tmux: try #require(TerminalSessionTests.tmux))
        try term.start(try command(dir, "quiz --count 3 --seed 7 --no-record"), columns: 100)
        try term.wait(for: "[1/3]")
        try term.resize(columns: 60)
        try await Task.sleep(nanoseconds: 300_000_000)
        try term.keys("a", "Enter")
        let screen = try term.wait(for: "[2/3]")
        // capture-pane -J joins the lines tmux itself wrapped: what remains are srmquiz's own breaks.
        let block = try #require(screen.components(separatedBy: "[2/3]").last)
        let lines = block.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines)")
        try term.keys("C-d")
        try term.wait(for: "EXITED")
    }
}
