import Foundation

/// The live-class protocol: one WebSocket per client at `/ws`, one JSON object per text message,
/// each with a `type`. Documented in docs/class-protocol.md; bump ``version`` on any change a
/// client must know about.
public enum ClassProtocol {
    /// The protocol version this server speaks (sent in `welcome`).
    public static let version = 1
    /// The largest message accepted from a client, in bytes.
    public static let maximumMessageBytes = 4096
    /// The WebSocket path.
    public static let path = "/ws"

    /// WebSocket close codes the server uses.
    public enum CloseCode {
        /// The message was not JSON of a known type (also sent as an `error` first).
        public static let malformed: UInt16 = 1008
        /// The message was larger than ``maximumMessageBytes``.
        public static let tooLarge: UInt16 = 1009
        /// The class has ended.
        public static let ended: UInt16 = 1000
        /// The instructor removed this player.
        public static let removed: UInt16 = 4001
        /// The same player connected again elsewhere (another tab, a reconnect).
        public static let replaced: UInt16 = 4002
    }
}

/// A message from a student's client. Unknown fields are ignored.
public struct ClientMessage: Codable, Sendable, Equatable {
    /// `join`, `rejoin` or `answer`.
    public var type: String
    /// `join`: the join code.
    public var pin: String?
    /// `join`: the name to show.
    public var name: String?
    /// `rejoin`: the token from `welcome`.
    public var token: String?
    /// `answer`: the question number (1-based, as in `question`).
    public var question: Int?
    /// `answer`: the letters chosen, such as `["a"]` or `["b", "d"]`.
    public var choices: [String]?

    public init(
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

    public static func join(pin: String, name: String) -> ClientMessage {
        ClientMessage(type: "join", pin: pin, name: name)
    }
    public static func rejoin(token: String) -> ClientMessage { ClientMessage(type: "rejoin", token: token) }
    public static func answer(question: Int, choices: [String]) -> ClientMessage {
        ClientMessage(type: "answer", question: question, choices: choices)
    }
}

/// One line of a scoreboard.
public struct Standing: Codable, Sendable, Equatable {
    public var name: String
    public var score: Int
    public var rank: Int
    public init(name: String, score: Int, rank: Int) {
        self.name = name
        self.score = score
        self.rank = rank
    }
}

/// A message from the server. Which fields are present depends on `type` (see
/// docs/class-protocol.md); absent fields are left out of the JSON.
public struct ServerMessage: Codable, Sendable, Equatable {
    /// `welcome`, `lobby`, `question`, `ack`, `paused`, `resumed`, `results`, `finished`, `error`.
    public var type: String
    /// `welcome`: the protocol version.
    public var version: Int?
    /// `welcome`: the rejoin token (keep it secret; it is the player's identity).
    public var token: String?
    /// `welcome`: the name as accepted (trimmed).
    public var name: String?
    /// `welcome`, `lobby`, `results`, `finished`: how many players are in the class.
    public var players: Int?
    /// `question`, `ack`, `paused`, `resumed`, `results`, `error`: the question number (1-based).
    public var question: Int?
    /// `welcome`, `question`: how many questions the class has.
    public var total: Int?
    /// `question`, `results`: the item's stable id (the key of a learner's progress file).
    public var id: String?
    /// `question`: the prompt.
    public var prompt: String?
    /// `question`, `results`: the choices, `a` first.
    public var choices: [String]?
    /// `question`: how many letters a full answer has (more than 1 for multiple response).
    public var pick: Int?
    /// `question`, `paused`, `resumed`: seconds left to answer.
    public var remaining: Double?
    /// `question`: seconds per question.
    public var timer: Double?
    /// `ack`, `results`: milliseconds from the question opening to the answer arriving.
    public var elapsedMs: Int?
    /// `ack`, `results`: the letters this player gave.
    public var answer: [String]?
    /// `results`: `right`, `wrong`, `late` (answered after the close) or `none`.
    public var state: String?
    /// `results`: the correct letters.
    public var correct: [String]?
    /// `results`: why.
    public var explanation: String?
    /// `results`: the AWS pages the explanation cites.
    public var sources: [String]?
    /// `results`: how many players picked each choice, `a` first.
    public var distribution: [Int]?
    /// `results`: points for this question; `finished`: unused.
    public var points: Int?
    /// `results`, `finished`: this player's total.
    public var score: Int?
    /// `results`, `finished`: this player's rank.
    public var rank: Int?
    /// `results`: the top five; `finished`: the podium (top three, more on ties).
    public var top: [Standing]?
    /// `error`: a stable code (docs/class-protocol.md lists them).
    public var code: String?
    /// `error`: what happened, for a person.
    public var message: String?
    /// `error` with `wrong-pin`: milliseconds the next attempt from this address will wait.
    public var retryAfterMs: Int?

    public init(type: String) { self.type = type }

    /// An `error` message.
    public static func error(_ code: String, _ message: String, question: Int? = nil) -> ServerMessage {
        var m = ServerMessage(type: "error")
        m.code = code
        m.message = message
        m.question = question
        return m
    }
}

extension ServerMessage {
    /// The message as one line of JSON.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }
}

extension ClientMessage {
    /// The message as one line of JSON.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }
}
