import Foundation
import Hashing
import JSON
import Testing

/// How a fuzz run is driven, from the environment:
/// - `INITLAB_FUZZ_MODE=full`: the long run of `make fuzz` (2-minute limit per command, runs until
///   the time budget is spent); otherwise the bounded run of `make test`.
/// - `INITLAB_FUZZ_SEED`: root seed of every mutation (printed with every failure).
/// - `INITLAB_FUZZ_ITERATIONS`: cases per test (bounded default 48; unlimited in full mode).
/// - `INITLAB_FUZZ_SECONDS`: time budget of the whole fuzz run (bounded 40, full 1200).
/// - `INITLAB_FUZZ_CASE`: run only this case number (to replay a saved failure).
/// - `INITLAB_FUZZ_BINARY`: the `initlab` to drive (a release build fuzzes faster).
/// - `INITLAB_FUZZ_TIMEOUT`: seconds before a command counts as hung (bounded 15, full 120).
/// - `INITLAB_FUZZ_FAILURES`: where failing inputs are saved (default `.build/fuzz-failures`).
struct FuzzConfiguration: Sendable {
    let full: Bool
    let seed: UInt64
    let iterations: Int
    let seconds: Double
    let onlyCase: Int?
    let binary: URL
    let failures: URL
    /// Kill any command after this long: a hang.
    let timeout: Double
    /// Address space of every command, so a run that wants tens of GB fails alone instead of
    /// taking the machine (shared with other work) down.
    let addressSpace = 2 << 30

    static let defaultSeed: UInt64 = 20_260_917

    static let current: FuzzConfiguration = {
        let environment = ProcessInfo.processInfo.environment
        let full = environment["INITLAB_FUZZ_MODE"] == "full"
        let binary = environment["INITLAB_FUZZ_BINARY"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        let failures = environment["INITLAB_FUZZ_FAILURES"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        return FuzzConfiguration(
            full: full,
            seed: environment["INITLAB_FUZZ_SEED"].flatMap { UInt64($0) } ?? defaultSeed,
            iterations: environment["INITLAB_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? (full ? Int.max : 48),
            seconds: environment["INITLAB_FUZZ_SECONDS"].flatMap { Double($0) } ?? (full ? 1200 : 40),
            onlyCase: environment["INITLAB_FUZZ_CASE"].flatMap { Int($0) },
            binary: binary ?? CLI.binary,
            failures: failures ?? FuzzRepository.root.appendingPathComponent(".build/fuzz-failures"),
            timeout: environment["INITLAB_FUZZ_TIMEOUT"].flatMap { Double($0) } ?? (full ? 120 : 15))
    }()

    /// The case numbers a test walks, within its share of the time budget.
    func cases(share: Double, scale: Double = 1) -> FuzzSchedule {
        if let onlyCase { return FuzzSchedule(numbers: [onlyCase], deadline: .distantFuture) }
        let count = iterations == Int.max ? Int.max : max(1, Int((Double(iterations) * scale).rounded()))
        return FuzzSchedule(numbers: Array(0..<min(count, 1_000_000)), deadline: Date() + seconds * share)
    }
}

/// Case numbers to run until the deadline.
struct FuzzSchedule {
    let numbers: [Int]
    let deadline: Date
}

/// The repository the tests were built from (for Experiments/ and the data cache).
enum FuzzRepository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The data cache of the repository (or `INITLAB_DATA_DIR`), where `make data` puts mnist-5k.
    static var dataDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["INITLAB_DATA_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return root.appendingPathComponent(".cache/data")
    }
}

/// What one command did.
struct FuzzOutcome {
    let arguments: [String]
    let status: Int32
    let signal: Int32?
    let timedOut: Bool
    let seconds: Double
    let stderr: String
}

/// Runs `initlab` under the time and memory limits of the configuration.
enum FuzzProcess {
    static func run(
        _ arguments: [String], in directory: URL, configuration: FuzzConfiguration = .current,
        environment: [String: String] = [:], timeout: Double? = nil
    ) throws -> FuzzOutcome {
        let process = Process()
        let prlimit = URL(fileURLWithPath: "/usr/bin/prlimit")
        if FileManager.default.isExecutableFile(atPath: prlimit.path) {
            process.executableURL = prlimit
            process.arguments = ["--as=\(configuration.addressSpace)", "--", configuration.binary.path] + arguments
        } else {
            process.executableURL = configuration.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        var merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        merged["INITLAB_DATA_DIR"] = merged["INITLAB_DATA_DIR"] ?? FuzzRepository.dataDirectory.path
        process.environment = merged
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        let start = Date()
        try process.run()
        let limit = timeout ?? configuration.timeout
        let timer = FuzzTimer()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + limit) {
            if timer.fire() { kill(pid, SIGKILL) }
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let timedOut = !timer.cancel()
        let signaled = process.terminationReason == .uncaughtSignal
        return FuzzOutcome(
            arguments: arguments, status: signaled ? 128 + process.terminationStatus : process.terminationStatus,
            signal: signaled ? process.terminationStatus : nil, timedOut: timedOut,
            seconds: Date().timeIntervalSince(start), stderr: String(decoding: errData.prefix(4000), as: UTF8.self))
    }
}

/// Fires at most once, or is cancelled first; tells which happened.
final class FuzzTimer: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    /// True when the timer fired (the process was still running).
    func fire() -> Bool {
        lock.withLock {
            defer { done = true }
            return !done
        }
    }

    /// True when cancelled before firing.
    func cancel() -> Bool {
        lock.withLock {
            defer { done = true }
            return !done
        }
    }
}

/// What a fuzz check found wrong.
enum FuzzCategory: String, Sendable {
    case crash, hang
    case partialReport = "partial-report"
    case leftovers
    case script = "script-in-html"
    case silentFailure = "silent-failure"
}

struct FuzzFinding: CustomStringConvertible {
    let category: FuzzCategory
    let detail: String
    var description: String { "[\(category.rawValue)] \(detail)" }
}

/// The checks every command gets: no crash, no hang, and a failure says why.
enum FuzzChecks {
    static func process(_ outcome: FuzzOutcome) -> [FuzzFinding] {
        let command = "initlab \(outcome.arguments.joined(separator: " "))"
        if outcome.timedOut {
            return [FuzzFinding(category: .hang, detail: "\(command): killed after \(Int(outcome.seconds)) s")]
        }
        if let signal = outcome.signal {
            return [
                FuzzFinding(
                    category: .crash,
                    detail: "\(command): signal \(signal) after \(String(format: "%.1f", outcome.seconds)) s: "
                        + lastLines(outcome.stderr))
            ]
        }
        if outcome.stderr.contains("Fatal error") || outcome.stderr.contains("Swift runtime failure") {
            return [FuzzFinding(category: .crash, detail: "\(command): \(lastLines(outcome.stderr))")]
        }
        if outcome.status != 0 && outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return [FuzzFinding(category: .silentFailure, detail: "\(command): status \(outcome.status), no message")]
        }
        return []
    }

    /// The lines that say what went wrong: the Swift fatal error and the first frame in InitLab's
    /// sources if there are any, else the last lines.
    static func lastLines(_ text: String) -> String {
        let lines = text.split(separator: "\n")
        let markers = ["Fatal error", "Swift runtime failure"]
        let fatal =
            lines.first { line in markers.contains { line.contains($0) } }
            ?? lines.first { $0.contains("Program crashed") }
        if let fatal {
            let frame = lines.first { $0.contains("/Sources/") }.flatMap { $0.split(separator: " ").last }
            return String(fatal.prefix(200)) + (frame.map { " at \($0)" } ?? "")
        }
        return String(lines.suffix(3).joined(separator: " | ").prefix(300))
    }

    /// Hidden staging or retired copies anywhere under `folder`.
    static func leftovers(under folder: URL) -> [FuzzFinding] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        let hidden = enumerator.compactMap { $0 as? String }.filter {
            $0.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        return hidden.isEmpty
            ? [] : [FuzzFinding(category: .leftovers, detail: "hidden under \(folder.path): \(hidden)")]
    }

    /// A report folder is complete: its manifest matches manifest.sha256, every file the manifest
    /// names has its hash, and no file is unlisted.
    static func completeReport(_ folder: URL) -> [FuzzFinding] {
        func partial(_ why: String) -> [FuzzFinding] {
            [FuzzFinding(category: .partialReport, detail: "\(folder.lastPathComponent): \(why)")]
        }
        let required = ["index.html", "results.json", "manifest.json", "manifest.sha256", "spec.json"]
        let missing = required.filter {
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        if !missing.isEmpty { return partial("missing \(missing)") }
        guard let manifestData = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
            let sums = try? String(contentsOf: folder.appendingPathComponent("manifest.sha256"), encoding: .utf8),
            let document = try? JSONParser.parse(String(decoding: manifestData, as: UTF8.self))
        else { return partial("manifest unreadable") }
        if sums.split(separator: " ").first.map(String.init) != SHA256.hash(manifestData).hex {
            return partial("manifest.json does not match manifest.sha256")
        }
        var listed: [String: String] = [:]
        collectFiles(document.value, into: &listed)
        var findings: [FuzzFinding] = []
        for (path, hash) in listed.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            guard let digest = try? SHA256.hash(fileAt: url) else {
                findings += partial("\(path) listed but missing")
                continue
            }
            if digest.hex != hash { findings += partial("\(path) does not have its recorded hash") }
        }
        let present = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
            .filter { name in
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(
                    atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                return !isDirectory.boolValue
            }
        let unlisted = present.filter { listed[$0] == nil && $0 != "manifest.json" && $0 != "manifest.sha256" }
        if !unlisted.isEmpty { findings += partial("unlisted files \(unlisted.sorted())") }
        return findings
    }

    /// Every `{"path": ..., "sha256": ...}` object of a manifest.
    static func collectFiles(_ value: JSONValue, into listed: inout [String: String]) {
        switch value {
        case .object(let object):
            // Absolute paths are inputs (data files), not files of the report.
            if case .string(let path)? = object["path"], case .string(let hash)? = object["sha256"],
                !path.hasPrefix("/")
            {
                listed[path] = hash
            }
            // The data files a run read are inputs, recorded by their own paths.
            for member in object.members where member.key != "data" { collectFiles(member.value, into: &listed) }
        case .array(let elements):
            for element in elements { collectFiles(element, into: &listed) }
        default:
            break
        }
    }

    /// No script, `javascript:` link or event-handler attribute from user input in any HTML file
    /// under `folder`. The page's own script (the copy buttons) is the only one allowed.
    static func html(under folder: URL) -> [FuzzFinding] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var findings: [FuzzFinding] = []
        for case let name as String in enumerator where name.hasSuffix(".html") {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { continue }
            let page = String(decoding: data, as: UTF8.self)
            for problem in htmlProblems(page) {
                findings.append(FuzzFinding(category: .script, detail: "\(name): \(problem)"))
            }
        }
        return findings
    }

    static let ownScript = "document.querySelectorAll(\"button.copy\")"
    /// The report index's filter (kind and search), the other script InitLab writes.
    static let indexScript = "var form = document.getElementById(\"filter\")"

    static func htmlProblems(_ page: String) -> [String] {
        var problems: [String] = []
        let lower = page.lowercased()
        var searchStart = lower.startIndex
        while let range = lower.range(of: "<script", range: searchStart..<lower.endIndex) {
            let body = page[range.lowerBound...].prefix(200)
            if !body.contains(ownScript) && !body.contains(indexScript) {
                problems.append("script element: \(body.prefix(120))")
            }
            searchStart = range.upperBound
        }
        let patterns = [
            // Self-contained pages inline their images and downloads as data: URLs; a page or script is not one.
            #"(href|src|action|formaction|xlink:href|data)\s*=\s*["']?\s*(javascript:|vbscript:|data:\s*(text/html|text/javascript|application/(xhtml|javascript|ecmascript)))"#,
            #"<[a-z][^>]*\son[a-z]+\s*="#,
        ]
        for pattern in patterns {
            guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
                continue
            }
            let whole = NSRange(page.startIndex..., in: page)
            for match in expression.matches(in: page, range: whole).prefix(3) {
                if let range = Range(match.range, in: page) { problems.append("\(page[range].prefix(120))") }
            }
        }
        return problems
    }
}

/// Failing inputs, saved for replay and printed with the seed.
enum FuzzFailures {
    static func save(
        test: String, caseNumber: Int, input: String, files: [String: Data], findings: [FuzzFinding],
        configuration: FuzzConfiguration = .current
    ) {
        let folder = configuration.failures.appendingPathComponent(
            "\(test)-seed\(configuration.seed)-case\(caseNumber)")
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, data) in files { try? data.write(to: folder.appendingPathComponent(name)) }
        let replay =
            "INITLAB_FUZZ_SEED=\(configuration.seed) INITLAB_FUZZ_CASE=\(caseNumber) "
            + "swift test --skip-build --filter 'EndToEndTests.FuzzTests/\(test)'"
        let text = (["input: \(input)", "replay: \(replay)"] + findings.map(\.description)).joined(separator: "\n")
        try? Data((text + "\n").utf8).write(to: folder.appendingPathComponent("FINDINGS.txt"))
        let message =
            "fuzz \(test) seed \(configuration.seed) case \(caseNumber): \(input)\n"
            + findings.map { "  \($0)" }.joined(separator: "\n") + "\n  saved in \(folder.path)\n  replay: \(replay)"
        print(message)
        Issue.record(Comment(rawValue: message))
    }
}
