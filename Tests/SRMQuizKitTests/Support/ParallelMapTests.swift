import Foundation
import SRMQuizTestSupport
import Testing

@testable import SRMQuizKit

@Suite struct ParallelMapTests {
    @Test(arguments: [0, 1, 2, 3, 17, 1000])
    func resultsAreInIndexOrder(count: Int) {
        let squares = ParallelMap.map(count) { $0 * $0 }
        #expect(squares == (0..<count).map { $0 * $0 })
    }

    @Test func everyIndexRunsExactlyOnce() {
        let seen = ParallelMap.map(500) { index in (index, Thread.current.isMainThread) }
        #expect(seen.map(\.0) == Array(0..<500))
    }

    @Test func aBankFolderReadsTheSameAsItsFilesOneByOne() throws {
        // Parsing runs per file on every processor; the model and the problems must come out as
        // if the files were read in order.
        let folder = CLI.bundledBank
        var listing: [BankProblem] = []
        let files = BankLoader.yamlFiles(at: folder, problems: &listing)
        #expect(files.count > 1)
        var reader = BankReader()
        for file in files { reader.read(file: file) }
        let together = BankLoader.check(paths: [folder])
        #expect(together.bank.facts == reader.bank.facts)
        #expect(together.bank.services == reader.bank.services)
        #expect(together.bank.questions == reader.bank.questions)
        #expect(together.problems.isEmpty)
    }
}
