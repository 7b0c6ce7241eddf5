import Spec
import Testing

@testable import Report

/// A reference URL becomes a link only when it cannot run script (issue 9: `javascript:` ran
/// when clicked, in normal and self-contained pages alike).
@Suite struct ReferenceLinkTests {
    static func reference(_ url: String) -> Reference {
        Reference(key: "k", authors: "A", title: "T", venue: "V", year: 2020, url: url)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd",
    ])
    func unsafeSchemesAreLeftOut(url: String) {
        #expect(ExperimentPage.link(of: Self.reference(url)) == nil)
    }

    @Test(arguments: ["https://doi.org/10.1/x", "HTTP://example.org", "../notes.html", "paper.pdf#page=2", "a/b:c"])
    func httpAndRelativeLinksAreKept(url: String) {
        #expect(ExperimentPage.link(of: Self.reference(url)) == url)
    }
}
