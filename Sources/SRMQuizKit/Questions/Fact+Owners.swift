extension Fact {
    /// Whether the documentation supports `owner`: `defensibleOwners.contains(owner)`, without
    /// making the set (the generator asks this for every fact in many items).
    func supports(_ owner: Owner) -> Bool { owner == self.owner || nuance?.owner == owner }

    /// Whether the exam answer is the only owner the documentation supports:
    /// `defensibleOwners == [owner]`, without making the sets.
    var hasOneOwner: Bool { nuance?.owner.map { $0 == owner } ?? true }

    /// The owner the documentation supports besides the exam answer, if any:
    /// `defensibleOwners.subtracting([owner])`, as a list.
    var otherSupportedOwners: [Owner] { nuance?.owner.flatMap { $0 == owner ? nil : [$0] } ?? [] }
}
