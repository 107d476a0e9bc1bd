import Foundation
import Testing

@testable import SRMQuizKit

/// A learner never loses an acknowledged answer, however the program ends: the real binary is
/// killed with SIGKILL in the middle of a quiz, and every answer whose feedback it had printed
/// must be in the progress file when it is opened again.
@Suite struct CrashSafetyTests {
    /// Reads what the child writes, so the test can wait for a piece of output.
    final class OutputCollector: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        func append(_ chunk: Data) {
            lock.lock()
            data.append(chunk)
            lock.unlock()
        }

        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: data, as: UTF8.self)
        }

        /// Waits until `text` occurs `count` times (at most `timeout` seconds).
        func waitFor(_ needle: String, count: Int, timeout: TimeInterval = 30) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if text.components(separatedBy: needle).count - 1 >= count { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }
    }

    @Test func sigkillBetweenAnswersLosesNothingAcknowledged() throws {
        let home = try CLI.temporaryDirectory()
        let progress = home.appendingPathComponent("crash.json")
        let process = Process()
        process.executableURL = try CLI.binary
        process.arguments = ["quiz", "--count", "10", "--seed", "9", "--kind", "owner", "--progress", progress.path]
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home.path
        env["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        env["NO_COLOR"] = "1"
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let collector = OutputCollector()
        output.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if !chunk.isEmpty { collector.append(chunk) }
        }
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Answer four questions, waiting each time for the feedback ("Right" or "Wrong"), which
        // the program prints only after the answer is on disk.
        #expect(collector.waitFor("[1/10]", count: 1), "no first question:\n\(collector.text)")
        for answered in 1...4 {
            input.fileHandleForWriting.write(Data("a\n".utf8))
            // The next question appears only after the feedback, i.e. after the answer is saved.
            let acknowledged = collector.waitFor("[\(answered + 1)/10]", count: 1)
            #expect(acknowledged, "answer \(answered) not acknowledged:\n\(collector.text)")
            #expect(
                collector.text.components(separatedBy: "Right —").count
                    + collector.text.components(separatedBy: "Wrong —").count - 2 == answered)
        }
        // A reader (as `progress show` and `report`) sees the acknowledged answers while the session runs.
        let live = try #require(try ProgressDocument.read(at: progress))
        #expect(live.document.reviews.count == 4, "a reader found \(live.document.reviews.count) answers")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationReason == .uncaughtSignal)

        let store = try ProgressStore.open(
            at: progress, learner: "x", createWith: SchedulerSettings(), clock: SystemClock())
        defer { store.close() }
        #expect(store.log.count == 4, "expected 4 answers, found \(store.log.count)")
        #expect(store.log.allSatisfy { $0.mode == "quiz" && store.cards[$0.itemID] != nil })
    }
}
