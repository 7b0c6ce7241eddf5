import Foundation

/// Expectations over standard Gaussians by Gauss-Legendre quadrature on pieces split at 0
/// (where the kinked activations bend) rather than Gauss-Hermite, whose error falls only like
/// 1/n for kinked integrands.
enum GaussianExpectation {
    /// Breakpoints in units of z: the Gaussian is below 1e-32 beyond 12.
    static let breakpoints: [Double] = [-12, -8, -5, -3, -1.5, 0, 1.5, 3, 5, 8, 12]

    /// E[f(z)], z ~ N(0, 1).
    static func oneDimensional(_ f: (Double) -> Double) -> Double {
        var sum = 0.0
        let rule = GaussLegendre.fine
        for (a, b) in zip(breakpoints, breakpoints.dropFirst()) {
            sum += rule.integrate(a, b) { z in f(z) * exp(-z * z / 2) }
        }
        return sum / (2 * Double.pi).squareRoot()
    }

    /// Radii for the polar rule.
    static let radii: [Double] = [0, 1, 2, 3, 4.5, 6, 8, 12]

    /// E[f(u1, u2)] where u1 = z1 and u2 = c z1 + sqrt(1 - c^2) z2, z1, z2 ~ N(0, 1) independent,
    /// in polar coordinates (z1, z2) = r (cos t, sin t): u1 = r cos t, u2 = r cos(t - a) with
    /// cos a = c. The angle is split where u1 or u2 changes sign (t = ±pi/2, a ± pi/2), so each
    /// piece is smooth for activations kinked at 0.
    static func twoDimensional(correlation c: Double, _ f: (Double, Double) -> Double) -> Double {
        let clamped = min(max(c, -1), 1)
        let alpha = acos(clamped)
        var cuts = [-Double.pi / 2, Double.pi / 2, alpha - Double.pi / 2, alpha + Double.pi / 2, 3 * Double.pi / 2]
            .map { angle -> Double in
                var t = angle.truncatingRemainder(dividingBy: 2 * Double.pi)
                if t < 0 { t += 2 * Double.pi }
                return t
            }
        cuts += [0, 2 * Double.pi]
        cuts = Array(Set(cuts)).sorted()
        let rule = GaussLegendre.coarse
        var total = 0.0
        for (t0, t1) in zip(cuts, cuts.dropFirst()) where t1 - t0 > 1e-15 {
            total += rule.integrate(t0, t1) { t in
                let cosT = cos(t)
                let cosShifted = cos(t - alpha)
                var radial = 0.0
                for (r0, r1) in zip(radii, radii.dropFirst()) {
                    radial += rule.integrate(r0, r1) { r in f(r * cosT, r * cosShifted) * r * exp(-r * r / 2) }
                }
                return radial
            }
        }
        return total / (2 * Double.pi)
    }
}
