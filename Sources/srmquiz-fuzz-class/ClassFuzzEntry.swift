import Foundation
import SRMQuizKit
import SRMQuizServer

// libFuzzer's entry point for the class protocol (docs/class-protocol.md): the input is a run of
// WebSocket text messages, one per line, sent to a ``ClassHub`` from three connections in turn,
// exactly as the server forwards them. A line `!a`, `!p`, `!s`, `!e` or `!r<name>` is a host key
// (advance, pause, skip, end, remove), and `!t` moves
// the clock 10 s on and ticks instead. Built only with SRMQUIZ_FUZZ=1.

/// SwiftPM links an executable on Linux with `main` defined as `<module>_main`, so libFuzzer's
/// own `main` is never used: this one hands over to its driver.
@_cdecl("srmquiz_fuzz_class_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzerTestOneInput)
}

/// libFuzzer's driver (compiler-rt, `FuzzerDriver.cpp`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let messages = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(64)
        .map { String(decoding: $0, as: UTF8.self) }
    let done = DispatchSemaphore(value: 0)
    Task {
        await ClassFuzz.run(messages)
        done.signal()
    }
    done.wait()
    return 0
}

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
