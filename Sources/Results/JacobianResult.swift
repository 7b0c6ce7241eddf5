import JSON

/// The outcome of a "jacobian" experiment: squared singular values of J per variant and depth.
public struct JacobianResult: Sendable, Equatable {
    public struct Spectrum: Sendable, Equatable {
        public let depth: Int
        /// Eigenvalues of J J^T, ascending.
        public let squaredSingularValues: [Double]
        public let predictedMean: Double
        public let predictedVariance: Double

        public init(depth: Int, squaredSingularValues: [Double], predictedMean: Double, predictedVariance: Double) {
            self.depth = depth
            self.squaredSingularValues = squaredSingularValues
            self.predictedMean = predictedMean
            self.predictedVariance = predictedVariance
        }

        public var mean: Double { squaredSingularValues.reduce(0, +) / Double(max(squaredSingularValues.count, 1)) }
        public var variance: Double {
            let m = mean
            return squaredSingularValues.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(squaredSingularValues.count, 1))
        }
    }

    public struct Variant: Sendable, Equatable {
        public let key: String
        public let label: String
        public let sigmaW2: Double
        public let sigmaB2: Double
        public let qStar: Double
        public let chi1: Double
        public let spectra: [Spectrum]


        public init(key: String, label: String, sigmaW2: Double, sigmaB2: Double, qStar: Double, chi1: Double, spectra: [Spectrum]) {

            self.key = key

            self.label = label

            self.sigmaW2 = sigmaW2

            self.sigmaB2 = sigmaB2

            self.qStar = qStar

            self.chi1 = chi1

            self.spectra = spectra

        }
    }

    public let width: Int
    public let variants: [Variant]

    public init(width: Int, variants: [Variant]) {
        self.width = width
        self.variants = variants
    }

    var json: JSONValue {
        [
            "width": .integer(width),
            "variants": .array(variants.map { variant in
                [
                    "key": .string(variant.key), "label": .string(variant.label), "sigma_w2": .double(variant.sigmaW2),
                    "sigma_b2": .double(variant.sigmaB2), "q_star": .double(variant.qStar), "chi1": .double(variant.chi1),
                    "spectra": .array(variant.spectra.map { spectrum in
                        [
                            "depth": .integer(spectrum.depth), "mean": ResultValue.number(spectrum.mean),
                            "variance": ResultValue.number(spectrum.variance), "predicted_mean": ResultValue.number(spectrum.predictedMean),
                            "predicted_variance": ResultValue.number(spectrum.predictedVariance),
                            "squared_singular_values": ResultValue.numbers(spectrum.squaredSingularValues),
                        ]
                    }),
                ]
            }),
        ]
    }

    var arrays: [NamedArray] {
        variants.flatMap { variant in
            variant.spectra.map { NamedArray(name: "variants/\(variant.key)/depth/\($0.depth)", values: $0.squaredSingularValues) }
        }
    }
}

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
    /// The overlay curve (x, y) and its label, if requested.
    public let overlay: [Double]
    public let overlayLabel: String?
    /// Cells served from the sweep's cell store instead of computed.
    public let reusedCells: Int

    public init(xLabel: String, yLabel: String, xValues: [Double], yValues: [Double], metric: String, cells: [Cell], overlay: [Double],
                overlayLabel: String?, reusedCells: Int) {
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xValues = xValues
        self.yValues = yValues
        self.metric = metric
        self.cells = cells
        self.overlay = overlay
        self.overlayLabel = overlayLabel
        self.reusedCells = reusedCells
    }

    /// results.json leaves out `reusedCells`: a resumed sweep has the same results.
    public static func == (lhs: SweepResult, rhs: SweepResult) -> Bool {
        lhs.xValues == rhs.xValues && lhs.yValues == rhs.yValues && lhs.cells == rhs.cells && lhs.overlay == rhs.overlay && lhs.metric == rhs.metric
    }

    var json: JSONValue {
        [
            "x_label": .string(xLabel), "y_label": .string(yLabel), "x_values": ResultValue.numbers(xValues),
            "y_values": ResultValue.numbers(yValues), "metric": .string(metric),
            "overlay_label": overlayLabel.map { .string($0) } ?? .null, "overlay": ResultValue.numbers(overlay),
            "cells": .array(cells.map { cell in
                ["x": .integer(cell.xIndex), "y": .integer(cell.yIndex), "key": .string(cell.key), "value": ResultValue.number(cell.value),
                 "diverged_runs": .integer(cell.divergedRuns)]
            }),
        ]
    }

    var arrays: [NamedArray] { [NamedArray(name: "cells", values: cells.map(\.value)), NamedArray(name: "overlay", values: overlay)] }
}
