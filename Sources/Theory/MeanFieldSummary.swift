import Foundation
import Network

/// Everything the mean-field theory says about one (activation, sigmaW2, sigmaB2): the numbers
/// `initlab meanfield` prints.
public struct MeanFieldSummary: Sendable {
    public enum Phase: String, Sendable {
        case ordered
        case chaotic
        case critical
        /// The variance map has no attracting fixed point.
        case divergent
    }

    public let meanField: MeanField
    /// The smallest attracting fixed point, or `.diverges`.
    public let fixedPoint: MeanField.FixedPoint
    /// The smallest fixed point when it repels (a finite network drifts away from it).
    public let repellingFixedPoint: Double?
    public let chi1: Double
    /// Slope of the variance map at q* (Q'(q*)).
    public let qSlope: Double
    public let correlationFixedPoint: Double
    public let chiC: Double
    /// Depth scales; infinite on the edge of chaos.
    public let xiQ: Double
    public let xiC: Double
    public let phase: Phase

    /// |chi1 - 1| below this counts as critical.
    public static let criticalTolerance = 1e-6

    public init(_ meanField: MeanField) {
        self.meanField = meanField
        fixedPoint = meanField.fixedPoint
        if case .point(let q, let slope) = meanField.smallestFixedPoint,
            FixedPointStability(slope: slope) != .attracting, fixedPoint.q != q
        {
            repellingFixedPoint = q
        } else {
            repellingFixedPoint = nil
        }
        guard case .point(let q, let slope) = fixedPoint else {
            chi1 = .nan
            qSlope = .nan
            correlationFixedPoint = .nan
            chiC = .nan
            xiQ = .nan
            xiC = .nan
            phase = .divergent
            return
        }
        qSlope = slope
        chi1 = meanField.chi1(at: q)
        if abs(chi1 - 1) < Self.criticalTolerance {
            phase = .critical
        } else {
            phase = chi1 < 1 ? .ordered : .chaotic
        }
        let map = CorrelationMap(meanField, q: q)
        if q == 0 {
            // At q* = 0 every input collapses to the same point.
            correlationFixedPoint = 1
            chiC = chi1
        } else {
            correlationFixedPoint = map.fixedPoint(chi1: chi1)
            chiC = correlationFixedPoint == 1 ? chi1 : map.slope(correlationFixedPoint)
        }
        xiQ = -1 / log(slope)
        xiC = -1 / log(chiC)
    }
}
