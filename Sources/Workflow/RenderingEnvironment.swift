/// Versions of the rendering stack and the font, for provenance.
struct RenderingEnvironment {
    let cairo: String
    let freetype: String
    let pixman: String
    let fontFile: String
    let fontSHA256: String

    static var current: RenderingEnvironment {
        RenderingEnvironment(cairo: "pending", freetype: "pending", pixman: "pending", fontFile: "pending", fontSHA256: "pending")
    }
}
