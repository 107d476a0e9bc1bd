/// The FSRS-6 model weights: the 21 defaults and the bounds each weight must lie within, as in
/// the reference implementation (py-fsrs 6.3).
package enum FSRSParameters {
    /// How many weights FSRS-6 has.
    package static let count = 21

    /// The default weights of FSRS-6.
    package static let defaults: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// The smallest stability, in days.
    package static let minimumStability = 0.001

    /// The lowest value each weight may take.
    package static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001,
        0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]

    /// The highest value each weight may take.
    package static let upperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0,
        1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    /// Checks that `weights` has 21 values, each finite and within its bounds.
    /// - Throws: ``SchedulerSettingsError/wrongParameterCount(_:)`` or
    ///   ``SchedulerSettingsError/parameterOutOfRange(index:value:lower:upper:)`` for the first
    ///   weight out of bounds.
    package static func validate(_ weights: [Double]) throws(SchedulerSettingsError) {
        guard weights.count == count else {
            throw .wrongParameterCount(weights.count)
        }
        for (index, value) in weights.enumerated() {
            let lower = lowerBounds[index]
            let upper = upperBounds[index]
            // `!(a <= b)` also rejects NaN.
            if !(lower <= value && value <= upper) {
                throw .parameterOutOfRange(index: index, value: value, lower: lower, upper: upper)
            }
        }
    }
}
