import Foundation
import Testing

/// The real binary under a real terminal (tmux): prompt, Tab completion, history across runs,
/// Ctrl-C and Ctrl-D. Skipped, with a message, only where tmux is not installed.
@Suite(.serialized) struct TerminalSessionTests {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// One tmux server on its own socket, killed when the test ends.
    final class Terminal {
        let socket = "srmquiz-test-\(UUID().uuidString.prefix(8))"
        let tmux: String

        init(tmux: String) { self.tmux = tmux }

        @discardableResult func run(_ args: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tmux)
            process.arguments = ["-L", socket, "-f", "/dev/null"] + args
            let out = Pipe()
            process.standardOutput = out
            process.standardError = Pipe()
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }

        func start(_ command: String) throws {
            try run(["new-session", "-d", "-x", "120", "-y", "40", command])
        }

        func keys(_ keys: String...) throws { try run(["send-keys", "-t", "0"] + keys) }

        func screen() throws -> String { try run(["capture-pane", "-p", "-t", "0"]) }

        /// Waits until the screen contains `text` (up to 10 s); returns the screen.
        @discardableResult func wait(for text: String) throws -> String {
            var last = ""
            for _ in 0..<100 {
                last = (try? screen()) ?? ""
                if last.contains(text) { return last }
                Thread.sleep(forTimeInterval: 0.1)
            }
            Issue.record("timed out waiting for \(text.debugDescription); screen:\n\(last)")
            return last
        }

        deinit { _ = try? run(["kill-server"]) }
    }

    func command(_ dir: URL, _ bank: String, _ args: String) throws -> String {
        let binary = try CLI.binary.path
        // The shell keeps the pane open after srmquiz exits, so its last words can be read.
        return "env HOME=\(dir.path) XDG_STATE_HOME=\(dir.path)/state XDG_DATA_HOME=\(dir.path)/data TERM=xterm "
            + "\(binary) \(args) --no-bundled --bank \(bank) --progress \(dir.path)/p.json; echo EXITED $?; sleep 30"
    }

    @Test func promptCompletionHistoryInterruptAndEndOfInput() throws {
        guard let tmux = Self.tmux else {
            print("SKIPPED TerminalSessionTests: tmux is not installed")
            return
        }
        let (dir, bank) = try SessionCommandTests.scratch()

        // First run: prompt, Tab lists candidates, an answer goes into history, Ctrl-C, Ctrl-D.
        do {
            let term = Terminal(tmux: tmux)
            try term.start(try command(dir, bank, "quiz --count 3 --seed 1"))
            try term.wait(for: "> ")
            try term.keys(":", "Tab")
            let listed = try term.wait(for: ":explain")
            #expect(listed.contains(":help") && listed.contains(":quit"))
            try term.keys("C-u")
            try term.keys("st", "Tab")
            try term.wait(for: ":stats")
            try term.keys("C-u", "b", "Enter")
            try term.wait(for: "[2/3]")
            try term.keys("something")
            try term.keys("C-c")
            let interrupted = try term.wait(for: "Ctrl-C again")
            #expect(interrupted.components(separatedBy: "\n").last { $0.hasPrefix(">") }?.trimmingCharacters(in: .whitespaces) == ">")
            try term.keys("C-d")
            let end = try term.wait(for: "EXITED")
            #expect(end.contains("Session summary"))
            #expect(end.contains("EXITED 0"))
        }
        let progress = try Data(contentsOf: dir.appendingPathComponent("p.json"))
        #expect(String(decoding: progress, as: UTF8.self).contains("\"answer\" : \"b\""))
        let history = try String(contentsOf: dir.appendingPathComponent("state/srmquiz/history"), encoding: .utf8)
        #expect(history.contains("b"))

        // Second run, a new process: Up recalls the last line; Ctrl-C twice leaves.
        do {
            let term = Terminal(tmux: tmux)
            try term.start(try command(dir, bank, "quiz --count 3 --seed 2 --no-record"))
            try term.wait(for: "> ")
            try term.keys("Up")
            let recalled = try term.wait(for: "> b")
            #expect(recalled.contains("> b"))
            try term.keys("C-c")
            try term.wait(for: "Ctrl-C again")
            try term.keys("C-c")
            let end = try term.wait(for: "EXITED")
            #expect(end.contains("Session summary"))
        }
    }
}
