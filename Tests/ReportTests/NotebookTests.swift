import Foundation
import Testing

@testable import Report

/// report.ipynb is a valid nbformat 4 notebook that runs top to bottom: checked with `nbformat`
/// and `jupyter nbconvert --execute` in a virtual environment of the repository's
/// (.cache/venv-notebook, made by `make test` or by this test when missing).
@Suite(.serialized) struct NotebookTests {
    /// The environment's python, or nil (with why) when it cannot be had.
    static let python: (path: String?, reason: String) = NotebookEnvironment.prepare()

    @Test func notebookIsDeterministicAndCarriesTheNarrative() throws {
        let content = try ReportFixture.content(extra: NarrativePageTests.narrative)
        let notebook = ReportNotebook.json(for: content)
        #expect(notebook == ReportNotebook.json(for: try ReportFixture.content(extra: NarrativePageTests.narrative)))
        #expect(notebook.contains("\"nbformat\": 4") && notebook.contains("\"cell_type\": \"markdown\""))
        #expect(notebook.contains("Figure 1 and Table 1"))
        #expect(notebook.contains("\\\\tag{1}"), "the labelled equation keeps its number")
        #expect(notebook.contains("pd.read_csv(\\\"figures/\(content.figures[0].id).csv\\\")"))
    }

    @Test(.enabled(if: python.path != nil, "\(python.reason)"))
    func notebookValidatesAndExecutes() throws {
        let python = try #require(Self.python.path)
        let scratch = try ReportFixture.Scratch()
        let content = try FigureDataTests.content()
        try ReportWriter.write(content, to: scratch.url)
        let folder = scratch.url.appendingPathComponent(content.spec.id)
        let validate = try NotebookEnvironment.run(
            python,
            ["-c", "import nbformat; nbformat.validate(nbformat.read('report.ipynb', as_version=4)); print('valid')"],
            in: folder)
        #expect(validate.status == 0 && validate.output.contains("valid"), "\(validate.output)")
        let execute = try NotebookEnvironment.run(
            python,
            [
                "-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=120",
                "--output", "executed.ipynb", "report.ipynb",
            ], in: folder)
        #expect(execute.status == 0, "\(execute.output)")
        let executed = try String(contentsOf: folder.appendingPathComponent("executed.ipynb"), encoding: .utf8)
        let images = executed.components(separatedBy: "\"image/png\"").count - 1
        #expect(images == content.figures.count, "one drawing per figure, found \(images)")
        #expect(!executed.contains("\"output_type\": \"error\""))
    }
}

/// The notebook test's Python: made once per machine, reused after.
enum NotebookEnvironment {
    static let packages = ["nbformat", "nbconvert", "ipykernel", "pandas", "matplotlib"]

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.cache/venv-notebook")
            .standardized
    }

    static func prepare() -> (path: String?, reason: String) {
        let python = folder.appendingPathComponent("bin/python").path
        let check = ["-c", "import nbformat, nbconvert, ipykernel, pandas, matplotlib"]
        if let run = try? run(python, check, in: folder), run.status == 0 { return (python, "") }
        guard let created = try? run("/usr/bin/env", ["python3", "-m", "venv", folder.path], in: nil),
            created.status == 0
        else { return (nil, "python3 -m venv failed: the notebook execution check is skipped") }
        let install = try? run(
            python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + packages, in: nil)
        guard install?.status == 0, (try? run(python, check, in: folder))?.status == 0 else {
            return (
                nil,
                "pip could not install \(packages.joined(separator: ", ")) into \(folder.path): "
                    + "the notebook execution check is skipped (\(install?.output.suffix(300) ?? ""))"
            )
        }
        return (python, "")
    }

    static func run(_ executable: String, _ arguments: [String], in directory: URL?) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // Jupyter's own inline backend must draw: no MPLBACKEND from the caller.
        var environment = ProcessInfo.processInfo.environment
        environment["MPLBACKEND"] = nil
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
