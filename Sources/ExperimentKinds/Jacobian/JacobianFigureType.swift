/// The figures of a "jacobian" experiment.
public enum JacobianFigureType: String, CaseIterable, Sendable, Hashable {
    /// Histograms of the squared singular values per variant and depth.
    case spectra
    /// Measured against predicted moments of the spectrum.
    case spectrumMoments = "spectrum-moments"
}
