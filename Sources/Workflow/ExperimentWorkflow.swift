import Figures
import Foundation
import Hashing
import Report
import Results
import Run
import Spec

/// spec file -> run -> results -> figures -> report folder: the one place that ties the layers
/// together and touches files, clocks and the environment.
public enum ExperimentWorkflow {
    /// How to run.
    public struct Options: Sendable {
        /// Replaces the spec's root seed when set.
        public var seed: UInt64?
        /// Where report folders go.
        public var reportsDirectory: URL
        /// Compute threads recorded in the provenance.
        public var threads: Int
        public var progress: RunProgress
        /// Rerun even when the report folder holds results for the same cache key.
        public var force: Bool
        /// Write index.html with every image and download inline.
        public var selfContained: Bool
        /// Where the data cache (.cache/data) is looked for.
        public var dataRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        /// Told, as it happens, about trouble that does not fail the run (a sweep cell that
        /// could not be stored).
        public var warning: @Sendable (String) -> Void = { _ in }
        /// Where a sweep's cells are computed.
        public var backend: SweepBackend = .local
        /// The sweep store; nil for `.cache/sweeps` under the data root.
        public var store: SweepStore?
        /// Whether a sweep computes the cells its store lacks (`run`) or reports them missing
        /// (`sweep gather`, which builds the report from what workers and jobs stored).
        public var missingSweepCells: MissingSweepCells = .compute
        /// The executable the `processes` backend starts; nil for the running one.
        public var workerExecutable: URL?

        public init(
            seed: UInt64? = nil, reportsDirectory: URL, threads: Int, progress: RunProgress = .silent,
            force: Bool = false,
            selfContained: Bool = false
        ) {
            self.seed = seed
            self.reportsDirectory = reportsDirectory
            self.threads = threads
            self.progress = progress
            self.force = force
            self.selfContained = selfContained
        }
    }

    /// What a finished run produced.
    public struct Outcome: Sendable {
        public let experiment: String
        public let reportDirectory: URL
        public let figureCount: Int
        public let wallTimeSeconds: Double
        /// The report already held results for this cache key; nothing was recomputed.
        public let servedFromCache: Bool
        /// Why a cache entry with the right key was not used, if it was not.
        public let cacheNote: String?
        /// What was put right in the reports folder after an interrupted earlier write, one line each.
        public var recovered: [String] = []
        /// Sweep cells the report lists as missing (only when gathering from a store).
        public var missingCells: [Int] = []
    }

    /// Validates one spec file without running it.
    public static func validate(path: String) throws -> ExperimentSpec {
        do {
            return try SpecLoader.load(path: path)
        } catch {
            throw WorkflowError(error.description)
        }
    }

    /// Runs the spec at `path` and writes its report; nothing is written when any step fails.
    public static func run(path: String, options: Options) throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        var spec = try validate(path: path)
        if let seed = options.seed {
            do {
                spec = try spec.withSeed(seed)
            } catch {
                throw WorkflowError(error.description)
            }
        }
        let folder = options.reportsDirectory.appendingPathComponent(spec.id)
        let recovered: [String]
        do {
            recovered = try ReportWriter.recover(in: options.reportsDirectory)
        } catch {
            throw WorkflowError(
                "\(options.reportsDirectory.path): recovering an interrupted earlier write failed: \(error)")
        }
        let dataFiles = try DataRequirements.files(for: spec, path: path, root: options.dataRoot)
        let cacheKey = CacheKey.report(
            spec: spec, dataHashes: dataFiles.map(\.sha256), rendering: RenderingEnvironment.current)
        var cacheNote: String?
        if !options.force {
            switch CachedReport.check(folder: folder, key: cacheKey, spec: spec, selfContained: options.selfContained) {
            case .hit:
                var outcome = Outcome(
                    experiment: spec.id, reportDirectory: folder, figureCount: spec.figures.count,
                    wallTimeSeconds: seconds(since: start, clock: clock), servedFromCache: true, cacheNote: nil)
                outcome.recovered = recovered
                return outcome
            case .corrupt(let reason):
                cacheNote = "cached report is corrupt (\(reason)); recomputed"
            case .miss:
                break
            }
        }
        let store = options.store ?? SweepStore.standard(dataRoot: options.dataRoot)
        if case .processes(let workers) = options.backend, case .sweep = spec.body,
            options.missingSweepCells == .compute
        {
            try ProcessWorkers.run(
                path: path, seed: options.seed, store: store, workers: workers,
                threadsPerWorker: max(1, options.threads / workers),
                executable: options.workerExecutable ?? ProcessWorkers.currentExecutable,
                cells: SweepCells(spec, store: store.cells(dataRoot: options.dataRoot), dataRoot: options.dataRoot),
                progress: options.progress)
        }
        let (result, figures) = try compute(
            spec, path: path, dataRoot: options.dataRoot, store: store, progress: options.progress,
            missingSweepCells: options.missingSweepCells, warning: options.warning)
        var missing: [Int] = []
        if case .sweep(let sweep) = result.body { missing = sweep.missingCells.map(\.index) }
        let incomplete = !missing.isEmpty
        let wallTime = seconds(since: start, clock: clock)
        var provenance = try gatherProvenance(spec: spec, path: path, options: options, wallTime: wallTime)
        provenance.dataFiles = dataFiles
        let content = ReportContent(
            spec: spec, result: result, figures: figures, provenance: provenance,
            // A report with missing cells must never be served as the finished sweep's.
            cacheKey: incomplete ? "incomplete:" + cacheKey : cacheKey)
        // Tables and findings exist only once the results do: the narrative's last check.
        if let problem = content.narrativeProblems.first {
            throw WorkflowError("\(path): /narrative: \(problem)")
        }
        do {
            try ReportWriter.write(content, to: options.reportsDirectory, selfContained: options.selfContained)
        } catch {
            throw WorkflowError(
                "\(path): writing the report \(folder.path) failed, any earlier report is left as it was: \(error)")
        }
        var outcome = Outcome(
            experiment: spec.id, reportDirectory: folder, figureCount: figures.count, wallTimeSeconds: wallTime,
            servedFromCache: false, cacheNote: cacheNote)
        outcome.recovered = recovered
        outcome.missingCells = missing
        return outcome
    }

    /// Runs the experiment and draws its figures, in memory.
    static func compute(
        _ spec: ExperimentSpec, path: String, dataRoot: URL, store: SweepStore? = nil, progress: RunProgress,
        missingSweepCells: MissingSweepCells = .compute, warning: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> (
        ExperimentResult, [RenderedFigure]
    ) {
        let result: ExperimentResult
        do {
            let cells = (store ?? SweepStore.standard(dataRoot: dataRoot)).cells(
                dataRoot: dataRoot, warning: { warning("\(spec.id): \($0)") })
            result = try ExperimentRunner.run(
                spec, dataRoot: dataRoot, cellStore: cells, progress: progress, missingSweepCells: missingSweepCells)
        } catch {
            throw WorkflowError("\(path): \(error.description)")
        }
        do {
            return (result, try FigureFactory.render(spec.figures, for: result))
        } catch {
            throw WorkflowError("\(path): drawing figures failed: \(error)")
        }
    }

    private static func seconds(since start: ContinuousClock.Instant, clock: ContinuousClock) -> Double {
        let elapsed = start.duration(to: clock.now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    private static func gatherProvenance(spec: ExperimentSpec, path: String, options: Options, wallTime: Double) throws
        -> Provenance
    {
        let specURL = URL(fileURLWithPath: path)
        let fileHash = (try? SHA256.hash(fileAt: specURL).hex) ?? "unreadable"
        let git = Environment.git(at: specURL.deletingLastPathComponent())
        let seedArgument = options.seed.map { " --seed \($0)" } ?? ""
        let rendering = RenderingEnvironment.current
        return Provenance(
            toolVersion: ToolVersion.current, gitCommit: git.commit, gitDirty: git.dirty,
            swiftVersion: Environment.swiftVersion,
            operatingSystem: Environment.operatingSystem, buildConfiguration: ToolVersion.buildConfiguration,
            threads: options.threads,
            cairoVersion: rendering.cairo, freetypeVersion: rendering.freetype, pixmanVersion: rendering.pixman,
            fontFile: rendering.fontFile, fontSHA256: rendering.fontSHA256, dataFiles: [], specFile: path,
            specFileSHA256: fileHash, seedOverridden: options.seed != nil,
            rerunCommand: "initlab run \(path)\(seedArgument)", wallTimeSeconds: wallTime)
    }
}
