import Foundation
import SRMQuizTestSupport
import Testing

@testable import SRMQuizKit

/// A learner never loses an acknowledged answer, however the program ends: the real binary is
/// killed with SIGKILL in the middle of a quiz, and every answer whose feedback it had printed
/// must be in the progress file when it is opened again.
@Suite struct CrashSafetyTests {
    @Test func sigkillBetweenAnswersLosesNothingAcknowledged() async throws {
        let home = try CLI.temporaryDirectory()
        let progress = home.appendingPathComponent("crash.json")
        let quiz = try Spawned(
            ["quiz", "--count", "10", "--seed", "9", "--kind", "owner", "--progress", progress.path],
            home: home)
        defer { if quiz.process.isRunning { kill(quiz.process.processIdentifier, SIGKILL) } }

        // Answer four questions, waiting each time for the feedback ("Right" or "Wrong"), which
        // the program prints only after the answer is on disk.
        try await quiz.waitFor("[1/10]", timeout: 30)
        for answered in 1...4 {
            quiz.send("a")
            // The next question appears only after the feedback, i.e. after the answer is saved.
            try await quiz.waitFor("[\(answered + 1)/10]", timeout: 30)
            #expect(
                quiz.stdout.components(separatedBy: "Right —").count
                    + quiz.stdout.components(separatedBy: "Wrong —").count - 2 == answered)
        }
        // A reader (as `progress show` and `report`) sees the acknowledged answers while the session runs.
        let live = try #require(try ProgressDocument.read(at: progress))
        #expect(live.document.reviews.count == 4, "a reader found \(live.document.reviews.count) answers")
        kill(quiz.process.processIdentifier, SIGKILL)
        quiz.process.waitUntilExit()
        #expect(quiz.process.terminationReason == .uncaughtSignal)

        let store = try ProgressStore.open(
            at: progress, learner: "x", createWith: SchedulerSettings(), clock: SystemClock())
        defer { store.close() }
        #expect(store.log.count == 4, "expected 4 answers, found \(store.log.count)")
        #expect(store.log.allSatisfy { $0.mode == "quiz" && store.cards[$0.itemID] != nil })
    }
}
