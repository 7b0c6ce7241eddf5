import Plotting

/// Versions of the rendering stack and the font, for provenance.
struct RenderingEnvironment {
    let cairo: String
    let freetype: String
    let pixman: String
    let fontFile: String
    let fontSHA256: String

    static var current: RenderingEnvironment {
        RenderingEnvironment(
            cairo: RenderingStack.cairoVersion, freetype: RenderingStack.freetypeVersion,
            pixman: RenderingStack.pixmanVersion, fontFile: RenderingStack.fontFile,
            fontSHA256: RenderingStack.fontSHA256)
    }
}
