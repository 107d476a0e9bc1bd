import Foundation

/// Lays out learner and class reports as a ``ReportDocument``.
public enum ReportBuilder {
    /// One part of a report: a learner's or a class's.
    public enum Part: Sendable, Hashable, Codable {
        case learner(LearnerReport)
        case classSession(ClassReport)
    }

    /// The document for `parts`, dated `generatedAt`.
    ///
    /// The header names a seed and a bank only when a part has one.
    package static func document(parts: [Part], generatedAt: Date) -> ReportDocument {
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
        var header = [ReportDocument.Field("Date", Timestamp.minute(generatedAt))]
        if !seeds.isEmpty { header.append(.init("Seed", seeds.joined(separator: ", "))) }
        if !uniqueBanks.isEmpty { header.append(.init("Bank", DisplayNames.bankName(files: uniqueBanks))) }
        var sections: [ReportDocument.Section] = []
        var data: [ReportDocument.Table] = []
        for part in parts {
            switch part {
            case .learner(let r):
                sections += learnerSections(r, generatedAt: generatedAt)
                data.append(itemTable(r))
            case .classSession(let r):
                sections += classSections(r)
                data.append(choiceTable(r))
            }
        }
        let exams = parts.compactMap { part -> LearnerReport? in
            if case .learner(let r) = part, r.exam != nil { return r }
            return nil
        }
        if exams.count > 1 { sections.append(examTrend(exams)) }
        return ReportDocument(title: "srmquiz score report", header: header, sections: sections, data: data)
    }

    /// Only the readiness forecasts of `parts` (for `report --readiness`).
    package static func readinessDocument(parts: [Part], generatedAt: Date) -> ReportDocument {
        var sections: [ReportDocument.Section] = []
        for case .learner(let r) in parts {
            guard let forecast = r.readiness else { continue }
            sections += readinessSections(
                forecast, learner: r.learner ?? fileName(r.file), generatedAt: generatedAt)
        }
        return ReportDocument(
            title: "srmquiz exam readiness", header: [.init("Date", Timestamp.minute(generatedAt))],
            sections: sections)
    }

    static func fileName(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }

    static func learnerSections(_ r: LearnerReport, generatedAt: Date) -> [ReportDocument.Section] {
        var fields: [ReportDocument.Field] = []
        if let learner = r.learner {
            fields.append(.init("Learner", learner))
        } else {
            fields.append(.init("File", fileName(r.file)))
        }
        fields.append(.init("Accuracy", r.accuracy.text))
        if let exam = r.exam {
            fields.append(.init("Exam", "\(Timestamp.minute(exam.startedAt)), \(exam.minutes) minutes"))
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
                                name: "weeks", source: r.file,
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
            // Numbered paragraphs, so the whole question fits, wrapped, in every format.
            sections.append(
                .init(
                    title: r.source == "exam" ? "Wrong answers" : "Weakest items",
                    blocks: r.weakest.enumerated().map { n, item in
                        var facts: [String] = []
                        if r.source != "exam" {
                            facts.append("\(item.lapses) lapse\(item.lapses == 1 ? "" : "s")")
                            facts.append("\(item.correct)/\(item.total) right")
                        }
                        let tail = facts.isEmpty ? "" : " (" + facts.joined(separator: ", ") + ")"
                        return .paragraph("\(n + 1). \(item.prompt ?? item.id)\(tail)")
                    }))
        }
        if !r.leeches.isEmpty {
            sections.append(
                .init(
                    title: "Leeches (failed \(LearnerReport.leechFailures) times or more)",
                    blocks: r.leeches.map { leech in
                        var lines = ["\(leech.prompt ?? leech.id) (failed \(leech.failures) times)"]
                        lines += leech.facts.map { "   Fact: \($0)" }
                        return .paragraph(lines.joined(separator: "\n"))
                    }))
        }
        if let due = r.due {
            var blocks: [ReportDocument.Block] = [
                .fields([
                    .init("Due now", String(due.dueNow)),
                    .init("Due in the next 7 days", String(due.dueThisWeek)),
                    .init("Cards", String(due.cards)),
                ])
            ]
            if !r.dueForecast.isEmpty {
                blocks.append(.paragraph("Due per day, next \(LearnerReport.forecastDays) days:"))
                blocks.append(
                    .table(
                        .init(
                            name: "due", source: r.file, columns: ["Day", "Cards", "Day", "Cards"],
                            numeric: [false, true, false, true],
                            rows: dueRows(r.dueForecast))))
            }
            sections.append(.init(title: "Due", blocks: blocks))
        }
        if let forecast = r.readiness {
            sections += readinessSections(forecast, learner: nil, generatedAt: generatedAt)
        }
        return sections
    }

    /// The readiness forecast: the figure and its band, categories, topics holding it back, the
    /// reviews a day to the target.
    static func readinessSections(_ f: ReadinessForecast, learner: String?, generatedAt: Date)
        -> [ReportDocument.Section]
    {
        var fields: [ReportDocument.Field] = []
        if let learner { fields.append(.init("Learner", learner)) }
        fields += [
            .init("Exam date", Timestamp.day(f.examDate)),
            .init(
                "Predicted score",
                "\(pct(f.predicted)) (band \(pct(f.low))–\(pct(f.high))) of \(f.items) items; "
                    + "\(f.seen) answered so far"),
        ]
        let perDay: String
        switch f.reviewsPerDay {
        case .some(0): perDay = "already at or above the target"
        case _ where f.examDate.timeIntervalSince(generatedAt) < 86400:
            perDay = "give the exam date (--exam-date) to plan the reviews"
        case .some(let n): perDay = "about \(n) review\(n == 1 ? "" : "s") a day until the exam"
        case .none: perDay = "not reachable by this date even with every item reviewed"
        }
        fields.append(.init("To reach \(pct(f.target))", perDay))
        var blocks: [ReportDocument.Block] = [.fields(fields)]
        if !f.byCategory.isEmpty {
            blocks.append(
                .bars(
                    .init(
                        title: "Predicted by category",
                        bars: f.byCategory.map {
                            .init(
                                label: $0.name, percent: $0.predicted, caption: "\($0.seen)/\($0.items) seen")
                        })))
        }
        if !f.holdingBack.isEmpty {
            blocks.append(.paragraph("Study these topics first (they cost the most expected points):"))
            blocks.append(
                .table(
                    .init(
                        name: "readiness", columns: ["Topic", "Predicted", "Items", "Seen", "Points lost"],
                        numeric: [false, true, true, true, true],
                        rows: f.holdingBack.map {
                            [
                                $0.name, pct($0.predicted), String($0.items), String($0.seen),
                                String(format: "%.1f", $0.lost),
                            ]
                        })))
        }
        blocks.append(
            .paragraph(
                "From each card's FSRS recall probability on the exam date; items not answered yet count at "
                    + "your first-answer accuracy for their kind. See docs/readiness.md for the method and its limits."
            ))
        return [.init(title: "Exam readiness", blocks: blocks)]
    }

    /// The due forecast in two side-by-side halves (the first week left, the second right).
    static func dueRows(_ days: [LearnerReport.DueDay]) -> [[String]] {
        let half = (days.count + 1) / 2
        return (0..<half).map { row in
            var cells = [days[row].day, String(days[row].cards)]
            if row + half < days.count { cells += [days[row + half].day, String(days[row + half].cards)] }
            return cells
        }
    }

    /// Score and date of each exam, oldest first.
    static func examTrend(_ exams: [LearnerReport]) -> ReportDocument.Section {
        let sorted = exams.sorted {
            ($0.exam?.startedAt ?? .distantPast) < ($1.exam?.startedAt ?? .distantPast)
        }
        return .init(
            title: "Exam trend",
            blocks: [
                .bars(
                    .init(
                        title: "Score per exam",
                        bars: sorted.compactMap { r in
                            r.exam.map {
                                .init(
                                    label: Timestamp.minute($0.startedAt), percent: $0.percent,
                                    caption: "\(r.correct)/\(r.graded) \($0.passed ? "pass" : "fail")")
                            }
                        }))
            ])
    }

    /// The learner's weakest items with their full text (CSV only).
    static func itemTable(_ r: LearnerReport) -> ReportDocument.Table {
        .init(
            name: r.source == "exam" ? "wrong" : "weakest", source: r.file,
            columns: ["Item", "Lapses", "Right", "Answers", "Question"],
            numeric: [false, true, true, true, false],
            rows: r.weakest.map {
                [$0.id, String($0.lapses), String($0.correct), String($0.total), $0.prompt ?? ""]
            })
    }

    static func classSections(_ r: ClassReport) -> [ReportDocument.Section] {
        var sections: [ReportDocument.Section] = [
            .init(
                title: "Class session",
                blocks: [
                    .fields([
                        .init("File", fileName(r.file)), .init("Date", Timestamp.minute(r.startedAt)),
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
                            name: "students", source: r.file,
                            columns: ["Student", "Points", "Right", "Asked", "Percent", "Rank"],
                            numeric: [false, true, true, true, true, true],
                            rows: r.students.map {
                                [
                                    $0.name, String($0.points), String($0.correct), String($0.asked),
                                    $0.asked == 0 ? "-" : pct(Double($0.correct) * 100 / Double($0.asked)),
                                    String($0.rank),
                                ]
                            }))
                ]),
            .init(
                title: "Questions",
                blocks: [
                    .table(
                        .init(
                            name: "questions", source: r.file,
                            columns: ["#", "Key", "Right", "Facility", "Discrim.", "Blank", "Picks (* key)"],
                            numeric: [true, false, true, true, true, true, false],
                            rows: r.questions.map { q in
                                [
                                    String(q.number), q.correctLetters.joined(separator: ","),
                                    "\(q.correct)/\(q.attempts)",
                                    q.facility.map { pct($0) } ?? "-",
                                    q.discrimination.map { String(format: "%.1f", $0) } ?? "-",
                                    String(q.unanswered),
                                    q.picks.map {
                                        "\($0.letter)\(q.correctLetters.contains($0.letter) ? "*" : "") \($0.count)"
                                    }.joined(separator: " "),
                                ]
                            })),
                    .paragraph(
                        "Facility: the percentage who got the question right. Discrimination: 100 × the correlation "
                            + "between the question's score and the score on the rest of the quiz (Moodle's definition); "
                            + "- when everyone scored the same. Picks: how many chose each letter; * marks the key."
                    ),
                    .bars(
                        .init(
                            title: "Facility by question",
                            bars: r.questions.map {
                                .init(
                                    label: "Q\($0.number)", percent: $0.facility ?? 0,
                                    caption: "\($0.correct)/\($0.attempts)")
                            })),
                ]),
            .init(title: "Questions and answers", blocks: r.questions.map(questionText)),
        ]
        if !r.mostMissedFacts.isEmpty {
            sections.append(
                .init(
                    title: "Most-missed facts",
                    blocks: [
                        .paragraph(
                            "Only the facts a question tests (its key's facts) count, not those behind wrong options."
                        ),
                        .table(
                            .init(
                                name: "facts", source: r.file,
                                columns: ["Fact", "Missed", "Answers"], numeric: [false, true, true],
                                rows: r.mostMissedFacts.map {
                                    [$0.text ?? $0.fact, String($0.missed), String($0.total)]
                                })),
                    ]))
        }
        return sections
    }

    /// A question's text and each choice with how many picked it, the key marked.
    static func questionText(_ q: ClassReport.Question) -> ReportDocument.Block {
        var lines = ["\(q.number). \(q.prompt)"]
        for pick in q.picks {
            let key = q.correctLetters.contains(pick.letter) ? " (key)" : ""
            lines.append("   \(pick.letter)) \(pick.choice): \(pick.count)\(key)")
        }
        return .paragraph(lines.joined(separator: "\n"))
    }

    /// The per-choice counts of every question, one row per choice (CSV only).
    static func choiceTable(_ r: ClassReport) -> ReportDocument.Table {
        .init(
            name: "choices", source: r.file,
            columns: ["Question", "Prompt", "Letter", "Choice", "Picked", "Key"],
            numeric: [true, false, false, false, true, false],
            rows: r.questions.flatMap { q in
                q.picks.map {
                    [
                        String(q.number), q.prompt, $0.letter, $0.choice, String($0.count),
                        q.correctLetters.contains($0.letter) ? "yes" : "no",
                    ]
                }
            })
    }

    /// `value` as a whole percentage, such as `67%`.
    package static func pct(_ value: Double) -> String { "\(Int(value.rounded()))%" }
}
