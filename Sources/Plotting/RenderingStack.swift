import CCairo
import Foundation
import Hashing

/// Versions of the libraries and the font that determine figure bytes, for provenance.
public enum RenderingStack {
    public static var cairoVersion: String { String(cString: cairo_version_string()) }

    public static var pixmanVersion: String { String(cString: pixman_version_string()) }

    public static var freetypeVersion: String { (try? FontStore.shared.get().freetypeVersion) ?? "unavailable" }

    public static var fontFile: String { FontStore.regularPath }

    public static var fontSHA256: String { (try? FontStore.shared.get().regularSHA256) ?? "unavailable" }

    /// The bold face, used for titles and panel letters.
    public static var boldFontFile: String { FontStore.boldPath }

    public static let boldFontSHA256: String =
        (try? SHA256.hash(fileAt: URL(fileURLWithPath: FontStore.boldPath)).hex) ?? "unreadable"
}
