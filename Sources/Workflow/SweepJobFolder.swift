import AtomicFiles
import Foundation
import JSON

/// What `sweep submit` keeps in the store for one sweep, under `jobs/<experiment id>/`: the cell
/// list (index -> key), every submission's array jobs, the batch scripts and the task logs. It is
/// all `sweep status` needs, so status takes only the store folder.
struct SweepJobFolder {
    /// One array job of a submission: cell = offset + task index.
    struct ArrayJob: Equatable {
        let job: String
        let offset: Int
        let tasks: [Int]
    }

    struct Submission: Equatable {
        let arrays: [ArrayJob]
        let gather: String
    }

    let directory: URL

    init(store: SweepStore, experiment: String) {
        directory = store.directory.appendingPathComponent("jobs").appendingPathComponent(experiment)
    }

    init(directory: URL) { self.directory = directory }

    var logs: URL { directory.appendingPathComponent("logs") }
    var cellsFile: URL { directory.appendingPathComponent("cells.json") }
    var submissionsFile: URL { directory.appendingPathComponent("submissions.json") }

    /// The log of array task `task` of `job`, as the batch script names it.
    func taskLog(job: String, task: Int) -> URL { logs.appendingPathComponent("cell-\(job)_\(task).out") }

    func create() throws {
        do {
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        } catch {
            throw WorkflowError("\(logs.path): cannot create the sweep's job folder: \(error.localizedDescription)")
        }
    }

    func writeCells(experiment: String, spec: String, keys: [String]) throws {
        let object: JSONValue = [
            "experiment": .string(experiment), "spec": .string(spec), "keys": .array(keys.map { .string($0) }),
        ]
        try write(object, to: cellsFile)
    }

    /// The experiment, spec path and cell keys, in cell order.
    func readCells() throws -> (experiment: String, spec: String, keys: [String]) {
        let value = try read(cellsFile)
        guard case .string(let experiment)? = value.value(at: JSONPointer(["experiment"])),
            case .string(let spec)? = value.value(at: JSONPointer(["spec"])),
            case .array(let list)? = value.value(at: JSONPointer(["keys"]))
        else { throw WorkflowError("\(cellsFile.path): expected \"experiment\", \"spec\" and \"keys\"") }
        let keys = list.compactMap { item -> String? in
            if case .string(let key) = item { return key }
            return nil
        }
        guard keys.count == list.count else { throw WorkflowError("\(cellsFile.path): /keys must hold strings") }
        return (experiment, spec, keys)
    }

    func readSubmissions() throws -> [Submission] {
        guard FileManager.default.fileExists(atPath: submissionsFile.path) else { return [] }
        let value = try read(submissionsFile)
        guard case .array(let items) = value else {
            throw WorkflowError("\(submissionsFile.path): expected an array of submissions")
        }
        return try items.enumerated().map { index, item in
            guard case .string(let gather)? = item.value(at: JSONPointer(["gather"])),
                case .array(let arrays)? = item.value(at: JSONPointer(["arrays"]))
            else { throw WorkflowError("\(submissionsFile.path): /\(index) needs \"gather\" and \"arrays\"") }
            return Submission(
                arrays: try arrays.enumerated().map { number, array in
                    guard case .string(let job)? = array.value(at: JSONPointer(["job"])),
                        case .number(let offset)? = array.value(at: JSONPointer(["offset"])),
                        let offset = offset.integer,
                        case .array(let tasks)? = array.value(at: JSONPointer(["tasks"]))
                    else {
                        throw WorkflowError(
                            "\(submissionsFile.path): /\(index)/arrays/\(number) needs \"job\", \"offset\", \"tasks\"")
                    }
                    return ArrayJob(
                        job: job, offset: offset,
                        tasks: tasks.compactMap { task in
                            if case .number(let number) = task { return number.integer }
                            return nil
                        })
                }, gather: gather)
        }
    }

    func append(_ submission: Submission) throws {
        let earlier = try readSubmissions()
        let all = (earlier + [submission]).map { submission -> JSONValue in
            [
                "gather": .string(submission.gather),
                "arrays": .array(
                    submission.arrays.map { array in
                        [
                            "job": .string(array.job), "offset": .integer(array.offset),
                            "tasks": .array(array.tasks.map { .integer($0) }),
                        ]
                    }),
            ]
        }
        try write(.array(all), to: submissionsFile)
    }

    private func write(_ value: JSONValue, to file: URL) throws {
        do {
            try AtomicFile.write(Data(JSONWriter.pretty(value).utf8), to: file)
        } catch {
            throw WorkflowError("\(error)")
        }
    }

    private func read(_ file: URL) throws -> JSONValue {
        do {
            let data = try Data(contentsOf: file)
            return try JSONParser.parse(String(decoding: data, as: UTF8.self)).value
        } catch {
            throw WorkflowError("\(file.path): unreadable: \(error)")
        }
    }
}
