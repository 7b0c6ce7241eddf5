import Foundation

/// Facts about the machine and checkout, gathered by running small commands. Failures give
/// "unknown" rather than errors: provenance must never stop a run.
enum Environment {
    /// The first line of `swift --version`.
    static var swiftVersion: String {
        run("swift", ["--version"])?.split(separator: "\n").first.map(String.init) ?? "unknown (swift not on PATH)"
    }

    /// PRETTY_NAME from /etc/os-release plus the kernel release.
    static var operatingSystem: String {
        let release = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        let pretty = release.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        let kernel = run("uname", ["-sr"])?.trimmingCharacters(in: .whitespacesAndNewlines)
        return [pretty, kernel].compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "unknown"
    }

    /// HEAD of the git checkout containing `directory`, and whether it has uncommitted changes.
    static func git(at directory: URL) -> (commit: String?, dirty: Bool?) {
        guard
            let commit = run("git", ["-C", directory.path, "rev-parse", "HEAD"])?.trimmingCharacters(
                in: .whitespacesAndNewlines),
            commit.count == 40
        else { return (nil, nil) }
        let status = run("git", ["-C", directory.path, "status", "--porcelain", "--untracked-files=no"]) ?? ""
        return (commit, !status.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    /// Standard output of a command found on PATH, or nil when it fails.
    static func run(_ command: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(data: data, encoding: .utf8)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
