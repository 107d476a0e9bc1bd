/// The rules every generated item obeys, written once: which facts may be an item's key, a
/// distractor or a premise, so that no item's key can be refuted with AWS documentation.
///
/// - A fact with a documented nuance is never the statement of a true/false item, never a
///   distractor and never a premise: the documentation may support the "wrong" side.
/// - A fact whose wording names an owner ("the customer's own …", "AWS employees") answers
///   itself, so it is never the key or a distractor of an item that asks who owns it.
enum ItemRules {
    /// What a fact is to an item.
    enum Role {
        /// The statement being asked about (the answer, or the true/false statement).
        case key
        /// A wrong option, claimed to belong to the other owner.
        case distractor
        /// A comparison the item takes for granted ("Just as when using A, …").
        case premise
    }

    /// Whether `fact` may play `role` in an item of `kind`.
    static func permits(_ fact: Fact, as role: Role, in kind: ItemKind) -> Bool {
        permits(fact, as: role, in: kind, namesOwner: namesOwner(fact))
    }

    /// ``permits(_:as:in:)`` with ``namesOwner(_:)`` already known (the generator checks it once
    /// per fact).
    static func permits(_ fact: Fact, as role: Role, in kind: ItemKind, namesOwner: Bool) -> Bool {
        switch role {
        case .distractor, .premise:
            return !isNuanced(fact) && !namesOwner
        case .key:
            switch kind {
            case .trueFalse: return !isNuanced(fact) && !namesOwner
            case .owner, .ofOrIn, .multipleChoice, .multipleResponse: return !namesOwner
            case .contrast: return !namesOwner && fact.hasOneOwner
            default: return true
            }
        }
    }

    /// Whether the documentation is more precise than the exam answer.
    static func isNuanced(_ fact: Fact) -> Bool { fact.nuance != nil }

    /// Whether the fact's wording gives its owner away: "the customer's own …", "AWS employees",
    /// "AWS's own controls" (but not the key types "AWS managed key", "customer managed key").
    ///
    /// Whether `text` contains `word` (bytes compared, no Foundation search: this runs for every
    /// fact many times while a bank's items are generated).
    private static func mentions(_ text: String, _ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count, let first = needle.first else { return false }
            var i = 0
            while i <= bytes.count - needle.count {
                if bytes[i] == first, (0..<needle.count).allSatisfy({ bytes[i + $0] == needle[$0] }) {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    static func namesOwner(_ fact: Fact) -> Bool { namesOwner(text: fact.text) }

    /// ``namesOwner(_:)`` of a fact's text.
    static func namesOwner(text: String) -> Bool {
        // Most facts name neither party: skip the word split for them.
        guard mentions(text, "customer") || mentions(text, "AWS") else { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" })
            .map(String.init)
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            let keyType = ["managed", "owned"].contains(next)
            if word == "customer" || word == "customer's" || word == "AWS" || word == "AWS's", !keyType {
                return true
            }
            if word.hasPrefix("AWS-") { return true }
        }
        return false
    }
}
