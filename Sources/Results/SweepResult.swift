import JSON

/// The outcome of a "sweep": one metric per grid cell.
public struct SweepResult: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public let xIndex: Int
        public let yIndex: Int
        /// The cell's cache key (hash of its resolved spec).
        public let key: String
        public let value: Double
        public let divergedRuns: Int

        public init(xIndex: Int, yIndex: Int, key: String, value: Double, divergedRuns: Int) {
            self.xIndex = xIndex
            self.yIndex = yIndex
            self.key = key
            self.value = value
            self.divergedRuns = divergedRuns
        }
    }

    public let xLabel: String
    public let yLabel: String
    public let xValues: [Double]
    public let yValues: [Double]
    public let metric: String
    public let cells: [Cell]
    /// The overlay curve through (overlayX, overlay) and its label, if requested.
    public let overlayX: [Double]
    public let overlay: [Double]
    public let overlayLabel: String?
    /// Cells served from the sweep's cell store instead of computed.
    public let reusedCells: Int

    public init(xLabel: String, yLabel: String, xValues: [Double], yValues: [Double], metric: String, cells: [Cell], overlayX: [Double],
                overlay: [Double], overlayLabel: String?, reusedCells: Int) {
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xValues = xValues
        self.yValues = yValues
        self.metric = metric
        self.cells = cells
        self.overlayX = overlayX
        self.overlay = overlay
        self.overlayLabel = overlayLabel
        self.reusedCells = reusedCells
    }

    /// results.json leaves out `reusedCells`: a resumed sweep has the same results.
    public static func == (lhs: SweepResult, rhs: SweepResult) -> Bool {
        lhs.xValues == rhs.xValues && lhs.yValues == rhs.yValues && lhs.cells == rhs.cells && lhs.overlayX == rhs.overlayX
            && lhs.overlay == rhs.overlay && lhs.metric == rhs.metric
    }

    var json: JSONValue {
        [
            "x_label": .string(xLabel), "y_label": .string(yLabel), "x_values": ResultValue.numbers(xValues),
            "y_values": ResultValue.numbers(yValues), "metric": .string(metric),
            "overlay_label": overlayLabel.map { .string($0) } ?? .null, "overlay_x": ResultValue.numbers(overlayX),
            "overlay": ResultValue.numbers(overlay),
            "cells": .array(cells.map { cell in
                ["x": .integer(cell.xIndex), "y": .integer(cell.yIndex), "key": .string(cell.key), "value": ResultValue.number(cell.value),
                 "diverged_runs": .integer(cell.divergedRuns)]
            }),
        ]
    }

    var arrays: [NamedArray] { [NamedArray(name: "cells", values: cells.map(\.value)), NamedArray(name: "overlay_x", values: overlayX),
                              NamedArray(name: "overlay", values: overlay)] }
}
