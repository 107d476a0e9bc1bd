/// Reading the `tool-families` and `service-help` sections (see `docs/bank-format.md`).
extension BankReader {
    mutating func readToolFamily(_ field: YAMLField) {
        guard var o = YAMLObject(field, allowed: ["id", "name", "services"], problems: &problems) else {
            return
        }
        let id = checkID(o.string("id"), o)
        let name = o.string("name")
        let services = o.strings("services", required: true)
        problems += o.problems
        guard let id, let name else { return }
        note(.toolFamilies, id, field)
        bank.toolFamilies.append(ToolFamily(id: id, name: name, services: services))
    }

    mutating func readServiceHelp(_ field: YAMLField) {
        guard
            var o = YAMLObject(
                field, allowed: ["id", "family", "need", "answers", "also", "reason", "facts", "sources"],
                problems: &problems)
        else { return }
        let id = checkID(o.string("id"), o)
        let family = o.string("family")
        let need = o.string("need")
        let answers = o.strings("answers", required: true)
        let also = o.strings("also", required: false)
        let reason = o.string("reason")
        let facts = o.strings("facts", required: false)
        let sources = o.strings("sources", required: true)
        problems += o.problems
        guard let id, let family, let need, let reason else { return }
        note(.serviceHelp, id, field)
        bank.serviceHelp.append(
            ServiceHelp(
                id: id, family: family, need: need, answers: answers, alsoHelps: also, reason: reason,
                facts: facts, sources: sources))
    }
}
