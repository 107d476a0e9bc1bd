/// "Did you mean …?": the closest of a list of valid values to a mistyped one, by edit distance.
enum Suggestion {
    /// The candidate closest to `word` (case-insensitive), if it is close enough to be a typo:
    /// at most a third of the word's letters (and at least 2) edited, or `word` a prefix of it.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        guard !lower.isEmpty else { return nil }
        let scored = candidates.map { ($0, distance(lower, $0.lowercased())) }
        let limit = max(2, lower.count / 3)
        if let best = scored.filter({ $0.1 <= limit }).min(by: { $0.1 < $1.1 }) { return best.0 }
        return candidates.first { $0.lowercased().hasPrefix(lower) }
    }

    /// The Levenshtein distance between `a` and `b` (insertions, deletions, substitutions).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The error for an unknown value: `--service: unknown value 'ec3'; did you mean 'ec2'?
    /// Valid: …` (exit status 64).
    static func unknownValue(option: String, value: String, valid: [String]) -> CLIError {
        var message = "\(option): unknown value '\(value)'"
        if let near = closest(to: value, in: valid) { message += " (did you mean '\(near)'?)" }
        let shown = valid.prefix(60)
        message += ". Valid values: " + shown.joined(separator: ", ")
        if valid.count > shown.count { message += ", … (\(valid.count - shown.count) more)" }
        return .usage(message)
    }
}
