import Results
import Spec
import Theory

/// The mean-field depth-scale curve drawn over a sweep's heatmap: `multiple` x xi_c on a fine
/// grid of sigma_w^2 from the first cell's outer edge to the last's (the sweep grid itself is
/// too coarse near the edge of chaos, where xi_c diverges).
///
/// The curve takes seconds, so it is computed in chunks, each stored the moment it is done: a
/// sweep killed again and again still makes progress on every restart.
struct SweepOverlay {
    let x: [Double]
    let y: [Double]
    let curve: SweepResult.OverlayCurve

    /// Points per stored chunk (about a second of work each).
    static let chunkSize = 20

    init(_ request: SweepExperiment.Overlay, axisValues: [Double], store: SweepCellStore?) {
        let values = axisValues.sorted()
        let low = values.count > 1 ? values[0] - (values[1] - values[0]) / 2 : values[0] - 0.5
        let high =
            values.count > 1
            ? values[values.count - 1] + (values[values.count - 1] - values[values.count - 2]) / 2 : values[0] + 0.5
        x = (0...200).map { low + (high - low) * Double($0) / 200 }
        var depthScales: [Double] = []
        for start in stride(from: 0, to: x.count, by: Self.chunkSize) {
            let chunk = Array(x[start..<min(start + Self.chunkSize, x.count)])
            depthScales += Self.depthScales(chunk, request: request, store: store)
        }
        y = depthScales.map { request.multiple * $0 }
        curve = SweepResult.OverlayCurve(
            activation: request.activation.label, sigmaB2: request.sigmaB2, multiple: request.multiple)
    }

    /// xi_c at each sigma_w^2 of `chunk`, from the store when a previous run computed it.
    static func depthScales(_ chunk: [Double], request: SweepExperiment.Overlay, store: SweepCellStore?) -> [Double] {
        // Exact bit patterns: the key must change with any argument, however small the change.
        let arguments = chunk.map { String($0.bitPattern, radix: 16) }.joined(separator: ",")
        let description =
            "mean-field xi_c activation=\(request.activation) sigma_b2=\(String(request.sigmaB2.bitPattern, radix: 16)) sigma_w2=[\(arguments)]"
        let key = store?.key(forComputation: description)
        if let key, let stored = store?.loadValues(key: key), stored.count == chunk.count { return stored }
        let values = chunk.map { sigmaW2 in
            MeanFieldSummary(MeanField(activation: request.activation, sigmaW2: sigmaW2, sigmaB2: request.sigmaB2)).xiC
        }
        if let key { store?.saveValues(values, key: key) }
        return values
    }
}
