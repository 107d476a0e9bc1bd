import Foundation

/// Where a live class is.
package enum LiveClassPhase: Sendable, Hashable {
    /// Waiting for players; nothing asked yet.
    case lobby
    /// Question `index` (0-based) is open since `openedAt` (moved forward by pauses, so that
    /// `now − openedAt` is always the answering time that counted).
    case open(index: Int, openedAt: Date)
    /// Question `index` is open but its clock is stopped after `elapsed` seconds.
    case paused(index: Int, elapsed: Double)
    /// Question `index` is closed and its results are shown since `closedAt`.
    case reveal(index: Int, closedAt: Date)
    /// Every question was asked, or the instructor ended the class.
    case finished

    /// The index of the question being asked or shown, if any.
    package var questionIndex: Int? {
        switch self {
        case .open(let i, _), .paused(let i, _), .reveal(let i, _): i
        case .lobby, .finished: nil
        }
    }
}
