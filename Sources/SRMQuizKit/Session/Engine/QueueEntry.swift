import Foundation

/// One question waiting in a session's queue, and why it is there.
public struct QueueEntry: Sendable, Hashable, Codable {
    /// Why an item is asked.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// A graduated card that is due.
        case review
        /// An item never seen before.
        case new
        /// A card in its learning or relearning steps.
        case learning
        /// A quiz question.
        case practice
        /// A cram question.
        case cram
    }

    public var itemID: String
    public var reason: Reason
    /// When the entry becomes askable (learning steps); `nil` at once.
    public var due: Date?

    public init(itemID: String, reason: Reason, due: Date? = nil) {
        self.itemID = itemID
        self.reason = reason
        self.due = due
    }
}
