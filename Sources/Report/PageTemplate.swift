import Mustache

/// The report's built-in page templates. They are string literals of this module, so a template
/// that does not compile is a programming error caught by the first test that renders a page.
enum PageTemplate {
    static func compile(_ text: String) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch {
            preconditionFailure("built-in page template does not compile: \(error)")
        }
    }
}
