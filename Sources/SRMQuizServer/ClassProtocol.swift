import Foundation

/// The live-class protocol: one WebSocket per client at `/ws`, one JSON object per text message,
/// each with a `type`.
///
/// Documented in docs/class-protocol.md; bump ``version`` on any change a client must know about.
package enum ClassProtocol {
    /// The protocol version this server speaks (sent in `welcome`).
    package static let version = 1
    /// The largest message accepted from a client, in bytes.
    package static let maximumMessageBytes = 4096
    /// The WebSocket path.
    package static let path = "/ws"

    /// WebSocket close codes the server uses.
    package enum CloseCode {
        /// The message was not JSON of a known type (also sent as an `error` first).
        package static let malformed: UInt16 = 1008
        /// The message was larger than ``maximumMessageBytes``.
        package static let tooLarge: UInt16 = 1009
        /// The class has ended.
        package static let ended: UInt16 = 1000
        /// The instructor removed this player.
        package static let removed: UInt16 = 4001
        /// The same player connected again elsewhere (another tab, a reconnect).
        package static let replaced: UInt16 = 4002
    }
}

/// A message from a student's client.
///
/// Unknown fields are ignored.
package struct ClientMessage: Codable, Sendable, Equatable {
    /// `join`, `rejoin` or `answer`.
    package var type: String
    /// `join`: the join code.
    package var pin: String?
    /// `join`: the name to show.
    package var name: String?
    /// `rejoin`: the token from `welcome`.
    package var token: String?
    /// `answer`: the question number (1-based, as in `question`).
    package var question: Int?
    /// `answer`: the letters chosen, such as `["a"]` or `["b", "d"]`.
    package var choices: [String]?

    package init(
        type: String, pin: String? = nil, name: String? = nil, token: String? = nil, question: Int? = nil,
        choices: [String]? = nil
    ) {
        self.type = type
        self.pin = pin
        self.name = name
        self.token = token
        self.question = question
        self.choices = choices
    }

    package static func join(pin: String, name: String) -> ClientMessage {
        ClientMessage(type: "join", pin: pin, name: name)
    }
    package static func rejoin(token: String) -> ClientMessage { ClientMessage(type: "rejoin", token: token) }
    package static func answer(question: Int, choices: [String]) -> ClientMessage {
        ClientMessage(type: "answer", question: question, choices: choices)
    }
}

/// One line of a scoreboard.
package struct Standing: Codable, Sendable, Equatable {
    package var name: String
    package var score: Int
    package var rank: Int
    package init(name: String, score: Int, rank: Int) {
        self.name = name
        self.score = score
        self.rank = rank
    }
}

/// A message from the server.
///
/// Which fields are present depends on `type` (see docs/class-protocol.md); absent fields are left
/// out of the JSON.
package struct ServerMessage: Codable, Sendable, Equatable {
    /// `welcome`, `lobby`, `question`, `ack`, `paused`, `resumed`, `results`, `finished`, `error`.
    package var type: String
    /// `welcome`: the protocol version.
    package var version: Int?
    /// `welcome`: the rejoin token (keep it secret; it is the player's identity).
    package var token: String?
    /// `welcome`: the name as accepted (trimmed).
    package var name: String?
    /// `welcome`, `lobby`, `results`, `finished`: how many players are in the class.
    package var players: Int?
    /// `question`, `ack`, `paused`, `resumed`, `results`, `error`: the question number (1-based).
    package var question: Int?
    /// `welcome`, `question`: how many questions the class has.
    package var total: Int?
    /// `question`, `results`: the item's stable id (the key of a learner's progress file).
    package var id: String?
    /// `question`: the prompt.
    package var prompt: String?
    /// `question`, `results`: the choices, `a` first.
    package var choices: [String]?
    /// `question`: how many letters a full answer has (more than 1 for multiple response).
    package var pick: Int?
    /// `question`, `paused`, `resumed`: seconds left to answer.
    package var remaining: Double?
    /// `question`: seconds per question.
    package var timer: Double?
    /// `ack`, `results`: milliseconds from the question opening to the answer arriving.
    package var elapsedMs: Int?
    /// `ack`, `results`: the letters this player gave.
    package var answer: [String]?
    /// `results`: `right`, `wrong`, `late` (answered after the close) or `none`.
    package var state: String?
    /// `results`: the correct letters.
    package var correct: [String]?
    /// `results`: why.
    package var explanation: String?
    /// `results`: the AWS pages the explanation cites.
    package var sources: [String]?
    /// `results`: how many players picked each choice, `a` first.
    package var distribution: [Int]?
    /// `results`: points for this question; `finished`: unused.
    package var points: Int?
    /// `results`, `finished`: this player's total.
    package var score: Int?
    /// `results`, `finished`: this player's rank.
    package var rank: Int?
    /// `results`: the top five; `finished`: the podium (top three, more on ties).
    package var top: [Standing]?
    /// `error`: a stable code (docs/class-protocol.md lists them).
    package var code: String?
    /// `error`: what happened, for a person.
    package var message: String?
    /// `error` with `wrong-pin`: milliseconds the next attempt from this address will wait.
    package var retryAfterMs: Int?

    package init(type: String) { self.type = type }

    /// An `error` message.
    package static func error(_ code: String, _ message: String, question: Int? = nil) -> ServerMessage {
        var m = ServerMessage(type: "error")
        m.code = code
        m.message = message
        m.question = question
        return m
    }
}

extension ServerMessage {
    /// The message as one line of JSON.
    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }
}

extension ClientMessage {
    /// The message as one line of JSON.
    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }
}
