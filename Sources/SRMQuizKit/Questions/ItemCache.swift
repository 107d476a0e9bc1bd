import CCRC32C
import Foundation

/// What a session needs of a bank: the generated items and the names shown in place of ids.
package struct GeneratedBank: Sendable, Equatable {
    package var names: DisplayNames
    package var items: [Item]

    package init(names: DisplayNames, items: [Item]) {
        self.names = names
        self.items = items
    }

    /// Loads the banks at `paths` (every problem thrown, as ``BankLoader/load(paths:)`` does) and
    /// generates their items with `seed`.
    package static func make(paths: [String], seed: UInt64) throws(BankError) -> GeneratedBank {
        let bank = try BankLoader.load(paths: paths)
        return GeneratedBank(
            names: DisplayNames(bank: bank), items: QuestionGenerator(bank: bank).generate(seed: seed))
    }
}

/// A cache of generated items, so that a session does not parse the bank's YAML and run the
/// generator each time it starts (together most of the time to the first question).
///
/// One file holds the items and display names generated from one set of bank files with one
/// seed by one build of the program. Its key is a 64-bit FNV-1a hash of the program's identity
/// (given by the caller: the executable's size, modification time and inode), the seed, and
/// every bank file's path, length and bytes, so any change to a bank file, the file list, the
/// seed or the program makes the cache miss. The file is `SRMQIC01`, the key, the payload's
/// length and its CRC-32C, then the payload; anything that does not match (another key, a
/// short or changed file, an undecodable payload) is a miss: the items are generated again and
/// the file replaced. A bank with problems is never cached (loading throws before the write).
///
/// The cache is written with ``DurableFile`` (atomic replace, mode 0600, folders 0700) and read
/// with ``BoundedFileReader`` (regular files only, at most 256 MB).
package enum ItemCache {
    /// Where the cache lives and which program build it belongs to.
    package struct Location: Sendable {
        /// The cache file.
        package var file: String
        /// Identifies the build of the program that generates the items.
        package var program: String

        package init(file: String, program: String) {
            self.file = file
            self.program = program
        }
    }

    /// Whether the last ``generated(paths:seed:cache:)`` call was served from the cache (for tests).
    package enum Outcome: Sendable, Equatable {
        case hit, miss, unused
    }

    static let magic = Array("SRMQIC01".utf8)
    static let readLimit = 256 << 20

    /// The items of the banks at `paths` for `seed`, cached.
    ///
    /// They come from the cache at `cache` when it holds them (nil: no cache), otherwise they are
    /// generated and written there. Bank problems are thrown.
    package static func generated(
        paths: [String], seed: UInt64, cache: Location?
    ) throws(BankError) -> (GeneratedBank, Outcome) {
        guard let cache, let key = key(paths: paths, seed: seed, program: cache.program) else {
            return (try GeneratedBank.make(paths: paths, seed: seed), .unused)
        }
        if let hit = read(cache.file, key: key) { return (hit, .hit) }
        let made = try GeneratedBank.make(paths: paths, seed: seed)
        // Written only when the files did not change while they were read.
        if self.key(paths: paths, seed: seed, program: cache.program) == key {
            try? DurableFile.replace(cache.file, with: encode(made, key: key), createFolders: true)
        }
        return (made, .miss)
    }

    /// The cache key for these bank files, or nil when a path cannot be listed or read (then
    /// the normal load reports why).
    static func key(paths: [String], seed: UInt64, program: String) -> UInt64? {
        var listing: [BankProblem] = []
        var files: [String] = []
        for path in paths { files += BankLoader.yamlFiles(at: path, problems: &listing) }
        guard listing.isEmpty else { return nil }
        var hash = FNV1a()
        hash.add(Array("srmquiz-items-1".utf8))
        hash.add(Array(program.utf8))
        hash.add(seed)
        for file in files {
            guard let data = try? BoundedFileReader.read(path: file, limit: BoundedFileReader.bankFileLimit)
            else { return nil }
            hash.add(Array(file.utf8))
            hash.add(UInt64(data.count))
            data.withUnsafeBytes { hash.add($0) }
        }
        return hash.value
    }

    // MARK: - The file

    static func encode(_ generated: GeneratedBank, key: UInt64) -> [UInt8] {
        var payload = ByteWriter()
        for table in [generated.names.services, generated.names.facts, generated.names.factLabels] {
            payload.int(table.count)
            for (name, value) in table.sorted(by: { $0.key < $1.key }) {
                payload.string(name)
                payload.string(value)
            }
        }
        payload.int(generated.items.count)
        for item in generated.items {
            payload.string(item.id)
            payload.string(item.kind.rawValue)
            payload.string(item.prompt)
            payload.strings(item.choices)
            payload.strings(item.answers)
            payload.string(item.explanation)
            payload.int(item.nuance == nil ? 0 : 1)
            if let nuance = item.nuance { payload.string(nuance) }
            payload.strings(item.tags)
            payload.strings(item.sources)
            payload.strings(item.facts)
        }
        var file = ByteWriter()
        file.bytes += magic
        file.uint64(key)
        file.uint64(UInt64(payload.bytes.count))
        file.uint32(payload.bytes.withUnsafeBytes { srm_crc32c(0, $0.baseAddress, $0.count) })
        file.bytes += payload.bytes
        return file.bytes
    }

    /// The cached items if the file at `path` is a whole, unchanged cache for `key`.
    static func read(_ path: String, key: UInt64) -> GeneratedBank? {
        guard let data = try? BoundedFileReader.read(path: path, limit: readLimit) else { return nil }
        return decode([UInt8](data), key: key)
    }

    static func decode(_ bytes: [UInt8], key: UInt64) -> GeneratedBank? {
        var header = ByteReader(bytes[...])
        guard header.take(magic.count).map(Array.init) == magic, header.uint64() == key,
            let length = header.uint64(), let check = header.uint32(),
            UInt64(header.remaining) == length
        else { return nil }
        let payloadBytes = bytes[(bytes.count - Int(length))...]
        let actual = payloadBytes.withUnsafeBytes { srm_crc32c(0, $0.baseAddress, $0.count) }
        guard actual == check else { return nil }
        var payload = ByteReader(payloadBytes)
        var tables: [[String: String]] = []
        for _ in 0..<3 {
            guard let count = payload.count() else { return nil }
            var table: [String: String] = [:]
            table.reserveCapacity(count)
            for _ in 0..<count {
                guard let name = payload.string(), let value = payload.string() else { return nil }
                table[name] = value
            }
            tables.append(table)
        }
        guard let count = payload.count() else { return nil }
        var items: [Item] = []
        items.reserveCapacity(count)
        for _ in 0..<count {
            guard let id = payload.string(), let kind = payload.string().flatMap(ItemKind.init(rawValue:)),
                let prompt = payload.string(), let choices = payload.strings(),
                let answers = payload.strings(),
                let explanation = payload.string(), let hasNuance = payload.count(), hasNuance <= 1
            else { return nil }
            var nuance: String?
            if hasNuance == 1 {
                guard let text = payload.string() else { return nil }
                nuance = text
            }
            guard let tags = payload.strings(), let sources = payload.strings(), let facts = payload.strings()
            else { return nil }
            items.append(
                Item(
                    id: id, kind: kind, prompt: prompt, choices: choices, answers: answers,
                    explanation: explanation, nuance: nuance, tags: tags, sources: sources, facts: facts))
        }
        guard payload.remaining == 0 else { return nil }
        return GeneratedBank(
            names: DisplayNames(services: tables[0], facts: tables[1], factLabels: tables[2]), items: items)
    }
}

/// Little-endian lengths and UTF-8 strings.
private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func uint32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func uint64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func int(_ value: Int) { uint32(UInt32(clamping: value)) }
    mutating func string(_ value: String) {
        let utf8 = value.utf8
        int(utf8.count)
        bytes += utf8
    }
    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }
}

/// Reads what ``ByteWriter`` wrote; every read is bounds-checked and nil past the end.
private struct ByteReader {
    private var rest: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { rest = bytes }

    var remaining: Int { rest.count }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= rest.count else { return nil }
        defer { rest = rest.dropFirst(count) }
        return rest.prefix(count)
    }

    mutating func uint32() -> UInt32? {
        take(4).map { $0.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    }

    mutating func uint64() -> UInt64? {
        take(8).map { $0.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    }

    /// A count or length; never more than the bytes left, so a damaged file cannot make a reader
    /// reserve more than the file's size.
    mutating func count() -> Int? {
        guard let value = uint32(), Int(value) <= rest.count else { return nil }
        return Int(value)
    }

    mutating func string() -> String? {
        guard let length = count(), let bytes = take(length) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func strings() -> [String]? {
        guard let count = count() else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }
}
