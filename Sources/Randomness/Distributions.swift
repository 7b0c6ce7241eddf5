import Foundation

/// Conversions from random bits to the distributions InitLab draws from.
///
/// All of them are exact functions of the stream's bits, computed in a fixed order; the only
/// platform dependence is the C library's `log`, `cos` and `sin` used by the normal conversion.
extension RandomStream {
    /// Uniform on [0, 1) with 53 random bits: `(bits >> 11) * 2^-53`.
    public mutating func nextUniform() -> Double {
        Double(nextUInt64() >> 11) * 0x1p-53
    }

    /// Uniform on [low, high): `low + (high - low) * u`.
    public mutating func nextUniform(low: Double, high: Double) -> Double {
        low + (high - low) * nextUniform()
    }

    /// Uniform on [0, 1) in single precision with 24 random bits: `(bits >> 8) * 2^-24`.
    public mutating func nextUniformFloat() -> Float {
        Float(nextUInt32() >> 8) * 0x1p-24
    }

    /// Standard normal N(0, 1) by the Box-Muller transform.
    ///
    /// Each pair of uniforms (u1, u2) gives `r cos(2 pi u2)` now and `r sin(2 pi u2)` on the next
    /// call, with `r = sqrt(-2 ln(1 - u1))`; `1 - u1` lies in (0, 1], so the logarithm is finite.
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let u1 = 1 - nextUniform()
        let u2 = nextUniform()
        let radius = (-2 * Foundation.log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = radius * Foundation.sin(angle)
        return radius * Foundation.cos(angle)
    }

    /// Normal with the given mean and standard deviation.
    public mutating func nextNormal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * nextNormal()
    }

    /// Standard normal restricted to the open interval (-bound, bound), by rejection.
    ///
    /// The result has standard deviation `TruncatedNormal.standardDeviation(bound:)` (0.8796 for
    /// the usual bound 2), NOT 1: callers that want a given standard deviation after truncation
    /// divide by it, see `nextTruncatedNormal(standardDeviationAfterTruncation:bound:)`.
    public mutating func nextTruncatedNormal(bound: Double = 2) -> Double {
        precondition(bound > 0.1, "truncation bound must exceed 0.1 standard deviations")
        while true {
            let z = nextNormal()
            if abs(z) < bound { return z }
        }
    }

    /// A truncated normal whose standard deviation AFTER truncation is `sigma`: a standard normal
    /// cut at +-`bound`, scaled by `sigma / TruncatedNormal.standardDeviation(bound:)`. The cut is
    /// then at +-`bound * sigma / c`, e.g. +-2.2737 sigma for bound 2 (the Keras/JAX convention).
    public mutating func nextTruncatedNormal(standardDeviationAfterTruncation sigma: Double, bound: Double = 2)
        -> Double
    {
        nextTruncatedNormal(bound: bound) * sigma / TruncatedNormal.standardDeviation(bound: bound)
    }

    /// Uniform integer in 0..<upperBound without bias (Lemire's multiply-and-reject method).
    public mutating func nextInt(below upperBound: Int) -> Int {
        precondition(upperBound > 0 && upperBound <= Int(UInt32.max), "upper bound out of range")
        let n = UInt32(upperBound)
        var product = UInt64(nextUInt32()) &* UInt64(n)
        var low = UInt32(truncatingIfNeeded: product)
        if low < n {
            let threshold = (0 &- n) % n
            while low < threshold {
                product = UInt64(nextUInt32()) &* UInt64(n)
                low = UInt32(truncatingIfNeeded: product)
            }
        }
        return Int(product >> 32)
    }

    /// A uniformly random permutation of 0..<count (Fisher-Yates, drawing from the top down).
    public mutating func permutation(_ count: Int) -> [Int] {
        var values = Array(0..<count)
        var index = count - 1
        while index > 0 {
            values.swapAt(index, nextInt(below: index + 1))
            index -= 1
        }
        return values
    }
}

/// Facts about the standard normal truncated symmetrically at +-bound.
public enum TruncatedNormal {
    /// Standard deviation of N(0, 1) restricted to (-b, b):
    /// sqrt(1 - 2 b phi(b) / (2 Phi(b) - 1)). For b = 2 it is 0.87962566103423978.
    public static func standardDeviation(bound b: Double) -> Double {
        let density = Foundation.exp(-b * b / 2) / (2 * Double.pi).squareRoot()
        let mass = Foundation.erf(b / 2.0.squareRoot())
        return (1 - 2 * b * density / mass).squareRoot()
    }
}
