import Foundation
import SRMQuizTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real binary under a real terminal (tmux): prompt, Tab completion, history across runs,
/// Ctrl-C and Ctrl-D.
///
/// Skipped, with a message, only where tmux is not installed.
@Suite(.serialized) struct TerminalSessionTests {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// One tmux server on its own socket, killed when the test ends.
    final class Terminal {
        let socket = "srmquiz-test-\(UUID().uuidString.prefix(8))"
        let tmux: String

        init(tmux: String) { self.tmux = tmux }

        /// Runs a tmux command and returns its output.
        ///
        /// Spawned with every descriptor above 2 closed: the tmux server it may start must not
        /// inherit this process's pipes (it would keep them open, and `Process` would never see its
        /// client exit).
        @discardableResult func run(_ args: [String]) throws -> String {
            let output = FileManager.default.temporaryDirectory
                .appendingPathComponent("tmux-out-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: output) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let open = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/fd")) ?? []
            for fd in open.compactMap(Int32.init) where fd > 2 {
                posix_spawn_file_actions_addclose(&actions, fd)
            }
            let argv = ([tmux, "-L", socket, "-f", "/dev/null"] + args).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
            guard spawned == 0 else { throw CLI.CLIError("cannot run tmux: error \(spawned)") }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        }

        private var serverPID: pid_t?
        private var panePID: pid_t?

        func start(_ command: String, columns: Int = 120) throws {
            try run(["new-session", "-d", "-x", "\(columns)", "-y", "40", command])
            let pids = try run(["display-message", "-p", "-t", "0", "#{pid} #{pane_pid}"])
                .split(separator: " ").compactMap {
                    pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            serverPID = pids.first
            panePID = pids.count > 1 ? pids[1] : nil
        }

        func keys(_ keys: String...) throws { try run(["send-keys", "-t", "0"] + keys) }

        func screen() throws -> String { try run(["capture-pane", "-p", "-J", "-S", "-300", "-t", "0"]) }

        /// Makes the window `columns` wide (the program gets SIGWINCH).
        func resize(columns: Int) throws { try run(["resize-window", "-t", "0", "-x", "\(columns)"]) }

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

        /// Stops the server for sure: `kill-server`, then the pane's shell and the server by pid.
        deinit {
            _ = try? run(["kill-server"])
            if let panePID { kill(panePID, SIGKILL) }
            if let serverPID { kill(serverPID, SIGKILL) }
        }
    }

    func command(_ dir: URL, _ bank: String, _ args: String) throws -> String {
        let binary = try CLI.binary.path
        // The shell keeps the pane open after srmquiz exits, so its last words can be read.
        return
            "env HOME=\(dir.path) XDG_STATE_HOME=\(dir.path)/state XDG_DATA_HOME=\(dir.path)/data TERM=xterm "
            + "\(binary) \(args) --no-bundled --bank \(bank) --progress \(dir.path)/p.json; echo EXITED $?; sleep 10"
    }

    @Test(.enabled(if: tmux != nil, "tmux is not installed"))
    func promptCompletionHistoryInterruptAndEndOfInput() throws {
        let tmux = try #require(Self.tmux)
        let (dir, bank) = try SessionCommandTests.scratch()

        // First run: prompt, Tab lists candidates, an answer goes into history, Ctrl-C, Ctrl-D.
        do {
            let term = Terminal(tmux: tmux)
            try term.start(try command(dir, bank, "quiz --count 3 --seed 1 --kind owner --kind of-or-in"))
            try term.wait(for: "[1/3]")
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
            #expect(
                interrupted.components(separatedBy: "\n").last { $0.hasPrefix(">") }?.trimmingCharacters(
                    in: .whitespaces) == ">")
            try term.keys("C-d")
            let end = try term.wait(for: "EXITED")
            #expect(end.contains("Session summary"))
            #expect(end.contains("EXITED 0"))
        }
        let reviews = try SessionCommandTests.progressJSON(dir.appendingPathComponent("p.json"))["reviews"]
        #expect((reviews as? [[String: Any]])?.map { $0["answer"] as? String } == ["b"])
        let history = try String(
            contentsOf: dir.appendingPathComponent("state/srmquiz/history"), encoding: .utf8)
        #expect(history.contains("b"))

        // Second run, a new process: Up recalls the last line; Ctrl-C twice leaves.
        do {
            let term = Terminal(tmux: tmux)
            try term.start(try command(dir, bank, "quiz --count 3 --seed 2 --no-record"))
            try term.wait(for: "[1/3]")
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
