import Foundation
import SRMQuizKit
import SRMQuizServer

/// One input's class: a hub with three questions and three connections (see ClassFuzzEntry.swift).
enum ClassFuzz {
    static let items: [Item] = (1...3).map { n in
        let choices = ["Alpha \(n)", "Beta \(n)", "Gamma \(n)"]
        return Item(
            id: "q\(n)", kind: .multipleChoice, prompt: "Question \(n)?",
            choices: choices, answers: [choices[n % 3]], explanation: "Because \(n).", tags: ["owner:aws"],
            sources: ["https://aws.amazon.com/compliance/shared-responsibility-model/"])
    }

    static func run(_ messages: [String]) async {
        let settings = LiveClassSettings(pin: "1357", timerSeconds: 30, maxPlayers: 4, startWhen: nil)
        let clock = FuzzClock()
        let hub = ClassHub(
            state: LiveClass(settings: settings, items: items, seed: 1, createdAt: clock.now), bankFiles: [],
            now: { clock.now }, makeToken: { "0123456789abcdef0123456789abcdef" })
        var ids: [ClassHub.ConnectionID] = []
        var streams: [AsyncStream<ClassHub.Outgoing>] = []
        for n in 1...3 {
            let (id, stream) = await hub.connect(address: "10.0.0.\(n)")
            ids.append(id)
            streams.append(stream)
        }
        for (index, text) in messages.enumerated() {
            switch text.first == "!" ? text.dropFirst().first : nil {
            case "a": await hub.advance()
            case "p": await hub.togglePause()
            case "s": await hub.skip()
            case "e": await hub.end()
            case "t":
                clock.advance(seconds: 10)
                await hub.tick()
            case "r": await hub.remove(name: String(text.dropFirst(2)))
            default:
                let id = ids[index % ids.count]
                _ = await hub.delay(before: text, from: id)
                await hub.receive(text, from: id)
            }
        }
        _ = streams
    }
}

/// A clock the input moves (one fuzz input runs on one task at a time).
final class FuzzClock: @unchecked Sendable {
    private(set) var now = Date(timeIntervalSince1970: 1_700_000_000)
    func advance(seconds: Double) { now += seconds }
}
