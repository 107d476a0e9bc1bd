/// Item analysis of a quiz taken by a group, computed as Moodle's quiz statistics report does
/// ("Quiz statistics calculations", Moodle developer docs).
///
/// Each student `s` has a score `x(s,i)` on item `i` (here 0 or 1, the fraction of the item's
/// marks) and a test score `T(s)`, the sum of their item scores. For item `i`:
/// - **Facility index** F = 100 × mean(x(s,i)) / (max item score − min item score), the mean
///   score fraction as a percentage (min 0, max 1 here).
/// - **Discrimination index** D = 100 × r(x(·,i), X(·,i)), where X(s,i) = T(s) − x(s,i) is the
///   score on the *rest of the test*, and r is Pearson's correlation
///   r = C(x,X) / √(V(x)·V(X)) with the sample covariance and variances (the n − 1 divisors cancel).
///   It is `nil` when either variance is zero (everyone scored the same) or fewer than two
///   students took the item.
///
/// A student who was not asked an item (a class played in turns) is left out of that item's
/// statistics, and their rest-of-test score counts only the items they were asked; an item asked
/// but not answered scores 0, as Moodle treats omitted items.
package enum ItemStatistics {
    /// The statistics of one item.
    package struct Result: Sendable, Hashable, Codable {
        /// Students who took the item.
        package var attempts: Int
        /// Facility index, 0–100, or `nil` with no attempts.
        package var facility: Double?
        /// Discrimination index, −100–100, or `nil` when undefined.
        package var discrimination: Double?

        package init(attempts: Int, facility: Double?, discrimination: Double?) {
            self.attempts = attempts
            self.facility = facility
            self.discrimination = discrimination
        }
    }

    /// The statistics of every item; `scores[s][i]` is student `s`'s score fraction (0…1) on item
    /// `i`, or `nil` when the student was not asked it.
    package static func compute(scores: [[Double?]]) -> [Result] {
        let itemCount = scores.map(\.count).max() ?? 0
        let totals = scores.map { row in row.reduce(0) { $0 + ($1 ?? 0) } }
        return (0..<itemCount).map { i in
            var x: [Double] = []
            var rest: [Double] = []
            for (s, row) in scores.enumerated() {
                guard i < row.count, let score = row[i] else { continue }
                x.append(score)
                rest.append(totals[s] - score)
            }
            guard !x.isEmpty else { return Result(attempts: 0, facility: nil, discrimination: nil) }
            let facility = 100 * mean(x)
            return Result(
                attempts: x.count, facility: facility, discrimination: correlation(x, rest).map { 100 * $0 })
        }
    }

    /// Pearson's correlation of two equally long samples, or `nil` when it is undefined.
    package static func correlation(_ a: [Double], _ b: [Double]) -> Double? {
        guard a.count == b.count, a.count >= 2 else { return nil }
        let ma = mean(a)
        let mb = mean(b)
        var cov = 0.0
        var va = 0.0
        var vb = 0.0
        for k in a.indices {
            cov += (a[k] - ma) * (b[k] - mb)
            va += (a[k] - ma) * (a[k] - ma)
            vb += (b[k] - mb) * (b[k] - mb)
        }
        // Treat rounding noise as zero variance.
        guard va > 1e-12, vb > 1e-12 else { return nil }
        return cov / (va * vb).squareRoot()
    }

    private static func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
}
