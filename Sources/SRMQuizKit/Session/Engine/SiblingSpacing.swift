/// Keeps siblings — items that share a fact (the same fact, scenario facts or fact pair) — apart
/// in a sequence of questions, so that one item's explanation never gives the next one away.
package enum SiblingSpacing {
    /// Whether `a` and `b` share a fact.
    package static func areSiblings(_ a: Item, _ b: Item) -> Bool {
        a.id != b.id && !Set(a.facts).isDisjoint(with: b.facts)
    }

    /// `items` reordered as little as possible so that no item follows a sibling: each place
    /// takes the first remaining item that is not a sibling of the one before (the next item
    /// in order when every remaining one is).
    package static func spread(_ items: [Item]) -> [Item] {
        var remaining = items.map { (item: $0, facts: Set($0.facts)) }
        var out: [Item] = []
        out.reserveCapacity(items.count)
        var last: (id: String, facts: Set<String>)?
        while !remaining.isEmpty {
            var index = 0
            if let last {
                index =
                    remaining.firstIndex { $0.item.id == last.id || $0.facts.isDisjoint(with: last.facts) }
                    ?? 0
            }
            let next = remaining.remove(at: index)
            out.append(next.item)
            last = (next.item.id, next.facts)
        }
        return out
    }
}

extension Item {
    /// The facts the item asks about, as opposed to those it uses as wrong options: the keys of
    /// a multiple-choice, multiple-response or "which service" item; every fact of the others.
    package var testedFacts: [String] {
        switch kind {
        case .multipleChoice, .multipleResponse: Array(facts.prefix(answers.count))
        case .contrast where id.hasPrefix("contrast/"): Array(facts.prefix(1))
        default: facts
        }
    }
}
