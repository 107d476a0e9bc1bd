import Foundation
import HummingbirdWSClient
import Logging
import NIOWebSocket
import SRMQuizKit

/// Runs a ``ClassStudentFlow`` over a WebSocket to a class host: the terminal student of
/// `srmquiz class join`, and the simulated students of tests and the load benchmark.
///
/// Input, output and recording are injected: `lines` yields what the student types (ending at
/// end of input), `output` prints, `prompt` changes the prompt, `record` keeps an answered
/// question in the student's progress. A dropped connection is retried with the rejoin token
/// for a few seconds before giving up.
package struct ClassStudentClient: Sendable {
    package let url: String
    package let pin: String?
    package let name: String?
    package var reconnectAttempts = 5

    package init(address: String, pin: String?, name: String?) {
        self.url = ClassStudentClient.webSocketURL(address)
        self.pin = pin
        self.name = name
    }

    /// `ws://HOST:PORT/ws` from `HOST:PORT`, `http://HOST:PORT/` or a ws URL.
    package static func webSocketURL(_ address: String) -> String {
        var rest = address.trimmingCharacters(in: .whitespaces)
        for scheme in ["http://", "ws://"] where rest.hasPrefix(scheme) {
            rest = String(rest.dropFirst(scheme.count))
        }
        if let slash = rest.firstIndex(of: "/") { rest = String(rest[..<slash]) }
        return "ws://\(rest)\(ClassProtocol.path)"
    }

    /// Runs until the class ends, the student is refused, or the host is gone; returns the exit
    /// code (0 when the class ran to its end).
    package func run(
        lines: AsyncStream<String>,
        output: @escaping @Sendable (String) -> Void,
        prompt: @escaping @Sendable (String) -> Void = { _ in },
        countdown: @escaping @Sendable (Double?) -> Void = { _ in },
        completions: @escaping @Sendable ([String]) -> Void = { _ in },
        record:
            @escaping @Sendable (_ itemID: String, _ correct: Bool, _ answer: [String], _ timeMs: Int) throws
            -> Void = { _, _, _, _ in }
    ) async -> Int32 {
        let (events, continuation) = AsyncStream<ClassStudentFlow.Event>.makeStream()
        let lineTask = Task {
            for await line in lines { continuation.yield(.line(line)) }
            continuation.yield(.endOfInput)
        }
        defer { lineTask.cancel() }
        let box = FlowBox(ClassStudentFlow(pin: pin, name: name))
        var attempt = 0
        var logger = Logger(label: "srmquiz-class-join")
        logger.logLevel = .critical
        while true {
            let result: Int32?
            do {
                let close = try await WebSocketClient.connect(url: url, logger: logger) {
                    inbound, outbound, _ in
                    box.connected = true
                    let reader = Task {
                        do {
                            for try await message in inbound.messages(maxSize: 1 << 20) {
                                guard case .text(let text) = message,
                                    let decoded = try? JSONDecoder().decode(
                                        ServerMessage.self, from: Data(text.utf8))
                                else { continue }
                                continuation.yield(.message(decoded))
                            }
                        } catch {}
                        continuation.yield(.closed(code: nil, reason: nil))
                    }
                    defer { reader.cancel() }
                    var actions = box.handle(.connected)
                    var iterator = events.makeAsyncIterator()
                    while true {
                        for action in actions {
                            switch action {
                            case .print(let text): output(text)
                            case .prompt(let text): prompt(text)
                            case .countdown(let seconds): countdown(seconds)
                            case .completions(let words): completions(words)
                            case .send(let message): try await outbound.write(.text(message.json()))
                            case .record(let id, let correct, let answer, let ms):
                                do { try record(id, correct, answer, ms) } catch {
                                    output("Could not record the answer in your progress: \(error)")
                                }
                            case .finish(let code):
                                box.exitCode = code
                                try? await outbound.close(.normalClosure, reason: nil)
                                return
                            }
                        }
                        guard let event = await iterator.next() else { return }
                        if case .closed = event {
                            box.dropped = true
                            return
                        }
                        actions = box.handle(event)
                    }
                }
                if let code = box.exitCode { return code }
                if box.dropped || close != nil {
                    box.dropped = false
                    if let close,
                        box.token == nil || close.closeCode == .normalClosure
                            || close.closeCode == .policyViolation
                            || close.closeCode == .messageTooLarge
                    {
                        result = finish(box, output, code: close.closeCode, reason: close.reason)
                    } else {
                        result = nil
                    }
                } else {
                    result = nil
                }
            } catch {
                if box.token == nil {
                    output("Cannot reach the class at \(url): \(error)")
                    return 1
                }
                result = nil
            }
            if let result { return result }
            if box.connected { attempt = 0 }
            box.connected = false
            attempt += 1
            if attempt > reconnectAttempts {
                return finish(box, output, code: nil, reason: "connection lost")
            }
            output("Connection lost; reconnecting (\(attempt) of \(reconnectAttempts))…")
            try? await Task.sleep(nanoseconds: 1_000_000_000)
        }
    }

    private func finish(
        _ box: FlowBox, _ output: @Sendable (String) -> Void, code: WebSocketErrorCode?, reason: String?
    )
        -> Int32
    {
        let number = code.map { Int(UInt16(webSocketErrorCode: $0)) }
        for action in box.handle(.closed(code: number, reason: reason)) {
            if case .print(let text) = action { output(text) }
            if case .finish(let code) = action { return code }
        }
        return box.exitCode ?? 1
    }
}

/// The flow, shared between the connection handler and the reconnect loop.
private final class FlowBox: @unchecked Sendable {
    private let lock = NSLock()
    private var flow: ClassStudentFlow
    var exitCode: Int32?
    var dropped = false
    var connected = false

    init(_ flow: ClassStudentFlow) { self.flow = flow }

    var token: String? { lock.withLock { flow.token } }

    func handle(_ event: ClassStudentFlow.Event) -> [ClassStudentFlow.Action] {
        lock.withLock { flow.handle(event) }
    }
}
