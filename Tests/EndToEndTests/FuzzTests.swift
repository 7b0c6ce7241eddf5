import Foundation
import JSON
import Randomness
import Testing

/// The fuzz run of issue 9 against the real CLI: hostile values in every field of every default
/// experiment, sizes at and beyond every limit `initlab schema` documents, damaged data files, and
/// kills while a good report is overwritten. Every command must end without a crash or a hang,
/// leave no partial or mixed report, and write no script from user input into any HTML.
///
/// `make test` runs a bounded version (a fixed seed, a few dozen cases, under a minute);
/// `make fuzz` runs the long one (`INITLAB_FUZZ_MODE=full`). See `FuzzConfiguration` for the
/// knobs. A failing case is printed with its seed and case number and saved with its input.
@Suite(.serialized) struct FuzzTests {
    static let configuration = FuzzConfiguration.current
    static let verbose = ProcessInfo.processInfo.environment["INITLAB_FUZZ_VERBOSE"] != nil

    /// The documented limits, read from `initlab schema` itself.
    static func schema(in workspace: Workspace) throws -> JSONValue {
        let output = try FuzzProcess.run(["schema", "--out", "schema.json"], in: workspace.url)
        #expect(output.status == 0, "\(output.stderr)")
        return try JSONParser.parse(try workspace.text("schema.json")).value
    }

    /// Validates a spec and, when it is valid, runs it into a fresh folder; returns what went wrong.
    static func validateAndRun(_ bytes: Data, selfContained: Bool, in workspace: Workspace) throws -> [FuzzFinding] {
        try bytes.write(to: workspace.url.appendingPathComponent("case.json"))
        let validate = try FuzzProcess.run(["validate", "case.json"], in: workspace.url)
        var findings = FuzzChecks.process(validate)
        guard validate.status == 0, findings.isEmpty else { return findings }
        let run = try FuzzProcess.run(
            ["run", "case.json", "--out", "Reports", "--quiet"] + (selfContained ? ["--self-contained"] : []),
            in: workspace.url)
        findings += FuzzChecks.process(run)
        findings += reportChecks(run, reports: workspace.url.appendingPathComponent("Reports"))
        if verbose { print("fuzz ran: status \(run.status), \(String(format: "%.1f", run.seconds)) s") }
        if run.status != 0 && !run.timedOut && run.signal == nil {
            print("fuzz note: validate accepted, run refused: \(FuzzChecks.lastLines(run.stderr))")
        }
        return findings
    }

    /// After a run into an empty `reports`: complete reports on success, none on failure, no
    /// hidden leftovers, no script in any page.
    static func reportChecks(_ run: FuzzOutcome, reports: URL) -> [FuzzFinding] {
        var findings = FuzzChecks.html(under: reports)
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(
                    atPath: reports.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        if run.status == 0 {
            findings += folders.flatMap { FuzzChecks.completeReport(reports.appendingPathComponent($0)) }
            findings += FuzzChecks.leftovers(under: reports)
        } else if !folders.isEmpty && !run.timedOut && run.signal == nil {
            findings.append(FuzzFinding(category: .partialReport, detail: "a failed run left \(folders.sorted())"))
        }
        return findings
    }

    /// Every shrunk default experiment validates and runs cleanly: the mutations start from
    /// specs that work, so a finding is the mutation's doing. The bounded run leaves out the specs
    /// that load a real data set (about 2 s each in a debug build).
    @Test func shrunkDefaultExperimentsRunCleanly() throws {
        let bases = try FuzzSpecs.defaults()
        #expect(bases.count >= 12, "Experiments/ has \(bases.count) specs")
        for (index, base) in bases.enumerated() {
            let loadsData: Bool = {
                guard case .object(let object) = base.value else { return false }
                if object["data"] != nil { return true }
                if case .object(let sweepBase)? = object["base"] { return sweepBase["data"] != nil }
                return false
            }()
            if loadsData && !Self.configuration.full { continue }
            let workspace = try Workspace()
            let bytes = Data(JSONWriter.pretty(base.value).utf8)
            let findings = try Self.validateAndRun(bytes, selfContained: index % 2 == 1, in: workspace)
            let reports = workspace.files(under: "Reports")
            #expect(reports.contains { $0.hasSuffix("manifest.json") }, "\(base.name) wrote no report")
            if !findings.isEmpty {
                FuzzFailures.save(
                    test: "shrunkDefaultExperimentsRunCleanly()", caseNumber: index, input: "\(base.name) shrunk",
                    files: ["case.json": bytes], findings: findings)
            }
        }
    }

    @Test func hostileSpecs() throws {
        let configuration = Self.configuration
        let scratch = try Workspace()
        let schema = try Self.schema(in: scratch)
        let limits = FuzzLimits(schema: schema)
        let index = FuzzSchemaIndex(schema: schema)
        let bases = try FuzzSpecs.defaults()
        let schedule = configuration.cases(share: 0.6)
        var count = 0
        for number in schedule.numbers where Date() < schedule.deadline {
            let (_, mutation) = FuzzSpecMutations.make(
                number: number, bases: bases, limits: limits, index: index, seed: configuration.seed,
                full: configuration.full)
            var pick = RandomStream(seed: configuration.seed, path: "fuzz/spec/case/\(number)/self-contained")
            let workspace = try Workspace()
            let findings = try Self.validateAndRun(
                mutation.bytes, selfContained: pick.nextInt(below: 2) == 1, in: workspace)
            count += 1
            if Self.verbose {
                print("fuzz case \(number): \(mutation.description.prefix(160)) -> \(findings.count) findings")
            }
            if !findings.isEmpty {
                FuzzFailures.save(
                    test: "hostileSpecs()", caseNumber: number, input: mutation.description,
                    files: ["case.json": mutation.bytes], findings: findings)
            }
        }
        print("fuzz hostileSpecs: seed \(configuration.seed), \(count) cases")
        #expect(count > 0)
    }

    @Test func damagedDataFiles() throws {
        let configuration = Self.configuration
        let schedule = configuration.cases(share: 0.2, scale: 0.5)
        var count = 0
        for number in schedule.numbers where Date() < schedule.deadline {
            let workspace = try Workspace()
            let (files, description) = try FuzzDataFiles.make(number: number, seed: configuration.seed)
            var names: [String: String] = [:]
            for (name, bytes) in files {
                try Data(bytes).write(to: workspace.url.appendingPathComponent(name))
                names[name.replacingOccurrences(of: ".gz", with: "")] = name
            }
            let spec = Data(FuzzDataFiles.spec(files: names).utf8)
            try spec.write(to: workspace.url.appendingPathComponent("case.json"))
            let run = try FuzzProcess.run(["run", "case.json", "--out", "Reports", "--quiet"], in: workspace.url)
            let findings =
                FuzzChecks.process(run)
                + Self.reportChecks(run, reports: workspace.url.appendingPathComponent("Reports"))
            count += 1
            if Self.verbose {
                print("fuzz data case \(number): \(description) -> status \(run.status), \(findings.count) findings")
            }
            if !findings.isEmpty {
                var saved = files.mapValues { Data($0) }
                saved["case.json"] = spec
                FuzzFailures.save(
                    test: "damagedDataFiles()", caseNumber: number, input: description, files: saved, findings: findings
                )
            }
        }
        print("fuzz damagedDataFiles: seed \(configuration.seed), \(count) cases")
        #expect(count > 0)
    }

    /// mnist-5k's gzip CSV, damaged in a data folder of its own (skipped without `make data`).
    @Test func damagedCSV() throws {
        let configuration = Self.configuration
        let original = FuzzRepository.dataDirectory.appendingPathComponent("mnist_5k.csv.gz")
        guard let bytes = try? Data(contentsOf: original) else {
            print("fuzz damagedCSV: skipped, no \(original.path) (make data fetches it)")
            return
        }
        let schedule = configuration.cases(share: 0.05, scale: 0.1)
        for number in schedule.numbers where Date() < schedule.deadline {
            let workspace = try Workspace()
            let (damaged, description) = FuzzDataFiles.damagedCSV(
                number: number, seed: configuration.seed, original: Array(bytes))
            try FileManager.default.createDirectory(
                at: workspace.url.appendingPathComponent("data"), withIntermediateDirectories: true)
            try Data(damaged).write(to: workspace.url.appendingPathComponent("data/mnist_5k.csv.gz"))
            let text = FuzzDataFiles.spec(data: #"{"name": "mnist-5k", "train_size": 200, "test_size": 50}"#)
            try Data(text.utf8).write(to: workspace.url.appendingPathComponent("case.json"))
            let run = try FuzzProcess.run(
                ["run", "case.json", "--out", "Reports", "--quiet"], in: workspace.url,
                environment: ["INITLAB_DATA_DIR": workspace.url.appendingPathComponent("data").path])
            let findings =
                FuzzChecks.process(run)
                + Self.reportChecks(run, reports: workspace.url.appendingPathComponent("Reports"))
            if Self.verbose { print("fuzz csv case \(number): \(description) -> status \(run.status)") }
            if !findings.isEmpty {
                FuzzFailures.save(
                    test: "damagedCSV()", caseNumber: number, input: description,
                    files: ["mnist_5k.csv.gz": Data(damaged), "case.json": Data(text.utf8)], findings: findings)
            }
        }
    }

    /// SIGKILL at a seeded moment while `initlab run --seed 4` overwrites a good report: `verify`
    /// passes on whatever is there, which is the old report or the new one (never a mix), and the
    /// next run leaves a complete report and nothing hidden.
    @Test func killWhileOverwritingAGoodReport() throws {
        let configuration = Self.configuration
        let workspace = try Workspace()
        try workspace.write("small.json", RunCommandTests.spec())
        let arguments = ["run", "small.json", "--seed", "4", "--quiet"]
        #expect(try FuzzProcess.run(arguments + ["--out", "New"], in: workspace.url).status == 0)
        #expect(try FuzzProcess.run(["run", "small.json", "--quiet", "--out", "Good"], in: workspace.url).status == 0)
        let newResults = try workspace.data("New/small/results.json")
        let oldResults = try workspace.data("Good/small/results.json")
        let reports = workspace.url.appendingPathComponent("Reports")
        let good = workspace.url.appendingPathComponent("Good")
        func restore() throws {
            try? FileManager.default.removeItem(at: reports)
            try FileManager.default.copyItem(at: good, to: reports)
        }
        try restore()
        let overwrite = try FuzzProcess.run(arguments + ["--out", "Reports"], in: workspace.url)
        #expect(overwrite.status == 0, "\(overwrite.stderr)")
        let duration = overwrite.seconds
        let schedule = configuration.cases(share: 0.15, scale: 0.15)
        var count = 0
        for number in schedule.numbers where Date() < schedule.deadline {
            try restore()
            var pick = RandomStream(seed: configuration.seed, path: "fuzz/kill/case/\(number)")
            let delay = pick.nextUniform() * duration * 1.2
            let process = Process()
            process.executableURL = configuration.binary
            process.arguments = arguments + ["--out", "Reports"]
            process.currentDirectoryURL = workspace.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let description = String(format: "SIGKILL %.0f ms into a %.0f ms overwrite", delay * 1000, duration * 1000)

            var findings: [FuzzFinding] = []
            let verify = try FuzzProcess.run(["verify", "Reports/small"], in: workspace.url)
            findings += FuzzChecks.process(verify)
            if verify.status != 0 {
                findings.append(
                    FuzzFinding(
                        category: .partialReport,
                        detail: "verify failed after the kill: \(FuzzChecks.lastLines(verify.stderr))"))
            }
            if let results = try? workspace.data("Reports/small/results.json"), results != oldResults,
                results != newResults
            {
                findings.append(FuzzFinding(category: .partialReport, detail: "results.json is neither old nor new"))
            }
            let next = try FuzzProcess.run(arguments + ["--out", "Reports"], in: workspace.url)
            findings += FuzzChecks.process(next) + FuzzChecks.leftovers(under: reports)
            if next.status == 0 {
                findings += FuzzChecks.completeReport(reports.appendingPathComponent("small"))
                if (try? workspace.data("Reports/small/results.json")) != newResults {
                    findings.append(
                        FuzzFinding(category: .partialReport, detail: "the next run did not write the new report"))
                }
            } else {
                findings.append(
                    FuzzFinding(
                        category: .partialReport, detail: "the next run failed: \(FuzzChecks.lastLines(next.stderr))"))
            }
            count += 1
            if Self.verbose { print("fuzz kill case \(number): \(description) -> \(findings.count) findings") }
            if !findings.isEmpty {
                FuzzFailures.save(
                    test: "killWhileOverwritingAGoodReport()", caseNumber: number, input: description,
                    files: ["small.json": Data(RunCommandTests.spec().utf8)], findings: findings)
            }
        }
        print("fuzz killWhileOverwritingAGoodReport: seed \(configuration.seed), \(count) kills")
        #expect(count > 0)
    }
}

/// The fuzz checks themselves can fail: a harness whose checks pass on anything proves nothing.
@Suite struct FuzzChecksTests {
    @Test func htmlCheckFlagsScriptsLinksAndHandlersButNotThePageOwnScript() {
        let hostile = [
            "<p><script>alert('FUZZ')</script></p>", "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=' JaVaScRiPt:alert(1)'>x</a>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
            "<a href=\"data:text/html,<b>\">x</a>",
        ]
        for page in hostile { #expect(!FuzzChecks.htmlProblems(page).isEmpty, "\(page)") }
        let benign = [
            "<script>\n  \(FuzzChecks.ownScript).forEach(function (b) {});\n</script>",
            "<script>\n(function () {\n  \(FuzzChecks.indexScript);\n})();\n</script>",
            "<p>&lt;script&gt;alert('FUZZ')&lt;/script&gt; javascript:alert(1) onerror=x</p>",
            "<a href=\"https://example.org/a?x=javascript:1\">x</a>", "<img src=\"data:image/png;base64,AAAA\">",
        ]
        for page in benign { #expect(FuzzChecks.htmlProblems(page).isEmpty, "\(page)") }
    }

    @Test func reportCheckFlagsAChangedAnUnlistedAndAMissingFile() throws {
        let workspace = try Workspace()
        try workspace.write("small.json", RunCommandTests.spec())
        #expect(try FuzzProcess.run(["run", "small.json", "--out", "R", "--quiet"], in: workspace.url).status == 0)
        let folder = workspace.url.appendingPathComponent("R/small")
        #expect(FuzzChecks.completeReport(folder).isEmpty)
        #expect(FuzzChecks.leftovers(under: workspace.url.appendingPathComponent("R")).isEmpty)

        let results = folder.appendingPathComponent("results.json")
        let original = try Data(contentsOf: results)
        try (original + Data(" ".utf8)).write(to: results)
        #expect(FuzzChecks.completeReport(folder).map(\.category) == [.partialReport])
        try original.write(to: results)

        try Data("x".utf8).write(to: folder.appendingPathComponent("extra.txt"))
        #expect(FuzzChecks.completeReport(folder).map(\.category) == [.partialReport])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("extra.txt"))

        try FileManager.default.removeItem(at: folder.appendingPathComponent("spec.json"))
        #expect(FuzzChecks.completeReport(folder).map(\.category) == [.partialReport])

        try FileManager.default.createDirectory(
            at: workspace.url.appendingPathComponent("R/.staging-x"), withIntermediateDirectories: true)
        #expect(FuzzChecks.leftovers(under: workspace.url.appendingPathComponent("R")).map(\.category) == [.leftovers])
    }

    @Test func processCheckFlagsASignalAHangAndASilentFailure() throws {
        let workspace = try Workspace()
        let configuration = FuzzConfiguration.current
        let sh = FuzzConfiguration(
            full: false, seed: 1, iterations: 1, seconds: 1, onlyCase: nil, binary: URL(fileURLWithPath: "/bin/sh"),
            failures: configuration.failures, timeout: 1)
        let killed = try FuzzProcess.run(["-c", "kill -SEGV $$"], in: workspace.url, configuration: sh)
        #expect(FuzzChecks.process(killed).map(\.category) == [.crash])
        let hung = try FuzzProcess.run(["-c", "exec sleep 5"], in: workspace.url, configuration: sh)
        #expect(FuzzChecks.process(hung).map(\.category) == [.hang])
        let silent = try FuzzProcess.run(["-c", "exit 1"], in: workspace.url, configuration: sh)
        #expect(FuzzChecks.process(silent).map(\.category) == [.silentFailure])
        let fine = try FuzzProcess.run(
            ["-c", "echo 'initlab: x.json: bad' >&2; exit 1"], in: workspace.url, configuration: sh)
        #expect(FuzzChecks.process(fine).isEmpty)
    }
}
