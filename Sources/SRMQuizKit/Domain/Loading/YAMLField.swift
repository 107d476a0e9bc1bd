import Yams

/// A YAML node together with where it came from, for reading bank files with precise errors.
struct YAMLField {
    let node: Node
    let file: String
    /// The path of the field holding this one, and this one's key or index in it: the path is
    /// spelled out only when asked for (a problem, a place), not for every field read.
    private let parentPath: String
    private let step: Step

    private enum Step {
        case given
        case key(String)
        case index(Int)
    }

    init(node: Node, path: String, file: String) {
        self.init(node: node, parentPath: path, step: .given, file: file)
    }

    private init(node: Node, parentPath: String, step: Step, file: String) {
        self.node = node
        self.parentPath = parentPath
        self.step = step
        self.file = file
    }

    /// The field path, such as `facts[3].owner`.
    var path: String {
        switch step {
        case .given: parentPath
        case .key(let key): parentPath.isEmpty ? key : "\(parentPath).\(key)"
        case .index(let index): "\(parentPath)[\(index)]"
        }
    }

    var line: Int? { node.mark?.line }
    var column: Int? { node.mark?.column }

    /// Where the node is, without the node (which holds its whole subtree).
    var place: YAMLPlace { YAMLPlace(file: file, line: line, column: column, path: path) }

    func problem(_ message: String) -> BankProblem { place.problem(message) }

    /// The entries of a mapping, in file order.
    var mappingEntries: [(key: String, value: YAMLField, keyNode: Node)]? {
        guard case .mapping(let mapping) = node else { return nil }
        let path = self.path
        return mapping.map { pair in
            let key = pair.key.string ?? ""
            return (key, YAMLField(node: pair.value, parentPath: path, step: .key(key), file: file), pair.key)
        }
    }

    /// The elements of a sequence.
    var sequenceElements: [YAMLField]? {
        guard case .sequence(let sequence) = node else { return nil }
        let path = self.path
        return sequence.enumerated().map { index, element in
            YAMLField(node: element, parentPath: path, step: .index(index), file: file)
        }
    }

    /// A scalar's text (not for null).
    var scalarString: String? {
        guard case .scalar(let scalar) = node else { return nil }
        if scalar.style == .plain {
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": return nil
            default: break
            }
        }
        return scalar.string
    }

    var kindName: String {
        switch node {
        case .scalar: scalarString == nil ? "null" : "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

/// Where a YAML node was read: enough to report a problem with it after the file's nodes are gone
/// (``BankReader`` keeps one per entry for the cross-file checks of ``BankValidator``).
struct YAMLPlace {
    let file: String
    let line: Int?
    let column: Int?
    /// The field path, such as `facts[3]`.
    let path: String

    func problem(_ message: String) -> BankProblem {
        BankProblem(
            file: file, line: line, column: column, field: path.isEmpty ? nil : path, message: message)
    }
}

/// Reads the fields of one YAML mapping, recording every problem instead of stopping at the first.
struct YAMLObject {
    let field: YAMLField
    private let entries: [String: YAMLField]
    var problems: [BankProblem] = []

    /// Reads `field` as a mapping whose keys must be among `allowed`.
    init?(_ field: YAMLField, allowed: Set<String>, problems: inout [BankProblem]) {
        guard let list = field.mappingEntries else {
            problems.append(
                field.problem(
                    "expected a mapping with keys \(allowed.sorted().joined(separator: ", ")), found \(field.kindName)"
                ))
            return nil
        }
        self.field = field
        var entries: [String: YAMLField] = [:]
        for (key, value, keyNode) in list {
            if !allowed.contains(key) {
                let keyField = YAMLField(node: keyNode, path: value.path, file: field.file)
                problems.append(
                    keyField.problem(
                        "unknown key '\(key)'; expected one of \(allowed.sorted().joined(separator: ", "))"))
            } else if entries[key] != nil {
                problems.append(value.problem("key '\(key)' appears twice"))
            } else {
                entries[key] = value
            }
        }
        self.entries = entries
    }

    func has(_ key: String) -> Bool { entries[key] != nil }

    /// A required, non-empty string.
    mutating func string(_ key: String) -> String? {
        guard let value = entries[key] else {
            problems.append(field.problem("missing required field '\(key)'"))
            return nil
        }
        guard let text = value.scalarString, !text.trimmedWhitespace.isEmpty else {
            problems.append(value.problem("expected a non-empty text, found \(value.kindName)"))
            return nil
        }
        return text.trimmedWhitespace
    }

    /// An optional string (absent or null: nil).
    mutating func optionalString(_ key: String) -> String? {
        guard let value = entries[key], value.kindName != "null" else { return nil }
        guard let text = value.scalarString else {
            problems.append(value.problem("expected a text, found \(value.kindName)"))
            return nil
        }
        let trimmed = text.trimmedWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// An optional boolean.
    mutating func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let value = entries[key] else { return defaultValue }
        guard let bool = value.node.bool else {
            problems.append(
                value.problem("expected true or false, found '\(value.scalarString ?? value.kindName)'"))
            return defaultValue
        }
        return bool
    }

    /// A list of strings; a single string counts as a one-element list.
    mutating func strings(_ key: String, required: Bool) -> [String] {
        guard let value = entries[key], value.kindName != "null" else {
            if required { problems.append(field.problem("missing required field '\(key)' (a list)")) }
            return []
        }
        if let single = value.scalarString { return [single.trimmedWhitespace] }
        guard let elements = value.sequenceElements else {
            problems.append(value.problem("expected a list of texts, found \(value.kindName)"))
            return []
        }
        var result: [String] = []
        for element in elements {
            if let text = element.scalarString, !text.trimmedWhitespace.isEmpty {
                result.append(text.trimmedWhitespace)
            } else {
                problems.append(element.problem("expected a non-empty text, found \(element.kindName)"))
            }
        }
        if required && result.isEmpty && elements.isEmpty {
            problems.append(value.problem("expected at least one entry"))
        }
        return result
    }

    /// An enumeration value, such as an owner.
    mutating func value<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(key) else { return nil }
        return parse(text, in: entries[key]!, as: type)
    }

    mutating func parse<T: RawRepresentable & CaseIterable>(
        _ text: String, in value: YAMLField, as type: T.Type
    ) -> T? where T.RawValue == String {
        if let parsed = T(rawValue: text.lowercased()) { return parsed }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        problems.append(value.problem("expected one of \(allowed), found '\(text)'"))
        return nil
    }

    /// The raw child field, for nested reading.
    func child(_ key: String) -> YAMLField? { entries[key] }
}
