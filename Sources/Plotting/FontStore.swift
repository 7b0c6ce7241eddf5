import CCairo
import Foundation
import Hashing

/// DejaVu Sans loaded straight from its TTF files through FreeType, so glyphs never depend on
/// fontconfig settings. One store per process; the faces live as long as the process.
final class FontStore: @unchecked Sendable {
    static let regularPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    static let boldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    /// The process-wide store, or why it could not be made.
    static let shared: Result<FontStore, PlottingError> = {
        do {
            return .success(try FontStore())
        } catch {
            return .failure(error as? PlottingError ?? PlottingError("\(error)"))
        }
    }()

    private let library: FT_Library
    let regular: OpaquePointer
    let bold: OpaquePointer
    let regularSHA256: String
    let freetypeVersion: String

    private init() throws(PlottingError) {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            throw PlottingError("FreeType could not be initialized")
        }
        self.library = library
        regular = try Self.face(Self.regularPath, library: library)
        bold = try Self.face(Self.boldPath, library: library)
        regularSHA256 = (try? SHA256.hash(fileAt: URL(fileURLWithPath: Self.regularPath)).hex) ?? "unreadable"
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        FT_Library_Version(library, &major, &minor, &patch)
        freetypeVersion = "\(major).\(minor).\(patch)"
    }

    /// A Cairo font face over the TTF at `path` (no hinting: identical output everywhere).
    private static func face(_ path: String, library: FT_Library) throws(PlottingError) -> OpaquePointer {
        var face: FT_Face?
        guard FT_New_Face(library, path, 0, &face) == 0, let face else {
            throw PlottingError(
                "cannot load the font \(path); install it with `make deps` (apt-get install fonts-dejavu-core)")
        }
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(face, Int32(FT_LOAD_NO_HINTING)) else {
            throw PlottingError("Cairo could not use the font \(path)")
        }
        return cairoFace
    }

    func face(for weight: TextStyle.Weight) -> OpaquePointer { weight == .bold ? bold : regular }

    /// Options that make glyph rendering independent of the system's font configuration.
    static func applyOptions(to context: OpaquePointer) {
        guard let options = cairo_font_options_create() else { return }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }
}
