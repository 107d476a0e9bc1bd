import CYaml

/// Refuses YAML whose aliases would expand it far beyond its written size (an "alias bomb": a few
/// kilobytes of anchors and aliases that stand for millions of nodes), before it is composed.
///
/// A pass over libyaml's events (the C library Yams wraps) counts the nodes as written and as
/// expanded: a scalar or collection is one node; an alias stands for every node of its anchor's
/// subtree (nested aliases included). The document is refused at the first alias that takes the
/// expanded count past ``maximumNodes``, or past ``maximumRatio`` times the written count once it
/// exceeds ``ratioFloor`` (small documents may reuse an anchor freely). Syntax errors are left to
/// Yams, which reports them with their place.
enum YAMLExpansionLimit {
    /// The most nodes a document may expand to.
    static let maximumNodes = 1_000_000
    /// The most a document may grow by expanding aliases (expanded ÷ written nodes).
    static let maximumRatio = 10
    /// Growth counts only once a document expands to more than this many nodes.
    static let ratioFloor = 10_000

    /// The problem with `text` (read from `file`), or nil when its aliases stay within the limits.
    static func check(_ text: String, file: String) -> BankProblem? {
        // Every alias names an anchor (`&name`): without an `&` there is nothing to expand.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var text = text
        return text.withUTF8 { bytes in check(bytes, file: file) }
    }

    private static func check(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> BankProblem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var written = 0
        var expanded = 0
        /// Expanded node counts of the open collections, innermost last, with their anchors.
        var open: [(nodes: Int, anchor: String?)] = []
        /// Expanded node counts of the anchored nodes seen so far.
        var anchors: [String: Int] = [:]
        func finish(_ nodes: Int, anchor: String?) {
            if let anchor { anchors[anchor] = nodes }
            if !open.isEmpty { open[open.count - 1].nodes += nodes }
        }
        func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }  // Yams reports it
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                written += 1
                expanded += 1
                finish(1, anchor: name(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                written += 1
                expanded += 1
                open.append((1, name(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                written += 1
                expanded += 1
                open.append((1, name(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let last = open.popLast() { finish(last.nodes, anchor: last.anchor) }
            case YAML_ALIAS_EVENT:
                written += 1
                let nodes = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                expanded += nodes
                finish(nodes, anchor: nil)
                if expanded > maximumNodes || (expanded > ratioFloor && expanded > maximumRatio * written) {
                    let alias = name(event.data.alias.anchor) ?? ""
                    return BankProblem(
                        file: file, line: Int(event.start_mark.line) + 1,
                        column: Int(event.start_mark.column) + 1,
                        message:
                            "the alias *\(alias) takes the document past the alias expansion limit: "
                            + "\(expanded) nodes expanded from \(written) written (at most \(maximumNodes), "
                            + "and at most \(maximumRatio)× the written nodes above \(ratioFloor)); "
                            + "write the entries out or use fewer aliases")
                }
            default:
                break
            }
        }
    }
}
