/// The version of InitLab recorded in every manifest and cache key.
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
}
