import Foundation
import JSON

/// Writes one experiment's report folder, `<reports>/<id>/`, atomically, and refreshes the index.
///
/// Layout: index.html, results.json, manifest.json, spec.json (the spec as run) and
/// figures/fig-<id>-<name>.{png,pdf,svg}.
public enum ReportWriter {
    /// The files of a report, by path relative to its folder. With `selfContained`, index.html
    /// carries every image and download inline (data: URLs) and needs no other file.
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
        files["manifest.json"] = Data(
            JSONWriter.pretty(Manifest.json(for: content, files: files, selfContained: selfContained)).utf8)
        let links = selfContained ? ReportLinks.inline(files) : ReportLinks.relative
        files["index.html"] = Data(ExperimentPage.html(for: content, links: links).utf8)
        return files
    }

    /// Writes the report under `reportsDirectory` and rewrites the index; returns the folder.
    @discardableResult
    public static func write(_ content: ReportContent, to reportsDirectory: URL, selfContained: Bool = false) throws
        -> URL
    {
        let folder = reportsDirectory.appendingPathComponent(content.spec.id)
        try AtomicWriter.replaceDirectory(folder, with: files(for: content, selfContained: selfContained))
        try ReportIndex.write(in: reportsDirectory)
        return folder
    }
}
