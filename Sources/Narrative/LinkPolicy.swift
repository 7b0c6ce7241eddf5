/// Which link targets user prose may use: http and https URLs, relative paths and `#fragment`s.
/// Everything else (`javascript:`, `data:`, `vbscript:`, `file:`, protocol-relative `//host`)
/// is refused: a link in a report must never run code or reach outside the web.
public enum LinkPolicy {
    /// Whether `url` may be the target of a link or image.
    public static func allows(_ url: String) -> Bool {
        // Browsers drop tabs and newlines inside URLs and ignore leading spaces and control
        // characters, so "java\tscript:" is javascript: to them; refuse those outright.
        guard !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" }) else {
            return false
        }
        if url.hasPrefix("//") { return false }
        let lowered = url.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return true }
        // A relative reference has no scheme: no ':' before the first '/', '?' or '#'.
        let head = lowered.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !head.contains(":") && !head.contains("&")
    }

    /// Why `url` is refused, for error messages.
    public static let expectation = "an http(s) URL, a relative path or a #fragment"
}
