import Figures
import Foundation
import JSON
import Report
import Run
import Spec
import Testing

@testable import Report

/// The CSV beside each figure holds what the figure draws: a curve rebuilt from it is the curve
/// in results.json.
@Suite struct FigureDataTests {
    static let spec = """
        {"id": "data", "title": "data", "kind": "training", "seed": 5, "repeats": 1,
         "data": {"name": "synthetic", "classes": 3, "dimension": 6, "train_size": 48, "test_size": 24, "separation": 1.5},
         "network": {"depth": 3, "width": 6, "activation": "tanh", "initializer": "glorot-uniform"},
         "training": {"iterations": 12, "batch_size": 8, "optimizer": {"name": "sgd", "learning_rate": 0.05},
                      "statistics_every": 4, "evaluation_every": 4, "probe_size": 8},
         "variants": [{"label": "Glorot, uniform", "key": "glorot", "initializer": "glorot-uniform"},
                      {"label": "He", "key": "he", "initializer": "he-normal"}],
         "figures": [{"type": "accuracy"}, {"type": "variance-by-depth"}]}
        """

    static func content() throws -> ReportContent {
        let spec = try SpecLoader.parse(Self.spec, file: "data.json")
        let result = try ExperimentRunner.run(spec)
        return ReportContent(
            spec: spec, result: result, figures: try FigureFactory.render(spec.figures, for: result),
            provenance: ReportFixture.provenance, cacheKey: String(repeating: "d", count: 64))
    }

    /// Rows of a CSV with RFC 4180 quoting, as dictionaries by header.
    static func rows(_ text: String) -> [[String: String]] {
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(character)
            }
        }
        guard let header = records.first else { return [] }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func accuracyCurveRebuiltFromTheCSVMatchesResultsJSON() throws {
        let content = try Self.content()
        let files = ReportWriter.files(for: content)
        let figure = try #require(content.figures.first { $0.name == "accuracy" })
        let csv = String(decoding: try #require(files["figures/\(figure.id).csv"]), as: UTF8.self)
        #expect(csv.hasPrefix(FigureData.header + "\n"))
        let rows = Self.rows(csv)
        #expect(rows.contains { $0["series"] == "Glorot, uniform" }, "the quoted label reads back")
        // results.json, as a reader of the report would load it: the first run of each variant.
        let results = try JSONParser.parse(String(decoding: try #require(files["results.json"]), as: UTF8.self)).value
        let variants = try #require(Self.member(results, "training", "variants")?.arrayValue)
        var compared = 0
        for variant in variants {
            let label = try #require(Self.member(variant, "label")?.stringValue)
            let runs = try #require(Self.member(variant, "runs")?.arrayValue)
            let evaluations = try #require(Self.member(runs[0], "evaluations")?.arrayValue)
            let curve = rows.filter { $0["series"] == label && $0["kind"] == "line" && $0["panel"] == "1" }
            #expect(curve.count == evaluations.count, "\(label): \(curve.count) points")
            for (row, evaluation) in zip(curve, evaluations) {
                let x = try #require(row["x"].flatMap(Double.init))
                let y = try #require(row["y"].flatMap(Double.init))
                #expect(x == Self.member(evaluation, "iteration")?.doubleValue)
                #expect(y == Self.member(evaluation, "test_accuracy")?.doubleValue, "\(label) at \(x)")
                compared += 1
            }
        }
        #expect(compared > 4)
    }

    static func member(_ value: JSONValue, _ keys: String...) -> JSONValue? {
        var current: JSONValue? = value
        for key in keys {
            guard case .object(let object)? = current else { return nil }
            current = object[key]
        }
        return current
    }

    @Test func lineFiguresGetAPgfplotsSnippetAndTheFilesAreStable() throws {
        let content = try Self.content()
        let files = ReportWriter.files(for: content)
        let figure = try #require(content.figures.first { $0.name == "accuracy" })
        let snippet = String(decoding: try #require(files["figures/\(figure.id).tex"]), as: UTF8.self)
        #expect(snippet.contains("table[x=x, y=y, col sep=comma]{\(figure.id).csv}"))
        #expect(snippet.contains("\\addlegendentry{Glorot, uniform}"))
        let page = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(page.contains("<a href=\"figures/\(figure.id).csv\" download=\"\(figure.id).csv\">Data (CSV)</a>"))
        #expect(page.contains("Copy pgfplots"))
        #expect(ReportWriter.files(for: try Self.content()) == files, "a rerun gives the same bytes")
    }
}

extension JSONValue {
    var arrayValue: [JSONValue]? { if case .array(let elements) = self { elements } else { nil } }
    var stringValue: String? { if case .string(let text) = self { text } else { nil } }
    var doubleValue: Double? { if case .number(let number) = self { Double(number.text) } else { nil } }
}

/// Figures without a legend name their series by the row label (the variant).
@Suite struct FigureDataSeriesTests {
    @Test func histogramRowsAreNamedByVariant() throws {
        let content = try ReportFixture.content()
        let figure = try #require(content.figures.first)
        let csv = String(
            decoding: try #require(ReportWriter.files(for: content)["figures/\(figure.id).csv"]), as: UTF8.self)
        let series = Set(FigureDataTests.rows(csv).map { $0["series"] ?? "" })
        #expect(series == ["Glorot", "std 1"], "\(series)")
    }
}

/// pgfplots labels compile with pdflatex: InitLab's symbols are spelled in TeX.
@Suite struct PgfplotsTextTests {
    @Test func symbolsAreSpelledInTeX() {
        #expect(
            FigureData.tex("He √(2/n), σw² & 50%")
                == "He \\ensuremath{\\surd}(2/n), \\ensuremath{\\sigma}w\\textsuperscript{2} \\& 50\\%")
    }
}
