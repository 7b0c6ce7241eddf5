import ExperimentKinds
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

    /// Which depth-scale curve is drawn over the heatmap: `multiple` times xi_c of `activation`
    /// at bias variance `sigmaB2`.
    public struct OverlayCurve: Sendable, Equatable {
        public let activation: String
        public let sigmaB2: Double
        public let multiple: Double

        public init(activation: String, sigmaB2: Double, multiple: Double) {
            self.activation = activation
            self.sigmaB2 = sigmaB2
            self.multiple = multiple
        }
    }

    /// A cell the sweep's store does not hold: a report gathered from the store while cells
    /// were still missing or had failed shows it as such instead of inventing a value.
    public struct MissingCell: Sendable, Equatable {
        public let index: Int
        public let xIndex: Int
        public let yIndex: Int
        public let key: String

        public init(index: Int, xIndex: Int, yIndex: Int, key: String) {
            self.index = index
            self.xIndex = xIndex
            self.yIndex = yIndex
            self.key = key
        }
    }

    public let xLabel: String
    public let yLabel: String
    public let xValues: [Double]
    public let yValues: [Double]
    public let metric: SweepMetric
    public let cells: [Cell]
    /// The overlay curve through (overlayX, overlay) and what it is, if requested.
    public let overlayX: [Double]
    public let overlay: [Double]
    public let overlayCurve: OverlayCurve?
    /// Cells served from the sweep's cell store instead of computed.
    public let reusedCells: Int
    /// Cells without a result, in cell order (empty for a complete sweep).
    public let missingCells: [MissingCell]

    public init(
        xLabel: String, yLabel: String, xValues: [Double], yValues: [Double], metric: SweepMetric, cells: [Cell],
        overlayX: [Double],
        overlay: [Double], overlayCurve: OverlayCurve?, reusedCells: Int, missingCells: [MissingCell] = []
    ) {
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xValues = xValues
        self.yValues = yValues
        self.metric = metric
        self.cells = cells
        self.overlayX = overlayX
        self.overlay = overlay
        self.overlayCurve = overlayCurve
        self.reusedCells = reusedCells
        self.missingCells = missingCells
    }

    /// results.json leaves out `reusedCells`: a resumed sweep has the same results.
    public static func == (lhs: SweepResult, rhs: SweepResult) -> Bool {
        lhs.xLabel == rhs.xLabel && lhs.yLabel == rhs.yLabel && lhs.xValues == rhs.xValues
            && lhs.yValues == rhs.yValues && lhs.metric == rhs.metric && lhs.cells == rhs.cells
            && lhs.overlayX == rhs.overlayX && lhs.overlay == rhs.overlay && lhs.overlayCurve == rhs.overlayCurve
            && lhs.missingCells == rhs.missingCells
    }

    var json: JSONValue {
        var object: JSONValue = [
            "x_label": .string(xLabel), "y_label": .string(yLabel), "x_values": ResultValue.numbers(xValues),
            "y_values": ResultValue.numbers(yValues), "metric": .string(metric.rawValue),
            "overlay_curve": overlayCurve.map { curve in
                [
                    "activation": .string(curve.activation), "sigma_b2": .double(curve.sigmaB2),
                    "multiple": .double(curve.multiple),
                ]
            } ?? .null,
            "overlay_x": ResultValue.numbers(overlayX),
            "overlay": ResultValue.numbers(overlay),
            "cells": .array(
                cells.map { cell in
                    [
                        "x": .integer(cell.xIndex), "y": .integer(cell.yIndex), "key": .string(cell.key),
                        "value": ResultValue.number(cell.value),
                        "diverged_runs": .integer(cell.divergedRuns),
                    ]
                }),
        ]
        // Only an incomplete sweep has the key, so complete sweeps keep their pinned bytes.
        if !missingCells.isEmpty, case .object(var fields) = object {
            fields["missing_cells"] = .array(
                missingCells.map { cell in
                    [
                        "index": .integer(cell.index), "x": .integer(cell.xIndex), "y": .integer(cell.yIndex),
                        "key": .string(cell.key),
                    ]
                })
            object = .object(fields)
        }
        return object
    }

    var arrays: [NamedArray] {
        [
            NamedArray(name: "cells", values: cells.map(\.value)), NamedArray(name: "overlay_x", values: overlayX),
            NamedArray(name: "overlay", values: overlay),
        ]
    }
}
