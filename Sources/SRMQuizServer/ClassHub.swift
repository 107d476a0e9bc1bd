import Foundation
import SRMQuizKit

/// The one owner of a live class: turns client messages, host commands and the clock into calls
/// on the ``LiveClass`` value, and tells every client what changed.
///
/// The network side calls ``connect(address:)`` for each WebSocket, forwards every text message
/// to ``receive(_:from:)`` and writes what comes out of the connection's stream; the host calls
/// the commands (``advance()``, ``togglePause()``, …) and watches ``onChange``.
package actor ClassHub {
    package typealias ConnectionID = Int

    /// What to send on one connection.
    package enum Outgoing: Sendable, Equatable {
        case text(String)
        case close(code: UInt16, reason: String)
    }

    private struct Connection {
        var address: String
        var token: String?
        var continuation: AsyncStream<Outgoing>.Continuation
    }

    /// The class now.
    package private(set) var state: LiveClass
    private var connections: [ConnectionID: Connection] = [:]
    private var connectionByToken: [String: ConnectionID] = [:]
    private var throttle = JoinThrottle()
    private var nextID = 0
    private let bankFiles: [String]
    private let now: @Sendable () -> Date
    private let makeToken: @Sendable () -> String
    private let save: @Sendable (ClassResult) -> Void
    private let onChange: @Sendable (LiveClass) -> Void

    /// - Parameters:
    ///   - save: called with the results whenever a question closes and when the class ends, so
    ///     every closed question is on disk.
    ///   - onChange: called with the new state after every change (for the projector screen).
    package init(
        state: LiveClass, bankFiles: [String], now: @escaping @Sendable () -> Date = { Date() },
        makeToken: @escaping @Sendable () -> String = ClassHub.randomToken,
        save: @escaping @Sendable (ClassResult) -> Void = { _ in },
        onChange: @escaping @Sendable (LiveClass) -> Void = { _ in }
    ) {
        self.state = state
        self.bankFiles = bankFiles
        self.now = now
        self.makeToken = makeToken
        self.save = save
        self.onChange = onChange
    }

    /// 128 random bits as hex.
    package static let randomToken: @Sendable () -> String = {
        var rng = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(rng.next() as UInt64, radix: 16).leftPadded(to: 16) }.joined()
    }

    // MARK: Connections

    /// Registers a new connection from `address`; returns its id and what to send on it.
    package func connect(address: String) -> (ConnectionID, AsyncStream<Outgoing>) {
        nextID += 1
        let (stream, continuation) = AsyncStream<Outgoing>.makeStream()
        connections[nextID] = Connection(address: address, token: nil, continuation: continuation)
        return (nextID, stream)
    }

    /// Seconds to wait before handling `text` from connection `id`: nonzero only for a `join`
    /// from an address that sent repeated wrong codes.
    package func delay(before text: String, from id: ConnectionID) -> Double {
        guard let address = connections[id]?.address, text.utf8.count <= ClassProtocol.maximumMessageBytes,
            let message = try? JSONDecoder().decode(ClientMessage.self, from: Data(text.utf8)),
            message.type == "join"
        else { return 0 }
        return throttle.delay(for: address, now: now())
    }

    /// The connection closed: its player (if any) keeps their score and stops being waited for.
    package func disconnected(_ id: ConnectionID) {
        guard let connection = connections.removeValue(forKey: id) else { return }
        connection.continuation.finish()
        guard let token = connection.token, connectionByToken[token] == id else { return }
        connectionByToken[token] = nil
        update { $0.disconnect(token: token, now: now()) }
    }

    /// Handles one text message from connection `id`.
    ///
    /// Malformed messages close that connection.
    package func receive(_ text: String, from id: ConnectionID) {
        guard connections[id] != nil else { return }
        guard text.utf8.count <= ClassProtocol.maximumMessageBytes else {
            fail(
                id, code: "too-large", "messages are limited to \(ClassProtocol.maximumMessageBytes) bytes",
                close: ClassProtocol.CloseCode.tooLarge)
            return
        }
        guard let message = try? JSONDecoder().decode(ClientMessage.self, from: Data(text.utf8)) else {
            fail(
                id, code: "malformed", "a message must be a JSON object with a \"type\"",
                close: ClassProtocol.CloseCode.malformed)
            return
        }
        switch message.type {
        case "join": join(id, pin: message.pin ?? "", name: message.name ?? "")
        case "rejoin": rejoin(id, token: message.token ?? "")
        case "answer": answer(id, question: message.question, choices: message.choices)
        default:
            fail(
                id, code: "unknown-type", "unknown message type \"\(message.type.prefix(40))\"",
                close: ClassProtocol.CloseCode.malformed)
        }
    }

    // MARK: Host commands

    /// Enter/space: start, close the open question, or open the next one.
    package func advance() { update { $0.advance(now: now()) } }
    /// `p`: pause or resume the clock.
    package func togglePause() { update { $0.togglePause(now: now()) } }
    /// `s`: drop the open question and open the next.
    package func skip() { update { $0.skip(now: now()) } }
    /// `q`: end the class (closed questions are kept).
    package func end() { update { $0.end(now: now()) } }
    /// `r`: remove a player; returns whether one had that name.
    @discardableResult package func remove(name: String) -> Bool {
        var removed = false
        let token = state.activePlayers.first { $0.name.lowercased() == name.lowercased() }?.token
        update { removed = $0.remove(name: name, now: now()) }
        if removed, let token, let id = connectionByToken[token] {
            send(.error(LiveClassError.removed.code, LiveClassError.removed.description), to: id)
            connections[id]?.continuation.yield(
                .close(code: ClassProtocol.CloseCode.removed, reason: "removed"))
            connections[id]?.token = nil
            connectionByToken[token] = nil
        }
        return removed
    }
    /// Applies the clock (closing on time, auto-advance).
    package func tick() { update { _ = $0.tick(now: now()) } }

    /// Ticks until the class finishes, every `interval` seconds at most, waking at the deadline.
    package func runClock(interval: Double = 0.05) async {
        while state.phase != .finished, !Task.isCancelled {
            let wait =
                state.deadline.map { max(0.001, min(interval, $0.timeIntervalSince(now()))) } ?? interval
            try? await Task.sleep(nanoseconds: UInt64(wait * 1e9))
            tick()
        }
    }

    /// Closes every connection (the host is stopping).
    package func closeAll(reason: String) {
        for (_, connection) in connections {
            connection.continuation.yield(.close(code: ClassProtocol.CloseCode.ended, reason: reason))
            connection.continuation.finish()
        }
    }

    // MARK: Client messages

    private func join(_ id: ConnectionID, pin: String, name: String) {
        guard let connection = connections[id] else { return }
        guard connection.token == nil else {
            send(.error("already-joined", "this connection has already joined"), to: id)
            return
        }
        let token = makeToken()
        do {
            var player: LiveClassPlayer?
            try updateThrowing { state throws(LiveClassError) in
                player = try state.join(pin: pin, name: name, token: token, now: now())
            }
            throttle.recordSuccess(from: connection.address)
            bind(id, token: token)
            if let player { welcome(id, player: player) }
        } catch {
            var message = ServerMessage.error(error.code, error.description)
            if error == .wrongPin {
                throttle.recordFailure(from: connection.address, now: now())
                let delay = throttle.delay(for: connection.address, now: now())
                if delay > 0 { message.retryAfterMs = Int(delay * 1000) }
            }
            send(message, to: id)
        }
    }

    private func rejoin(_ id: ConnectionID, token: String) {
        do {
            var player: LiveClassPlayer?
            try updateThrowing { state throws(LiveClassError) in
                player = try state.rejoin(token: token, now: now())
            }
            if let old = connectionByToken[token], old != id {
                connections[old]?.token = nil
                connections[old]?.continuation.yield(
                    .close(code: ClassProtocol.CloseCode.replaced, reason: "connected elsewhere"))
            }
            bind(id, token: token)
            if let player { welcome(id, player: player) }
        } catch {
            send(.error(error.code, error.description), to: id)
        }
    }

    private func answer(_ id: ConnectionID, question: Int?, choices: [String]?) {
        guard let token = connections[id]?.token else {
            send(.error("not-joined", "join the class before answering"), to: id)
            return
        }
        guard let question, let choices, choices.count <= 26, choices.allSatisfy({ $0.count <= 2 }) else {
            send(.error(LiveClassError.invalidAnswer.code, LiveClassError.invalidAnswer.description), to: id)
            return
        }
        let before = state
        do {
            let receipt = try state.answer(token: token, question: question, letters: choices, now: now())
            // The ack goes out before anything the answer caused (such as the results when it was
            // the last answer awaited).
            var ack = ServerMessage(type: "ack")
            ack.question = receipt.question
            ack.elapsedMs = Int((receipt.elapsed * 1000).rounded())
            ack.answer = ChoiceAnswer(letters: choices).letters
            send(ack, to: id)
        } catch {
            send(.error(error.code, error.description, question: question), to: id)
        }
        announce(from: before)
    }

    // MARK: Changes and broadcasts

    private func update(_ change: (inout LiveClass) -> Void) {
        let before = state
        change(&state)
        announce(from: before)
    }

    private func updateThrowing(_ change: (inout LiveClass) throws(LiveClassError) -> Void)
        throws(LiveClassError)
    {
        let before = state
        defer { announce(from: before) }
        try change(&state)
    }

    /// Sends what changed between `before` and now, saves the results when a question closed,
    /// and tells the host.
    private func announce(from before: LiveClass) {
        if state.records.count != before.records.count
            || (state.phase == .finished && before.phase != .finished)
        {
            save(state.result(finishedAt: now(), bankFiles: bankFiles))
        }
        if state.records != before.records, let record = state.records.last,
            state.records.count != before.records.count
        {
            broadcastResults(record)
        }
        if state.phase != before.phase {
            switch state.phase {
            case .open(let index, _):
                if case .paused = before.phase {
                    broadcastClock(type: "resumed", index: index)
                } else {
                    broadcastQuestion(index)
                }
            case .paused(let index, _): broadcastClock(type: "paused", index: index)
            case .finished: broadcastFinished()
            case .lobby, .reveal: break
            }
        }
        if state.players.count != before.players.count, state.phase == .lobby {
            var lobby = ServerMessage(type: "lobby")
            lobby.players = state.activePlayers.count
            broadcast(lobby)
        }
        onChange(state)
    }

    private func questionMessage(_ index: Int) -> ServerMessage {
        let item = state.items[index]
        var m = ServerMessage(type: "question")
        m.question = index + 1
        m.id = item.id
        m.total = state.items.count
        m.prompt = item.prompt
        m.choices = item.choices
        m.pick = max(1, item.answerLetters.count)
        m.timer = state.settings.timerSeconds
        m.remaining = state.remaining(now: now())
        return m
    }

    private func broadcastQuestion(_ index: Int) {
        let text = questionMessage(index).json()
        for (_, c) in connections where c.token != nil { c.continuation.yield(.text(text)) }
    }

    private func broadcastClock(type: String, index: Int) {
        var m = ServerMessage(type: type)
        m.question = index + 1
        m.remaining = state.remaining(now: now())
        broadcast(m)
    }

    private func broadcast(_ message: ServerMessage) {
        let text = message.json()
        for (_, c) in connections where c.token != nil { c.continuation.yield(.text(text)) }
    }

    private func resultsMessage(_ record: ClassQuestionRecord, for name: String, standings: [Standing])
        -> ServerMessage
    {
        let item = state.items[record.number - 1]
        var m = ServerMessage(type: "results")
        m.question = record.number
        m.id = record.id
        m.choices = record.choices
        m.correct = record.correctLetters
        m.explanation = record.explanation
        m.sources = item.sources
        var distribution = Array(repeating: 0, count: record.choices.count)
        for response in record.responses {
            for letter in response.answer ?? [] {
                if let i = ChoiceAnswer.index(of: letter, choiceCount: record.choices.count) {
                    distribution[i] += 1
                }
            }
        }
        m.distribution = distribution
        m.top = Array(standings.prefix(5))
        m.players = standings.count
        if let response = record.responses.first(where: { $0.player == name }) {
            m.answer = response.answer
            m.points = response.points
            m.state =
                response.late
                ? "late" : response.answer == nil ? "none" : response.correct ? "right" : "wrong"
            if response.answer != nil { m.elapsedMs = response.timeMs }
        } else {
            m.state = "none"
        }
        if let me = standings.first(where: { $0.name == name }) {
            m.score = me.score
            m.rank = me.rank
        }
        return m
    }

    private var currentStandings: [Standing] {
        state.standings.map { Standing(name: $0.name, score: $0.score, rank: $0.rank) }
    }

    private func broadcastResults(_ record: ClassQuestionRecord) {
        let standings = currentStandings
        for (_, c) in connections {
            guard let token = c.token, let player = state.player(token: token) else { continue }
            c.continuation.yield(.text(resultsMessage(record, for: player.name, standings: standings).json()))
        }
    }

    private func finishedMessage(for name: String, standings: [Standing]) -> ServerMessage {
        var m = ServerMessage(type: "finished")
        m.top = standings.filter { $0.rank <= 3 }
        m.players = standings.count
        if let me = standings.first(where: { $0.name == name }) {
            m.score = me.score
            m.rank = me.rank
        }
        return m
    }

    private func broadcastFinished() {
        let standings = currentStandings
        for (_, c) in connections {
            guard let token = c.token, let player = state.player(token: token) else { continue }
            c.continuation.yield(.text(finishedMessage(for: player.name, standings: standings).json()))
            c.continuation.yield(.close(code: ClassProtocol.CloseCode.ended, reason: "the class has ended"))
        }
    }

    private func bind(_ id: ConnectionID, token: String) {
        connections[id]?.token = token
        connectionByToken[token] = id
    }

    /// `welcome`, then whatever the player needs to catch up: the lobby, the open question (and
    /// their answer to it), or their results.
    private func welcome(_ id: ConnectionID, player: LiveClassPlayer) {
        var m = ServerMessage(type: "welcome")
        m.version = ClassProtocol.version
        m.token = player.token
        m.name = player.name
        m.players = state.activePlayers.count
        m.total = state.items.count
        send(m, to: id)
        switch state.phase {
        case .lobby:
            var lobby = ServerMessage(type: "lobby")
            lobby.players = state.activePlayers.count
            send(lobby, to: id)
        case .open(let index, _), .paused(let index, _):
            send(questionMessage(index), to: id)
            if case .paused = state.phase { broadcastClockTo(id, index: index) }
            if let given = state.pending[player.name] {
                var ack = ServerMessage(type: "ack")
                ack.question = index + 1
                ack.elapsedMs = Int((given.elapsed * 1000).rounded())
                ack.answer = given.letters
                send(ack, to: id)
            }
        case .reveal:
            if let record = state.records.last {
                send(resultsMessage(record, for: player.name, standings: currentStandings), to: id)
            }
        case .finished:
            send(finishedMessage(for: player.name, standings: currentStandings), to: id)
        }
    }

    private func broadcastClockTo(_ id: ConnectionID, index: Int) {
        var m = ServerMessage(type: "paused")
        m.question = index + 1
        m.remaining = state.remaining(now: now())
        send(m, to: id)
    }

    private func send(_ message: ServerMessage, to id: ConnectionID) {
        connections[id]?.continuation.yield(.text(message.json()))
    }

    private func fail(_ id: ConnectionID, code: String, _ text: String, close: UInt16) {
        send(.error(code, text), to: id)
        connections[id]?.continuation.yield(.close(code: close, reason: code))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
