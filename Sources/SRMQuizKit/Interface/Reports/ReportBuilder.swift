import Foundation

/// Lays out learner and class reports as a ``ReportDocument``.
public enum ReportBuilder {
    /// One part of a report: a learner's or a class's.
    public enum Part: Sendable, Hashable, Codable {
        case learner(LearnerReport)
        case classSession(ClassReport)
    }

    /// The document for `parts`, dated `generatedAt`.
    public static func document(parts: [Part], generatedAt: Date) -> ReportDocument {
        var seeds: [String] = []
        var banks: [String] = []
        for part in parts {
            switch part {
            case .learner(let r):
                if let s = r.seed { seeds.append(String(s)) }
                banks += r.bankFiles
            case .classSession(let r):
                seeds.append(String(r.seed))
                banks += r.bankFiles
            }
        }
        var uniqueBanks: [String] = []
        for b in banks where !uniqueBanks.contains(b) { uniqueBanks.append(b) }
        let header = [
            ReportDocument.Field("Date", dateText(generatedAt)),
            ReportDocument.Field("Seed", seeds.isEmpty ? "-" : seeds.joined(separator: ", ")),
            ReportDocument.Field("Bank", Bank.label(files: uniqueBanks)),
        ]
        var sections: [ReportDocument.Section] = []
        for part in parts {
            switch part {
            case .learner(let r): sections += learnerSections(r)
            case .classSession(let r): sections += classSections(r)
            }
        }
        return ReportDocument(title: "srmquiz score report", header: header, sections: sections)
    }

    static func learnerSections(_ r: LearnerReport) -> [ReportDocument.Section] {
        var fields = [ReportDocument.Field("File", r.file)]
        fields.append(
            .init(
                "Accuracy", r.percent.map { "\(pct($0)) (\(r.correct) of \(r.graded))" } ?? "no answers yet"))
        if let exam = r.exam {
            fields.append(.init("Exam", "\(dateText(exam.startedAt)), \(exam.minutes) minutes"))
            fields.append(
                .init(
                    "Result",
                    "\(exam.passed ? "PASS" : "FAIL") (pass mark \(pct(exam.passMark)))"
                        + (exam.timedOut ? ", time ran out" : "")))
        }
        if let seed = r.seed { fields.append(.init("Seed", String(seed))) }
        var sections = [
            ReportDocument.Section(
                title: r.source == "exam" ? "Exam result" : "Learner progress", blocks: [.fields(fields)])
        ]
        var charts: [ReportDocument.Block] = []
        for breakdown in r.breakdowns where !breakdown.rows.isEmpty {
            charts.append(
                .bars(
                    .init(
                        title: "By \(breakdown.dimension)",
                        bars: breakdown.rows.map {
                            .init(label: $0.label, percent: $0.percent, caption: "\($0.correct)/\($0.total)")
                        })))
        }
        if !charts.isEmpty {
            sections.append(.init(title: "Accuracy by owner, service, category and kind", blocks: charts))
        }
        if !r.weeks.isEmpty {
            sections.append(
                .init(
                    title: "Progress by week",
                    blocks: [
                        .table(
                            .init(
                                columns: ["Week", "Reviews", "Graded", "Right", "Accuracy"],
                                numeric: [false, true, true, true, true],
                                rows: r.weeks.map { w in
                                    [
                                        w.week, String(w.reviews), String(w.graded), String(w.correct),
                                        w.graded == 0 ? "-" : pct(Double(w.correct) * 100 / Double(w.graded)),
                                    ]
                                }))
                    ]))
        }
        if !r.weakest.isEmpty {
            sections.append(
                .init(
                    title: r.source == "exam" ? "Wrong answers" : "Weakest items",
                    blocks: [
                        .table(
                            .init(
                                columns: ["Item", "Lapses", "Right", "Question"],
                                numeric: [false, true, true, false],
                                rows: r.weakest.map {
                                    [$0.id, String($0.lapses), "\($0.correct)/\($0.total)", $0.prompt ?? ""]
                                }))
                    ]))
        }
        if let due = r.due {
            sections.append(
                .init(
                    title: "Due",
                    blocks: [
                        .fields([
                            .init("Due now", String(due.dueNow)),
                            .init("Due in the next 7 days", String(due.dueThisWeek)),
                            .init("Cards", String(due.cards)),
                        ])
                    ]))
        }
        return sections
    }

    static func classSections(_ r: ClassReport) -> [ReportDocument.Section] {
        var sections: [ReportDocument.Section] = [
            .init(
                title: "Class session",
                blocks: [
                    .fields([
                        .init("File", r.file), .init("Date", dateText(r.startedAt)),
                        .init("Mode", r.mode.rawValue),
                        .init("Seed", String(r.seed)), .init("Students", String(r.students.count)),
                        .init("Questions", String(r.questions.count)),
                    ])
                ]),
            .init(
                title: "Students",
                blocks: [
                    .table(
                        .init(
                            columns: ["Rank", "Student", "Points", "Right", "Asked"],
                            numeric: [true, false, true, true, true],
                            rows: r.students.map {
                                [
                                    String($0.rank), $0.name, String($0.points), String($0.correct),
                                    String($0.asked),
                                ]
                            }))
                ]),
            .init(
                title: "Questions",
                blocks: [
                    .table(
                        .init(
                            columns: ["#", "Key", "Right", "Facility", "Discrim.", "Blank", "Wrong choices"],
                            numeric: [true, false, true, true, true, true, false],
                            rows: r.questions.map { q in
                                [
                                    String(q.number), q.correctLetters.joined(separator: ","),
                                    "\(q.correct)/\(q.attempts)",
                                    q.facility.map { pct($0) } ?? "-",
                                    q.discrimination.map { String(format: "%.1f", $0) } ?? "-",
                                    String(q.unanswered),
                                    q.wrongChoices.map { "\($0.letter)×\($0.count)" }.joined(separator: " "),
                                ]
                            })),
                    .paragraph(
                        "Facility: the percentage who got the question right. Discrimination: 100 × the correlation "
                            + "between the question's score and the score on the rest of the quiz (Moodle's definition); "
                            + "- when everyone scored the same."),
                    .bars(
                        .init(
                            title: "Facility by question",
                            bars: r.questions.map {
                                .init(
                                    label: "Q\($0.number)", percent: $0.facility ?? 0,
                                    caption: $0.facility.map { pct($0) } ?? "-")
                            })),
                ]),
            .init(
                title: "Question texts", blocks: r.questions.map { .paragraph("\($0.number). \($0.prompt)") }),
        ]
        if !r.mostMissedFacts.isEmpty {
            sections.append(
                .init(
                    title: "Most-missed facts",
                    blocks: [
                        .table(
                            .init(
                                columns: ["Fact", "Missed", "Answers"], numeric: [false, true, true],
                                rows: r.mostMissedFacts.map {
                                    [$0.fact, String($0.missed), String($0.total)]
                                }))
                    ]))
        }
        return sections
    }

    /// `value` as a whole percentage, such as `67%`.
    public static func pct(_ value: Double) -> String { "\(Int(value.rounded()))%" }

    /// `date` as `2025-01-31 14:25 UTC`.
    public static func dateText(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f.string(from: date)
    }
}
