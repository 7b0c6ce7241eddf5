import AtomicFiles
import Foundation
import JSON

/// Writes one experiment's report folder, `<reports>/<id>/`, atomically, and refreshes the index.
///
/// Layout: index.html, results.json, manifest.json, spec.json (the spec as run) and
/// figures/fig-<id>-<name>.{png,pdf,svg}, with the figure's data as .csv (and .tex, pgfplots,
/// for line figures).
///
/// Writers of one reports folder take turns (a `DirectoryLock` on it), so concurrent runs end
/// with one complete report; each write first recovers what an interrupted one left behind.
public enum ReportWriter {
    /// The files of a report, by path relative to its folder. With `selfContained`, index.html
    /// carries every image and download inline (data: URLs) but the manifest, which records the
    /// page's own SHA-256 and so cannot be inside it: it stays beside the page, a link away.
    public static func files(for content: ReportContent, selfContained: Bool = false) -> [String: Data] {
        var files: [String: Data] = [
            "results.json": Data(content.resultsText.utf8),
            "spec.json": Data(content.specText.utf8),
        ]
        for figure in content.figures {
            files["figures/\(figure.id).png"] = figure.png
            files["figures/\(figure.id).pdf"] = figure.pdf
            files["figures/\(figure.id).svg"] = figure.svg
        }
        let attachments = Self.attachments(for: content)
        files.merge(attachments) { _, new in new }
        let links = selfContained ? ReportLinks.inline(files) : ReportLinks.relative
        files["index.html"] = Data(ExperimentPage.html(for: content, links: links).utf8)
        let manifest = Data(
            Manifest(
                content: content, files: files, attachments: attachments.keys.sorted(), selfContained: selfContained
            ).text.utf8)
        files[Manifest.fileName] = manifest
        files[Manifest.digestFileName] = Data(Manifest.digestText(for: manifest).utf8)
        return files
    }

    /// The files derived from the results and figures for reuse elsewhere: each figure's data as
    /// CSV (and a pgfplots snippet for line figures) and report.ipynb. Pure functions of the content, so a rerun
    /// gives the same bytes and `verify` can compare them.
    public static func attachments(for content: ReportContent) -> [String: Data] {
        var files: [String: Data] = [:]
        for data in FigureData.all(for: content) {
            files["figures/\(data.id).csv"] = Data(data.csv.utf8)
            if let snippet = data.pgfplots { files["figures/\(data.id).tex"] = Data(snippet.utf8) }
        }
        files[ReportNotebook.fileName] = Data(ReportNotebook.json(for: content).utf8)
        return files
    }

    /// Writes the report under `reportsDirectory` and rewrites the index; returns the folder.
    @discardableResult
    public static func write(_ content: ReportContent, to reportsDirectory: URL, selfContained: Bool = false) throws
        -> URL
    {
        let folder = reportsDirectory.appendingPathComponent(content.spec.id)
        try Folder.create(reportsDirectory)
        try DirectoryLock.withLock(on: reportsDirectory, exclusive: true) {
            _ = try recoverLocked(reportsDirectory)
            let staged = try Staging.folder(for: folder, files: files(for: content, selfContained: selfContained))
            do {
                // The index is finished before the swap and swapped with the report, all or
                // none: a failure to write it leaves the earlier report and index in place.
                let entries = ReportIndex.entries(in: reportsDirectory, replacing: ReportIndex.Entry(content))
                let index = reportsDirectory.appendingPathComponent("index.html")
                let stagedIndex = try Staging.file(for: index, data: Data(ReportIndex.html(entries).utf8))
                try AtomicReplacement.replace(
                    [
                        AtomicReplacement.Item(staged: staged, target: folder),
                        AtomicReplacement.Item(staged: stagedIndex, target: index),
                    ], in: reportsDirectory)
            } catch {
                try? Folder.remove(staged)
                throw error
            }
        }
        return folder
    }

    /// Puts right what interrupted writes left in `reportsDirectory` (a missing report gets its
    /// previous version back, hidden staging and retired copies are removed, the index is
    /// rewritten) and says what was done, one line per action. Nothing when the folder is absent.
    public static func recover(in reportsDirectory: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: reportsDirectory.path) else { return [] }
        return try DirectoryLock.withLock(on: reportsDirectory, exclusive: true) {
            try recoverLocked(reportsDirectory)
        }
    }

    private static func recoverLocked(_ reportsDirectory: URL) throws -> [String] {
        let actions = try SwapRecovery.recover(in: reportsDirectory, onlyAbandoned: true)
        guard !actions.isEmpty else { return [] }
        // An interrupted write may have changed a report without its index entry.
        try ReportIndex.write(in: reportsDirectory)
        return actions.map(\.description) + ["rewrote \(reportsDirectory.appendingPathComponent("index.html").path)"]
    }
}
