import Foundation

/// One question waiting in a session's queue, and why it is there.
package struct QueueEntry: Sendable, Hashable, Codable {
    /// Why an item is asked.
    package enum Reason: String, Sendable, Hashable, Codable {
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

    package var itemID: String
    package var reason: Reason
    /// When the entry becomes askable (learning steps); `nil` at once.
    package var due: Date?

    package init(itemID: String, reason: Reason, due: Date? = nil) {
        self.itemID = itemID
        self.reason = reason
        self.due = due
    }
}
