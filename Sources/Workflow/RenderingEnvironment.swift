import Foundation
import Hashing
import Plotting

/// Versions of the rendering stack and the fonts, for provenance and the report cache key.
struct RenderingEnvironment {
    let cairo: String
    let freetype: String
    let pixman: String
    let fontFile: String
    let fontSHA256: String
    let boldFontFile: String
    let boldFontSHA256: String
    /// Path and SHA-256 of each loaded library that draws or encodes figures.
    let libraries: [(path: String, sha256: String)]

    static var current: RenderingEnvironment {
        RenderingEnvironment(
            cairo: RenderingStack.cairoVersion, freetype: RenderingStack.freetypeVersion,
            pixman: RenderingStack.pixmanVersion, fontFile: RenderingStack.fontFile,
            fontSHA256: RenderingStack.fontSHA256, boldFontFile: RenderingStack.boldFontFile,
            boldFontSHA256: RenderingStack.boldFontSHA256, libraries: loadedRenderingLibraries)
    }

    /// Everything here as (name, value) pairs, in a fixed order, for the cache key.
    var keyedInputs: [(String, String)] {
        [
            ("cairo", cairo), ("freetype", freetype), ("pixman", pixman), ("font", "\(fontFile) \(fontSHA256)"),
            ("bold-font", "\(boldFontFile) \(boldFontSHA256)"),
        ] + libraries.map { ("library", "\($0.path) \($0.sha256)") }
    }

    /// The figure libraries mapped into this process (/proc/self/maps), hashed once: a patched
    /// libpng or zlib keeps its version string but may change the bytes of every PNG and PDF.
    static let loadedRenderingLibraries: [(path: String, sha256: String)] = {
        let prefixes = ["libcairo.so", "libpixman-1.so", "libfreetype.so", "libpng16.so", "libz.so"]
        // procfs files report size 0, so read to the end rather than by size.
        let maps = String(
            decoding: FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        let paths = Set(
            maps.split(separator: "\n").compactMap { line -> String? in
                guard let slash = line.firstIndex(of: "/") else { return nil }
                let path = String(line[slash...])
                let name = (path as NSString).lastPathComponent
                return prefixes.contains { name.hasPrefix($0) } ? path : nil
            })
        return paths.sorted().map { path in
            (path, (try? SHA256.hash(fileAt: URL(fileURLWithPath: path)).hex) ?? "unreadable")
        }
    }()
}
