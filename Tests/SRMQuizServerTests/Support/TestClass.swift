import Foundation
import HummingbirdWSClient
import Logging
import NIOWebSocket
import SRMQuizKit
import SRMQuizServer

/// A class server on a free loopback port, run in-process for tests.
struct TestClass {
    let hub: ClassHub
    let port: Int
    let task: Task<Void, Error>

    static func items() -> [Item] {
        (1...3).map { n in
            let choices = ["Alpha \(n)", "Beta \(n)", "Gamma \(n)"]
            return Item(
                id: "q\(n)", kind: .multipleChoice, prompt: "Question \(n)?", choices: choices,
                answers: [choices[n % 3]], explanation: "Because \(n).", tags: ["owner:aws"],
                sources: ["https://aws.amazon.com/compliance/shared-responsibility-model/"])
        }
    }

    static func start(timer: Double = 30, startWhen: Int? = nil, maxPlayers: Int = 200) async throws
        -> TestClass
    {
        let settings = LiveClassSettings(
            pin: "1357", timerSeconds: timer, maxPlayers: maxPlayers, startWhen: startWhen)
        let hub = ClassHub(
            state: LiveClass(settings: settings, items: items(), seed: 1, createdAt: Date()), bankFiles: [])
        let server = ClassServer(hub: hub, host: "127.0.0.1", port: 0)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run { continuation.yield($0) } }
                group.addTask { await hub.runClock() }
                try await group.next()
                group.cancelAll()
            }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            throw TestSocket.Failure(description: "server did not start")
        }
        return TestClass(hub: hub, port: port, task: task)
    }

    func stop() { task.cancel() }
}

/// A raw WebSocket client for protocol tests: sends any text, collects what comes back.
final class TestSocket: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { var description: String }

    private let outgoing: AsyncStream<String>.Continuation
    private let lock = NSLock()
    private var received: [ServerMessage] = []
    private var closed: (code: Int, reason: String?)?
    private var finished = false
    private var task: Task<Void, Never>?

    private let stream: AsyncStream<String>

    init(port: Int) {
        (stream, outgoing) = AsyncStream<String>.makeStream()
        start(port: port)
    }

    private func start(port: Int) {
        let stream = self.stream
        var logger = Logger(label: "test-socket")
        logger.logLevel = .critical
        task = Task { [self] in
            let frame = try? await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/ws", logger: logger) {
                inbound, outbound, _ in
                let writer = Task {
                    for await text in stream { try? await outbound.write(.text(text)) }
                }
                defer { writer.cancel() }
                do {
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let text) = message,
                            let decoded = try? JSONDecoder().decode(ServerMessage.self, from: Data(text.utf8))
                        {
                            self.lock.withLock { self.received.append(decoded) }
                        }
                    }
                } catch {}
            }
            self.lock.withLock {
                if let frame {
                    self.closed = (Int(UInt16(webSocketErrorCode: frame.closeCode)), frame.reason)
                }
                self.finished = true
            }
        }
    }

    func send(_ text: String) { outgoing.yield(text) }
    func send(_ message: ClientMessage) { send(message.json()) }

    var messages: [ServerMessage] { lock.withLock { received } }
    var closeCode: Int? { lock.withLock { closed?.code } }
    var isFinished: Bool { lock.withLock { finished } }

    /// Waits for a message matching `predicate` (after the first `skip` messages).
    func waitFor(timeout: Double = 30, _ predicate: (ServerMessage) -> Bool) async throws -> ServerMessage {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let found = messages.first(where: predicate) { return found }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        if let found = messages.first(where: predicate) { return found }
        throw Failure(description: "no matching message in \(timeout) s; got \(messages.map(\.type))")
    }

    /// Waits for the `n`-th (1-based) message of `type`.
    func waitFor(type: String, number n: Int = 1, timeout: Double = 30) async throws -> ServerMessage {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            let matching = messages.filter { $0.type == type }
            if matching.count >= n { return matching[n - 1] }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        let matching = messages.filter { $0.type == type }
        if matching.count >= n { return matching[n - 1] }
        throw Failure(
            description: "no \(type) #\(n) in \(timeout) s; got \(messages.map { $0.code ?? $0.type })")
    }

    /// Waits for the connection to close; returns the close code.
    func waitForClose(timeout: Double = 30) async throws -> Int? {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if isFinished { return closeCode }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        if isFinished { return closeCode }
        throw Failure(description: "still open after \(timeout) s")
    }

    func close() {
        outgoing.finish()
        task?.cancel()
    }
}
