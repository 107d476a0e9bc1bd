/// Anki's text import ("Notes in Plain Text"): file headers, then one Basic note per line with
/// the columns guid, Front, Back, tags, separated by tabs.
///
/// Fields are HTML (`#html:true`): text is escaped (`& < > " '`; links use single-quoted attributes), newlines become `<br>` and tabs
/// `&#9;`, so no field ever holds a tab, a newline or a double quote and none needs CSV quoting.
/// The guid is the item's stable id, so importing a newer export updates the same notes.
package struct AnkiExporter: ItemExporter {
    /// The deck used when none is given.
    package static let defaultDeck = "AWS Shared Responsibility"
    /// The prefix of every tag (`srm::service::ec2`).
    package static let tagPrefix = "srm"

    package var deck: String

    package init(deck: String = AnkiExporter.defaultDeck) {
        self.deck = deck
    }

    package func export(_ items: [Item]) -> ExportOutput {
        // A header value runs to the end of its line: keep the deck name on one line.
        let deckName = deck.split(whereSeparator: \.isNewline).joined(separator: " ")
        var text = """
            #separator:tab
            #html:true
            #notetype:Basic
            #deck:\(deckName)
            #guid column:1
            #tags column:4

            """
        for item in items {
            let columns = [
                Self.plainField(item.id), front(item), back(item),
                Self.plainField(item.tags.map(Self.tag).joined(separator: " ")),
            ]
            text += columns.joined(separator: "\t") + "\n"
        }
        return ExportOutput(text: text)
    }

    /// The question and its lettered choices.
    func front(_ item: Item) -> String {
        var html = Self.html(item.prompt)
        if !item.choices.isEmpty {
            let lines = item.choices.enumerated().map {
                "\(Self.letter($0.offset)). " + Self.html($0.element)
            }
            html += "<br><br>" + lines.joined(separator: "<br>")
        }
        return html
    }

    /// The answers (with their letters), the explanation, the nuance and the sources as links.
    func back(_ item: Item) -> String {
        var parts: [String] = []
        if item.choices.isEmpty {
            parts.append(item.answers.map(Self.html).joined(separator: "<br>"))
        } else {
            let answers = item.answers.map { answer in
                (item.choices.firstIndex(of: answer).map { Self.letter($0) + ". " } ?? "") + Self.html(answer)
            }
            let label = answers.count > 1 ? "Answers" : "Answer"
            parts.append("<b>\(label):</b> " + answers.joined(separator: "<br>"))
        }
        if !item.explanation.isEmpty { parts.append(Self.html(item.explanation)) }
        if let nuance = item.nuance, !nuance.isEmpty { parts.append("<i>Nuance:</i> " + Self.html(nuance)) }
        if !item.sources.isEmpty {
            let links = item.sources.map { "<a href='\(Self.html($0))'>\(Self.html($0))</a>" }
            parts.append("<small>Sources: " + links.joined(separator: " · ") + "</small>")
        }
        return parts.joined(separator: "<br><br>")
    }

    /// `A` for 0, `B` for 1, …; past `Z`, the number.
    static func letter(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : String(index + 1)
    }

    /// Text as one line of HTML with no tab, newline or double quote.
    static func html(_ text: String) -> String { HTMLEscape.escape(text, layout: .singleLine) }

    /// A non-HTML column (guid, tags): quoted the way Anki's CSV reader expects when it holds a tab,
    /// a newline or a quote, or starts with `#` (which would make the line a comment).
    static func plainField(_ text: String) -> String {
        CSVCodec.quote(
            text, separator: "\t", always: text.hasPrefix("#") || text.contains(where: \.isNewline))
    }

    /// An item tag as an Anki tag: hierarchical with `::`, no spaces or quotes, under `srm::`.
    ///
    /// `service:ec2` → `srm::service::ec2`.
    static func tag(_ tag: String) -> String {
        let cleaned = String(tag.map { $0.isWhitespace || $0 == "\"" ? "_" : $0 })
        let parts = cleaned.split(separator: ":", omittingEmptySubsequences: true)
        return ([tagPrefix] + parts.map(String.init)).joined(separator: "::")
    }
}
