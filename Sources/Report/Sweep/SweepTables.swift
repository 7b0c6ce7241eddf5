import Results

/// The tables of a sweep report.
enum SweepTables {
    static func summary(_ sweep: SweepResult) -> ReportTable? {
        ReportTable(
            id: "table-sweep",
            caption:
                "\(sweep.metric.label.prefix(1).uppercased() + sweep.metric.label.dropFirst()) of every cell (rows: \(sweep.yLabel); columns: \(sweep.xLabel)).",
            headers: [sweep.yLabel + " \\ " + sweep.xLabel] + sweep.xValues.map { NumberFormat.significant($0) },
            rows: sweep.yValues.enumerated().map { row, y in
                [NumberFormat.significant(y)]
                    + sweep.xValues.indices.map { column in
                        let cell = sweep.cells.first { $0.xIndex == column && $0.yIndex == row }
                        return cell.map {
                            NumberFormat.significant($0.value, digits: 3) + ($0.divergedRuns > 0 ? " (div.)" : "")
                        } ?? "–"
                    }
            })
    }

    static func notes(_ sweep: SweepResult) -> [String] {
        [
            "Each cell is an independent training experiment keyed by the SHA-256 of its resolved spec; \(sweep.reusedCells) of \(sweep.cells.count) cells came from the sweep's cell store (.cache/sweeps), the others were computed in this run. A diverged run counts as chance accuracy."
        ]
    }
}
