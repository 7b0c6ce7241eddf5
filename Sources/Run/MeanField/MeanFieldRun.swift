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
        progress.report(experiment: spec.id, stage: "mean-field maps", fractionDone: 0)
        let diagram = experiment.phaseDiagram.map(computePhaseDiagram)
        progress.report(experiment: spec.id, stage: "depth scales", fractionDone: 0.4)
        let scales = experiment.depthScales.map(computeDepthScales)
        progress.report(experiment: spec.id, stage: "correlation against depth", fractionDone: 0.5)
        let curves = experiment.correlationDepth.map(computeCorrelationCurves) ?? []
        progress.report(experiment: spec.id, stage: "finite-width networks", fractionDone: 0.7)
        let measured = experiment.empirical.map { computeEmpirical($0, seed: spec.seed) }
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

    static func computePhaseDiagram(_ section: MeanFieldExperiment.PhaseDiagram) -> MeanFieldResult.PhaseDiagram {
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

    static func computeDepthScales(_ section: MeanFieldExperiment.DepthScales) -> MeanFieldResult.DepthScales {
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
                }
            }
        }
        let critical = EdgeOfChaos(activation: section.activation).critical(sigmaB2: section.sigmaB2)?.sigmaW2
        return MeanFieldResult.DepthScales(
            activation: section.activation.label, sigmaB2: section.sigmaB2, sigmaW2: points,
            xiC: xiC, xiQ: xiQ, critical: critical)
    }

    /// 1 - c^l on the edge of chaos for each activation and bias variance (Hayou et al. 2019).
    static func computeCorrelationCurves(_ section: MeanFieldExperiment.CorrelationDepth) -> [MeanFieldResult
        .CorrelationCurve]
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
                guard let point = edge.critical(sigmaB2: sigmaB2) else { return }
                let field = MeanField(activation: activation, sigmaW2: point.sigmaW2, sigmaB2: point.sigmaB2)
                let gaps = CorrelationMap(field, q: point.q).iterateOneMinus(from: section.c0, depth: section.depth)
                shared.value[index] = MeanFieldResult.CorrelationCurve(
                    activation: activation.label, sigmaB2: sigmaB2, sigmaW2: point.sigmaW2, qStar: point.q,
                    repelling: point.stability == .repelling, singleCriticalPoint: edge.isSinglePoint,
                    inverseSquareAsymptote: edge.inverseSquareCorrelationAsymptote, oneMinusC: gaps)
            }
        }
        return curves.compactMap { $0 }
    }

    static func computeEmpirical(_ section: MeanFieldExperiment.Empirical, seed: UInt64) -> MeanFieldResult.Empirical {
        let field = MeanField(activation: section.activation, sigmaW2: section.sigmaW2, sigmaB2: section.sigmaB2)
        let simulation = FiniteWidthSimulation(meanField: field, width: section.width, depth: section.depth)
        let (_, summary) = simulation.run(
            q0: section.q0, c0: section.c0, seeds: section.seeds, root: RandomStream(seed: seed, path: "empirical"))
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
