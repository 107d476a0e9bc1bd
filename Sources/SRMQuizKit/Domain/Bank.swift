/// Everything loaded from one or more bank files, merged: the domain model and the hand-written
/// questions.
///
/// Built by ``BankLoader``; checked by ``BankValidator``.
public struct Bank: Sendable, Hashable {
    package var sources: [String: Source]
    package var services: [Service]
    package var tasks: [ResponsibilityTask]
    package var controls: [Control]
    package var facts: [Fact]
    package var questions: [AuthoredQuestion]
    /// Families of similar services, for the wrong answers of "which service helps?" items.
    package var toolFamilies: [ToolFamily] = []
    /// Customer needs and the services that help with them.
    package var serviceHelp: [ServiceHelp] = []
    /// The files the bank was read from, for reports and printed sheets.
    package var files: [String]

    package init(
        sources: [String: Source] = [:], services: [Service] = [], tasks: [ResponsibilityTask] = [],
        controls: [Control] = [], facts: [Fact] = [], questions: [AuthoredQuestion] = [],
        files: [String] = []
    ) {
        self.sources = sources
        self.services = services
        self.tasks = tasks
        self.controls = controls
        self.facts = facts
        self.questions = questions
        self.files = files
    }

    /// The service with `id`.
    package func service(_ id: String) -> Service? { services.first { $0.id == id } }
    /// The task with `id`.
    package func task(_ id: String) -> ResponsibilityTask? { tasks.first { $0.id == id } }
    /// The control with `id`.
    package func control(_ id: String) -> Control? { controls.first { $0.id == id } }

    /// A short label for the bank `files`, for printed headers: files in one folder become
    /// `folder/ (12 files)`; files from several folders are grouped by folder.
    package static func label(files: [String]) -> String {
        guard !files.isEmpty else { return "-" }
        var order: [String] = []
        var byFolder: [String: [String]] = [:]
        for file in files {
            let slash = file.lastIndex(of: "/")
            var folder = slash.map { String(file[..<$0]) } ?? "."
            // Group a bank's sub-folders (model/, scenarios/) under the bank's own folder.
            if let bankRoot = folder.range(of: "/\(BankLocator.folderName)/") {
                folder = String(folder[..<bankRoot.upperBound].dropLast())
            }
            if byFolder[folder] == nil { order.append(folder) }
            byFolder[folder, default: []].append(file)
        }
        return order.map { folder in
            let group = byFolder[folder] ?? []
            return group.count == 1 || folder == "."
                ? group.joined(separator: ", ") : "\(folder)/ (\(group.count) files)"
        }.joined(separator: ", ")
    }

    /// Source references (keys or URLs) resolved to URLs; unknown keys are dropped.
    package func urls(for references: [String]) -> [String] {
        references.compactMap { ref in
            if ref.hasPrefix("http://") || ref.hasPrefix("https://") { return ref }
            return sources[ref]?.url
        }
    }
}
