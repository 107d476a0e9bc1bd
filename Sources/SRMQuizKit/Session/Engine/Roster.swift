/// The players of a class session, from `--players` or a roster file.
package struct Roster: Sendable, Hashable, Codable {
    /// The names, in the order answers are typed.
    package var players: [String]

    /// The longest name accepted.
    package static let maximumNameLength = 40

    package init(players: [String]) {
        self.players = players
    }

    /// Parses a comma-separated list such as `Ann,Bo,Cy`.
    package static func parse(list: String) throws(RosterError) -> Roster {
        let names = list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return try build(
            names.enumerated().map {
                (source: "--players", line: nil, index: $0.offset + 1, raw: $0.element)
            },
            source: "--players")
    }

    /// Parses a roster file: one name per line; blank lines and `#` comments are skipped.
    package static func parse(file text: String, path: String) throws(RosterError) -> Roster {
        var entries: [(source: String, line: Int?, index: Int, raw: String)] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var content = Substring(line)
            if let hash = content.firstIndex(of: "#") { content = content[..<hash] }
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            entries.append((source: path, line: n + 1, index: entries.count + 1, raw: String(content)))
        }
        return try build(entries, source: path)
    }

    private static func build(
        _ entries: [(source: String, line: Int?, index: Int, raw: String)], source: String
    ) throws(RosterError)
        -> Roster
    {
        var names: [String] = []
        var seen: [String: Int] = [:]
        for entry in entries {
            let name = entry.raw.trimmingCharacters(in: .whitespaces)
            let place = entry.line.map { "\(entry.source):\($0)" } ?? "\(entry.source): name \(entry.index)"
            if name.isEmpty { throw RosterError(place: place, message: "empty name") }
            if name.count > maximumNameLength {
                throw RosterError(place: place, message: "name longer than \(maximumNameLength) characters")
            }
            let allowed = name.unicodeScalars.allSatisfy { s in
                s.properties.isAlphabetic || ("0"..."9").contains(s) || " .-'_".unicodeScalars.contains(s)
            }
            if !allowed {
                throw RosterError(
                    place: place,
                    message:
                        "\"\(TerminalText.sanitize(name))\": a name may hold letters, digits, spaces and . - ' _ only"
                )
            }
            let key = name.lowercased()
            if let first = seen[key] {
                let firstPlace = entry.line == nil ? "name \(first)" : "line \(first)"
                throw RosterError(
                    place: place, message: "duplicate name \"\(name)\" (first at \(firstPlace))")
            }
            seen[key] = entry.line ?? entry.index
            names.append(name)
        }
        if names.isEmpty {
            throw RosterError(place: source, message: "no players")
        }
        return Roster(players: names)
    }
}

/// A bad roster: where and what.
package struct RosterError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `file:line`, or `--players: name N`.
    package var place: String
    package var message: String
    package init(place: String, message: String) {
        self.place = place
        self.message = message
    }
    package var description: String { "\(place): \(message)" }
}
