import Foundation
import LinearAlgebra
import Network
import Randomness
import Results
import Spec
import Theory

/// Kind "meanfield": the theory computed for each requested section.
enum MeanFieldRun {
    static func run(_ experiment: MeanFieldExperiment, spec: ExperimentSpec, progress: RunProgress) -> MeanFieldResult {
        // Each section's share of the bar is its share of the estimated time; each reports per
        // cell, point, pair or layer, so a large grid or a deep map is never silent.
        let estimate = TimeEstimate.of(spec)
        let names = ["phase diagram", "depth scales", "correlation against depth", "finite-width networks"]
        let seconds = names.map { name in estimate.parts.first { $0.name == name }?.seconds ?? 0 }
        let total = max(seconds.reduce(0, +), 1e-9)
        var start = 0.0
        func stage(_ index: Int, steps: Int) -> StageProgress {
            let end = start + seconds[index] / total
            defer { start = end }
            return StageProgress(progress, experiment: spec.id, stage: names[index], from: start, to: end, total: steps)
        }
        let diagram = experiment.phaseDiagram.map { section in
            computePhaseDiagram(section, progress: stage(0, steps: section.rows * section.columns))
        }
        let scales = experiment.depthScales.map { section in
            computeDepthScales(section, progress: stage(1, steps: section.points))
        }
        let curves =
            experiment.correlationDepth.map { section in
                computeCorrelationCurves(
                    section,
                    progress: stage(2, steps: section.activations.count * max(section.sigmaB2.count, 1) * section.depth)
                )
            } ?? []
        let measured = experiment.empirical.map { section in
            computeEmpirical(section, seed: spec.seed, progress: stage(3, steps: section.seeds * section.depth))
        }
        progress.report(experiment: spec.id, stage: "done", fractionDone: 1)
        return MeanFieldResult(
            phaseDiagram: diagram, depthScales: scales, correlationCurves: curves, empirical: measured)
    }

    /// Evenly spaced cell edges and centres.
    static func grid(_ range: ClosedRange<Double>, cells: Int) -> (edges: [Double], centres: [Double]) {
        let step = (range.upperBound - range.lowerBound) / Double(cells)
        let edges = (0...cells).map { range.lowerBound + Double($0) * step }
        return (edges, (0..<cells).map { range.lowerBound + (Double($0) + 0.5) * step })
    }

    static func computePhaseDiagram(_ section: MeanFieldExperiment.PhaseDiagram, progress: StageProgress? = nil)
        -> MeanFieldResult.PhaseDiagram
    {
        let (wEdges, wCentres) = grid(section.sigmaW2, cells: section.columns)
        let (bEdges, bCentres) = grid(section.sigmaB2, cells: section.rows)
        var values = [Double](repeating: .nan, count: section.rows * section.columns)
        values.withUnsafeMutableBufferPointer { buffer in
            let shared = UncheckedSendable(buffer)
            ParallelLoop.run(section.rows * section.columns) { index in
                let summary = MeanFieldSummary(
                    MeanField(
                        activation: section.activation, sigmaW2: wCentres[index % section.columns],
                        sigmaB2: bCentres[index / section.columns]))
                shared.value[index] = section.showsCorrelation ? summary.correlationFixedPoint : summary.xiC
                progress?.step()
            }
        }
        let curve = EdgeOfChaos(activation: section.activation)
            .curve(q: (0...400).map { pow(10, -6 + Double($0) * 0.0225) })
            .filter {
                $0.sigmaW2.isFinite && $0.sigmaB2 >= section.sigmaB2.lowerBound
                    && $0.sigmaB2 <= section.sigmaB2.upperBound
                    && section.sigmaW2.contains($0.sigmaW2)
            }
            .map { ($0.sigmaW2, $0.sigmaB2) }
        return MeanFieldResult.PhaseDiagram(
            activation: section.activation.label, sigmaW2Edges: wEdges, sigmaB2Edges: bEdges,
            values: (0..<section.rows).map { row in
                Array(values[(row * section.columns)..<((row + 1) * section.columns)])
            },
            showsCorrelation: section.showsCorrelation, criticalLine: curve)
    }

    static func computeDepthScales(_ section: MeanFieldExperiment.DepthScales, progress: StageProgress? = nil)
        -> MeanFieldResult.DepthScales
    {
        let points = (0..<section.points).map {
            section.sigmaW2.lowerBound + (section.sigmaW2.upperBound - section.sigmaW2.lowerBound) * Double($0)
                / Double(section.points - 1)
        }
        var xiC = [Double](repeating: .nan, count: points.count)
        var xiQ = xiC
        xiC.withUnsafeMutableBufferPointer { c in
            xiQ.withUnsafeMutableBufferPointer { q in
                let shared = UncheckedSendable((c, q))
                ParallelLoop.run(points.count) { index in
                    let summary = MeanFieldSummary(
                        MeanField(activation: section.activation, sigmaW2: points[index], sigmaB2: section.sigmaB2))
                    shared.value.0[index] = summary.xiC
                    shared.value.1[index] = summary.xiQ
                    progress?.step()
                }
            }
        }
        let critical = EdgeOfChaos(activation: section.activation).critical(sigmaB2: section.sigmaB2)?.sigmaW2
        return MeanFieldResult.DepthScales(
            activation: section.activation.label, sigmaB2: section.sigmaB2, sigmaW2: points,
            xiC: xiC, xiQ: xiQ, critical: critical)
    }

    /// 1 - c^l on the edge of chaos for each activation and bias variance (Hayou et al. 2019).
    static func computeCorrelationCurves(
        _ section: MeanFieldExperiment.CorrelationDepth, progress: StageProgress? = nil
    )
        -> [MeanFieldResult.CorrelationCurve]
    {
        var pairs: [(Activation, Double)] = []
        for activation in section.activations {
            // A single-point edge of chaos (ReLU) exists only at sigma_b^2 = 0.
            if EdgeOfChaos(activation: activation).isSinglePoint {
                pairs.append((activation, 0))
            } else {
                pairs += section.sigmaB2.map { (activation, $0) }
            }
        }
        var curves = [MeanFieldResult.CorrelationCurve?](repeating: nil, count: pairs.count)
        curves.withUnsafeMutableBufferPointer { buffer in
            let shared = UncheckedSendable(buffer)
            ParallelLoop.run(pairs.count) { index in
                let (activation, sigmaB2) = pairs[index]
                let edge = EdgeOfChaos(activation: activation)
                guard let point = edge.critical(sigmaB2: sigmaB2) else {
                    progress?.step(section.depth)
                    return
                }
                let field = MeanField(activation: activation, sigmaW2: point.sigmaW2, sigmaB2: point.sigmaB2)
                var reported = 0
                let gaps = CorrelationMap(field, q: point.q).iterateOneMinus(from: section.c0, depth: section.depth) {
                    layers in
                    progress?.step(layers - reported)
                    reported = layers
                }
                progress?.step(section.depth - reported)
                shared.value[index] = MeanFieldResult.CorrelationCurve(
                    activation: activation.label, sigmaB2: sigmaB2, sigmaW2: point.sigmaW2, qStar: point.q,
                    repelling: point.stability == .repelling, singleCriticalPoint: edge.isSinglePoint,
                    inverseSquareAsymptote: edge.inverseSquareCorrelationAsymptote, oneMinusC: gaps)
            }
        }
        return curves.compactMap { $0 }
    }

    static func computeEmpirical(
        _ section: MeanFieldExperiment.Empirical, seed: UInt64, progress: StageProgress? = nil
    ) -> MeanFieldResult.Empirical {
        let field = MeanField(activation: section.activation, sigmaW2: section.sigmaW2, sigmaB2: section.sigmaB2)
        let simulation = FiniteWidthSimulation(meanField: field, width: section.width, depth: section.depth)
        var layerDone: (@Sendable () -> Void)?
        if let progress { layerDone = { progress.step() } }
        let (_, summary) = simulation.run(
            q0: section.q0, c0: section.c0, seeds: section.seeds, root: RandomStream(seed: seed, path: "empirical"),
            layerDone: layerDone)
        let predicted = simulation.prediction(q0: section.q0, c0: section.c0)
        let within = (0..<section.depth).filter {
            abs(summary.qMean[$0] - predicted.q[$0]) <= 3 * summary.qStandardError[$0]
        }.count
        return MeanFieldResult.Empirical(
            activation: section.activation.label, width: section.width, seeds: section.seeds, predictedQ: predicted.q,
            predictedC: predicted.c, measuredQ: summary.qMean, qStandardError: summary.qStandardError,
            measuredC: summary.cMean,
            cStandardError: summary.cStandardError, qWithinThreeErrors: within)
    }
}
