import Foundation

/// Facts about the machine and checkout. Failures give "unknown" rather than errors:
/// provenance must never stop a run.
enum Environment {
    /// The compiler that built this binary (recorded at build time; see `ToolVersion.compiler`).
    static var swiftVersion: String { ToolVersion.compiler + " (compiler of this build)" }

    /// PRETTY_NAME from /etc/os-release plus the kernel (uname(2), no process started).
    static var operatingSystem: String {
        let release = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        let pretty = release.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        var names = utsname()
        let kernel: String? =
            uname(&names) == 0
            ? "\(text(of: names.sysname)) \(text(of: names.release))" : nil
        return [pretty, kernel].compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "unknown"
    }

    /// A NUL-terminated C character array as a string.
    private static func text<T>(of field: T) -> String {
        withUnsafeBytes(of: field) { bytes in String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self) }
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
