import Foundation

/// Where srmquiz keeps its data (`$XDG_DATA_HOME/srmquiz`, else `$HOME/.local/share/srmquiz`), read
/// from the environment given, never from the process's real home.
///
/// The one resolver of that folder: progress, exam and class results all use it.
package enum DataDirectory {
    /// The data folder, or `nil` when neither `XDG_DATA_HOME` nor `HOME` is an absolute path.
    ///
    /// A relative value is ignored for both (as the XDG specification says for `XDG_DATA_HOME`; a
    /// relative `HOME` would put the data wherever the command happens to run).
    package static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("srmquiz").standardizedFileURL.path
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return URL(fileURLWithPath: home).appendingPathComponent(".local/share/srmquiz")
                .standardizedFileURL.path
        }
        return nil
    }

    /// A default results file: `<data>/results/<prefix>-<timestamp>.json`, the timestamp in UTC
    /// to the millisecond as `20250131T142501.123Z` so names sort by time; a counter (`-2`, `-3`…)
    /// follows when that name, or its exam journal, is already taken.
    package static func resultsFile(prefix: String, at date: Date, environment: [String: String]) -> String? {
        guard let base = path(environment: environment) else { return nil }
        let stem = (base as NSString).appendingPathComponent("results/\(prefix)-\(Timestamp.fileStamp(date, milliseconds: true))")
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

    /// The cache of generated items (`$XDG_CACHE_HOME/srmquiz/items.cache`, else
    /// `$HOME/.cache/srmquiz/items.cache`; absolute paths only, as for the data folder), or nil
    /// when `SRMQUIZ_NO_CACHE` is set to anything but an empty string.
    package static func itemCacheFile(environment: [String: String]) -> String? {
        if let off = environment["SRMQUIZ_NO_CACHE"], !off.isEmpty { return nil }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("srmquiz/items.cache").standardizedFileURL.path
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return URL(fileURLWithPath: home).appendingPathComponent(".cache/srmquiz/items.cache")
                .standardizedFileURL.path
        }
        return nil
    }
}
