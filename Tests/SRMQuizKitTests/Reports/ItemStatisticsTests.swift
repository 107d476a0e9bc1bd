import SRMQuizKit
import Testing

@Suite struct ItemStatisticsTests {
    // Four students, four items (1 right, 0 wrong):
    //
    //        I1 I2 I3 I4 | total
    //   S1    1  1  1  1 |  4
    //   S2    1  1  0  1 |  3
    //   S3    1  0  0  1 |  2
    //   S4    0  0  1  1 |  2
    let scores: [[Double?]] = [[1, 1, 1, 1], [1, 1, 0, 1], [1, 0, 0, 1], [0, 0, 1, 1]]

    @Test func facilityIsTheMeanScoreAsAPercentage() {
        let stats = ItemStatistics.compute(scores: scores)
        // I1: 3/4 = 75%; I2: 2/4 = 50%; I3: 2/4 = 50%; I4: 4/4 = 100%.
        #expect(stats.map(\.facility) == [75, 50, 50, 100])
        #expect(stats.map(\.attempts) == [4, 4, 4, 4])
    }

    @Test func discriminationCorrelatesTheItemWithTheRestOfTheTest() throws {
        let stats = ItemStatistics.compute(scores: scores)
        // I2: x = [1,1,0,0], rest X = total − x = [3,2,2,2].
        //   mean x = 0.5, mean X = 2.25; dx = [.5,.5,−.5,−.5], dX = [.75,−.25,−.25,−.25]
        //   Σdx·dX = .375 − .125 + .125 + .125 = 0.5; Σdx² = 1; ΣdX² = .5625 + 3 × .0625 = 0.75
        //   r = 0.5 / √(1 × 0.75) = 0.57735 → D = 57.735
        let d2 = try #require(stats[1].discrimination)
        #expect(abs(d2 - 57.735) < 0.001)
        // I3: x = [1,0,0,1], X = [3,3,2,1]; mean X = 2.25; dX = [.75,.75,−.25,−1.25]
        //   Σdx·dX = .375 − .375 + .125 − .625 = −0.5; ΣdX² = .5625 + .5625 + .0625 + 1.5625 = 2.75
        //   r = −0.5 / √(1 × 2.75) = −0.30151 → D = −30.151
        let d3 = try #require(stats[2].discrimination)
        #expect(abs(d3 - (-30.151)) < 0.001)
        // I1: x = [1,1,1,0], X = [3,2,1,2]; dx = [.25,.25,.25,−.75], dX = [1,0,−1,0]
        //   Σdx·dX = .25 − .25 = 0 → D = 0 (both variances are non-zero, so it is defined)
        let d1 = try #require(stats[0].discrimination)
        #expect(abs(d1) < 1e-9)
        // I4: everyone right, zero variance → undefined.
        #expect(stats[3].discrimination == nil)
    }

    @Test func studentsNotAskedAreLeftOut() throws {
        // Turns: S3 was not asked I1. I1 over S1, S2, S4: x = [1,1,0] → facility 66.67%.
        var s = scores
        s[2][0] = nil
        let stats = ItemStatistics.compute(scores: s)
        let f = try #require(stats[0].facility)
        #expect(abs(f - 200.0 / 3) < 1e-9)
        #expect(stats[0].attempts == 3)
    }

    @Test func oneStudentHasNoDiscrimination() {
        #expect(ItemStatistics.compute(scores: [[1, 0]]).map(\.discrimination) == [nil, nil])
        #expect(ItemStatistics.compute(scores: []).isEmpty)
    }
}
