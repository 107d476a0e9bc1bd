/// Which items a quiz or a cram session draws from.
///
/// Values within one field are alternatives (any may match); the fields together must all match. An
/// empty field matches everything.
package struct ItemFilter: Sendable, Hashable, Codable {
    /// Service ids (`service:` tags).
    package var services: [String]
    /// Owners (`owner:` tags): `aws`, `customer`, `shared`.
    package var owners: [String]
    /// Item kinds (`kind:` tags or ``Item/kind``), such as `owner` or `true-false`.
    package var kinds: [String]
    /// Topics (`topic:` tags).
    package var topics: [String]
    /// Whole tags (`category:abstracted`) or bare values (`abstracted`) matching any tag's value.
    package var tags: [String]

    package init(
        services: [String] = [], owners: [String] = [], kinds: [String] = [], topics: [String] = [],
        tags: [String] = []
    ) {
        self.services = services
        self.owners = owners
        self.kinds = kinds
        self.topics = topics
        self.tags = tags
    }

    /// Whether no field restricts anything.
    package var isEmpty: Bool {
        services.isEmpty && owners.isEmpty && kinds.isEmpty && topics.isEmpty && tags.isEmpty
    }

    /// Whether `item` passes every field of the filter (case-insensitive).
    package func matches(_ item: Item) -> Bool {
        func passes(_ wanted: [String], _ values: [String]) -> Bool {
            if wanted.isEmpty { return true }
            let have = Set(values.map { $0.lowercased() })
            return wanted.contains { have.contains($0.lowercased()) }
        }
        let tagValues = item.tags.flatMap { tag -> [String] in
            guard let colon = tag.firstIndex(of: ":") else { return [tag] }
            return [tag, String(tag[tag.index(after: colon)...])]
        }
        return passes(services, item.values(of: "service"))
            && passes(owners, item.values(of: "owner"))
            && passes(kinds, item.values(of: "kind") + [item.kind.rawValue])
            && passes(topics, item.values(of: "topic"))
            && passes(tags, tagValues)
    }
}
