/// The version of InitLab recorded in every manifest and cache key, and printed by
/// `initlab --version`: written here once.
public enum ToolVersion {
    public static let current = "0.1.0"

    /// "debug" or "release": recorded because a report must not depend on it (and tests prove
    /// that it does not).
    public static var buildConfiguration: String {
        #if DEBUG
            "debug"
        #else
            "release"
        #endif
    }

    /// The Swift compiler that built this binary, fixed at build time by `#if compiler`: the
    /// toolchain on PATH at run time may be another one (or none), and asking it costs a process
    /// and leaves a temporary folder behind.
    public static let compiler: String = {
        #if compiler(>=6.6)
            "Swift 6.6 or later"
        #elseif compiler(>=6.5)
            "Swift 6.5"
        #elseif compiler(>=6.4.3)
            "Swift 6.4.3"
        #elseif compiler(>=6.4.2)
            "Swift 6.4.2"
        #elseif compiler(>=6.4.1)
            "Swift 6.4.1"
        #elseif compiler(>=6.4)
            "Swift 6.4"
        #elseif compiler(>=6.3.3)
            "Swift 6.3.3"
        #elseif compiler(>=6.3.2)
            "Swift 6.3.2"
        #elseif compiler(>=6.3.1)
            "Swift 6.3.1"
        #elseif compiler(>=6.3)
            "Swift 6.3"
        #elseif compiler(>=6.2)
            "Swift 6.2"
        #elseif compiler(>=6.1)
            "Swift 6.1"
        #else
            "Swift 6.0"
        #endif
    }()
}
