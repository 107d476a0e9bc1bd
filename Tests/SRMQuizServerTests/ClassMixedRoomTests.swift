import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

/// The whole room over loopback: the host binary, three terminal students and one browser
/// student; `srmquiz report` on the results shows all four with their own speed scores.
@Suite(.serialized) struct ClassMixedRoomTests {
    @Test(.enabled(if: WebDriver.isAvailable, "needs Debian's chromium and chromium-driver"))
    func threeTerminalStudentsAndOneBrowserStudentRunAClassToItsEnd() async throws {
        let home = try CLI.temporaryDirectory()
        let resultsFile = home.appendingPathComponent("room.json")
        let items = try ClassEndToEndTests.items()
        let (host, port) = try await ClassEndToEndTests.host(
            ["--timer", "14", "--auto-advance", "1", "--start-when", "4", "--results", resultsFile.path],
            home: home)
        defer { host.stop() }
        let browser = try await WebDriver()
        do {
            try await browser.open("http://127.0.0.1:\(port)/")
            try await browser.type("246810", into: "input[name=pin]")
            try await browser.type("Dana", into: "input[name=name]")
            try await browser.click("button[type=submit]")
            try await host.waitFor("Dana")
            var clients: [Spawned] = []
            defer { clients.forEach { $0.stop() } }
            let delays = [0.2, 2.2, 4.2]
            for name in ["Ann", "Bo", "Cy"] {
                let client = try Spawned(
                    ["class", "join", "127.0.0.1:\(port)", "--name", name, "--pin", "246810"], home: home)
                clients.append(client)
                try await client.waitFor("Joined as \(name)")
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (n, client) in clients.enumerated() {
                    group.addTask {
                        for (q, item) in items.enumerated() {
                            try await client.waitFor("Question \(q + 1) of \(items.count)")
                            try await Task.sleep(nanoseconds: UInt64(delays[n] * 1e9))
                            client.send(item.answerLetters.joined(separator: " "))
                        }
                        client.closeInput()
                    }
                }
                group.addTask {
                    for (q, item) in items.enumerated() {
                        try await browser.waitForText("Question \(q + 1) of \(items.count)", in: "#q-number")
                        for letter in item.answerLetters {
                            try await browser.click("button[data-choice=\(letter)]")
                        }
                        if item.answerLetters.count > 1 {
                            try await browser.click("button[data-action=send]")
                        }
                        try await browser.waitForText("Answer received", in: "#received")
                        #expect(try await browser.waitForAttribute("data-state", of: "#feedback") == "right")
                    }
                }
                try await group.waitForAll()
            }
            try await browser.waitForText("You finished", in: "#final")
            for client in clients { #expect(try await client.waitForExit() == 0, "\(client.stdout)") }
            #expect(try await host.waitForExit() == 0)
            await browser.quit()
        } catch {
            await browser.quit()
            throw error
        }
        let result = try ExamResult.decoder().decode(ClassResult.self, from: Data(contentsOf: resultsFile))
        #expect(result.players == ["Dana", "Ann", "Bo", "Cy"])
        #expect(result.correctCounts == [3, 3, 3, 3])
        let totals = result.totals
        // Points follow each student's own arrival times on the server: the more total time, the
        // fewer points (timeMs, not the planned delays: another test can delay this one's sends).
        let times = result.players.indices.map { p in
            result.questions.map { $0.responses[p].timeMs }.reduce(0, +)
        }
        for a in result.players.indices {
            for b in result.players.indices where times[b] - times[a] >= 600 {
                #expect(totals[a] > totals[b], "\(totals) \(times)")
            }
        }
        #expect(Set(totals).count >= 2, "\(totals)")
        let report = try Spawned(["report", resultsFile.path], home: home)
        #expect(try await report.waitForExit() == 0)
        for (name, total) in zip(result.players, totals) {
            #expect(report.stdout.contains(name) && report.stdout.contains(String(total)), "\(report.stdout)")
        }
    }
}
