import Foundation
import SRMQuizKit

/// The end-of-session summary: answers, accuracy by owner, service and kind, time spent, what
/// was missed, and when the next reviews are due.
package struct SessionSummaryRenderer: Sendable {
    package var style: TerminalStyle
    /// Display names for service, owner and kind ids.
    package var names: DisplayNames

    package init(style: TerminalStyle, names: DisplayNames = DisplayNames()) {
        self.style = style
        self.names = names
    }

    /// The summary of `engine`'s session at `now`.
    ///
    /// `saved` is false when the session stopped because an answer could not be saved (the summary
    /// then says so instead of "Progress is saved").
    package func render(_ engine: SessionEngine, now: Date, saved: Bool = true) -> String {
        let stats = engine.stats
        let clean: (String) -> String = TerminalText.sanitize
        var out = "\n" + style.bold("Session summary") + "\n"
        out += "  Answered \(stats.answered)"
        out += stats.skipped > 0 ? ", skipped \(stats.skipped)" : ""
        out += ", time \(RelativeTime.duration(now.timeIntervalSince(stats.startedAt)))\n"
        if stats.answered > 0 { out += "  Accuracy \(stats.accuracy.text)\n" }
        for (label, table) in [
            ("owner", stats.byOwner), ("service", stats.byService), ("kind", stats.byKind),
        ]
        where !table.isEmpty {
            let parts = table.filter { $0.value.graded > 0 }
                .map { (name: names.name($0.key, of: label), tally: $0.value) }
                .sorted { $0.name < $1.name }
                .map { name, tally in
                    "\(clean(name)) \(tally.correct)/\(tally.graded) (\(tally.percentText ?? "-"))"
                }
            guard !parts.isEmpty else { continue }
            out += "  By \(label): " + parts.joined(separator: " · ") + "\n"
        }
        if !stats.missed.isEmpty {
            out += "  Missed (\(stats.missed.count)):\n"
            let renderer = QuestionRenderer(style: style)
            for id in stats.missed {
                guard let item = engine.itemsByID[id] else { continue }
                var line = "    - " + clean(item.prompt).replacingOccurrences(of: "\n", with: " ")
                line += " → " + renderer.correctAnswer(item)
                if !item.facts.isEmpty {
                    line += style.dim(" [" + item.facts.map(clean).joined(separator: ", ") + "]")
                }
                out += line + "\n"
            }
        }
        if engine.configuration.records {
            if let next = engine.nextDue() {
                let dayLater = now.addingTimeInterval(86_400)
                out += "  Next review: \(RelativeTime.until(next, from: now))"
                out += "; \(engine.dueCount(by: dayLater)) due within a day\n"
            } else {
                out += "  No reviews scheduled yet.\n"
            }
            out +=
                saved
                ? "  Progress is saved.\n"
                : "  The last answer was NOT saved (see the error); the answers before it are.\n"
        } else {
            out +=
                "  Nothing was recorded (\(engine.configuration.mode == .cram ? "cram" : "--no-record")).\n"
        }
        return out
    }
}
