import Foundation
import Testing

@testable import Workflow

/// Cell indices as Slurm array specs under MaxArraySize, and what Slurm's commands print.
@Suite struct SlurmArrayTests {
    @Test func rangesCompressRunsOfIndices() {
        #expect(SlurmArray.ranges([0, 1, 2, 3]) == "0-3")
        #expect(SlurmArray.ranges([1, 3, 5, 6, 7, 10]) == "1,3,5-7,10")
        #expect(SlurmArray.ranges([4]) == "4")
        #expect(SlurmArray.ranges([]) == "")
    }

    @Test func chunksKeepEveryTaskIndexBelowMaxArraySize() {
        let cells = [0, 5, 999, 1000, 1001, 2500]
        let chunks = SlurmArray.chunks(cells.reversed(), maxArraySize: 1000)
        #expect(chunks.map(\.offset) == [0, 1000, 2000])
        #expect(chunks.flatMap(\.cells) == cells)
        #expect(chunks.allSatisfy { $0.tasks.allSatisfy { $0 < 1000 } })
        #expect(chunks[1].arraySpec(maxParallel: 4) == "0-1%4")
        #expect(chunks[2].arraySpec(maxParallel: nil) == "500")
    }

    @Test func maxArraySizeIsReadFromTheConfiguration() {
        let config = "Configuration data as of 2026\nMaxArraySize            = 1001\nMaxJobCount             = 10000\n"
        #expect(SlurmArray.maxArraySize(fromConfig: config) == 1001)
        #expect(SlurmArray.maxArraySize(fromConfig: "MaxJobCount = 5\n") == nil)
    }

    @Test func squeueLinesMapArrayTasksToStates() {
        let queue = SweepStatus.parseQueue("17|0|RUNNING\n17|3|PENDING\n18|N/A|PENDING\n")
        #expect(queue == ["17_0": "RUNNING", "17_3": "PENDING"])
    }

    @Test func sbatchJobIdsAreParsedOrRejected() throws {
        #expect(try SlurmSubmission.submitted("1234;cluster\n") == "1234")
        #expect(try SlurmSubmission.submitted("99\n") == "99")
        #expect(throws: WorkflowError.self) { try SlurmSubmission.submitted("sbatch: error: invalid partition") }
    }

    @Test func aClaimIsTakenOnce() throws {
        let folder = try FileCellStoreTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(SweepStore.claim(key: "k", in: folder))
        #expect(!SweepStore.claim(key: "k", in: folder), "a second worker must not take the same cell")
        #expect(SweepStore.claim(key: "other", in: folder))
    }

    @Test func failuresRoundTripAndClear() throws {
        let folder = try FileCellStoreTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = SweepStore(directory: folder)
        let failure = SweepStore.Failure(key: "k", index: 3, experiment: "e", error: "no data", log: "/logs/x.out")
        #expect(store.failure(key: "k") == nil)
        try store.recordFailure(failure)
        #expect(store.failure(key: "k") == failure)
        store.clearFailure(key: "k")
        #expect(store.failure(key: "k") == nil)
    }
}
