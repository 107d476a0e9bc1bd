import Foundation

/// Where srmquiz keeps its data (`$XDG_DATA_HOME/srmquiz`, else `$HOME/.local/share/srmquiz`), read
/// from the environment given, never from the process's real home.
///
/// The one resolver of srmquiz's folders: data (progress, exam and class results), state (the
/// readline history) and cache (generated items), all by the same rules.
package enum DataDirectory {
    /// The data folder, or `nil` when neither `XDG_DATA_HOME` nor `HOME` is an absolute path.
    ///
    /// A relative value is ignored for both (as the XDG specification says for `XDG_DATA_HOME`; a
    /// relative `HOME` would put the data wherever the command happens to run).
    package static func path(environment: [String: String]) -> String? {
        folder("XDG_DATA_HOME", else: ".local/share", environment: environment)
    }

    /// Where srmquiz keeps state that is not data (the readline history):
    /// `$XDG_STATE_HOME/srmquiz`, else `$HOME/.local/state/srmquiz`, by the same rules as ``path(environment:)``.
    package static func statePath(environment: [String: String]) -> String? {
        folder("XDG_STATE_HOME", else: ".local/state", environment: environment)
    }

    /// `$variable/srmquiz`, else `$HOME/<fallback>/srmquiz`; only absolute values count.
    private static func folder(_ variable: String, else fallback: String, environment: [String: String])
        -> String?
    {
        if let base = environment[variable], base.hasPrefix("/") {
            return URL(fileURLWithPath: base).appendingPathComponent("srmquiz").standardizedFileURL.path
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return URL(fileURLWithPath: home).appendingPathComponent(fallback + "/srmquiz")
                .standardizedFileURL.path
        }
        return nil
    }

    /// A default results file: `<data>/results/<prefix>-<timestamp>.json`, the timestamp in UTC
    /// to the millisecond as `20250131T142501.123Z` so names sort by time; a counter (`-2`, `-3`…)
    /// follows when that name, or its exam journal, is already taken.
    package static func resultsFile(prefix: String, at date: Date, environment: [String: String]) -> String? {
        guard let base = path(environment: environment) else { return nil }
        let stem = (base as NSString).appendingPathComponent(
            "results/\(prefix)-\(Timestamp.fileStamp(date, milliseconds: true))")
        var candidate = stem + ".json"
        var counter = 1
        while FileManager.default.fileExists(atPath: candidate)
            || FileManager.default.fileExists(atPath: candidate + ".journal")
        {
            counter += 1
            candidate = stem + "-\(counter).json"
        }
        return candidate
    }

    /// The cache of generated items for `seed`: `$XDG_CACHE_HOME/srmquiz/items.cache` for seed 0
    /// (study, cram, `progress show`, `report`), `items-seeded.cache` for any other (the last
    /// quiz, so a random quiz never evicts the study cache); else under `$HOME/.cache/srmquiz`,
    /// absolute paths only, as for the data folder.
    ///
    /// Nil when `SRMQUIZ_NO_CACHE` is set to anything but an empty string.
    package static func itemCacheFile(seed: UInt64 = 0, environment: [String: String]) -> String? {
        if let off = environment["SRMQUIZ_NO_CACHE"], !off.isEmpty { return nil }
        let name = seed == 0 ? "items.cache" : "items-seeded.cache"
        return folder("XDG_CACHE_HOME", else: ".cache", environment: environment).map { $0 + "/" + name }
    }
}
