import Foundation

/// Slurm's own commands (sbatch, squeue, scontrol), found on PATH and run as child processes:
/// InitLab asks Slurm, it does not reimplement it. Never sacct, which clusters often disable.
struct SlurmCommands: Sendable {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    var searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"

    /// The executable `name` on PATH, if any.
    func locate(_ name: String) -> URL? {
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `name arguments...`; throws when it is not on PATH or cannot start.
    func run(_ name: String, _ arguments: [String]) throws -> Output {
        guard let executable = locate(name) else {
            throw WorkflowError("\(name) is not on PATH: Slurm's commands are needed (is this a Slurm login node?)")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw WorkflowError("\(executable.path): cannot start: \(error.localizedDescription)")
        }
        // stderr is read on another thread, so neither pipe can fill up and block the child.
        let errorText = ErrorReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: errorText.finish())
    }

    /// Runs `name` and returns its standard output; throws with its error when it fails.
    func output(_ name: String, _ arguments: [String]) throws -> String {
        let result = try run(name, arguments)
        guard result.status == 0 else {
            let message = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw WorkflowError(
                "\(name) \(arguments.joined(separator: " ")) exited with \(result.status)"
                    + (message.isEmpty ? "" : ": \(message)"))
        }
        return result.stdout
    }
}

/// Drains a pipe on a thread of its own.
private final class ErrorReader: @unchecked Sendable {
    private let handle: FileHandle
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        self.handle = handle
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
