import Testing

@testable import Narrative

@Suite struct LinkPolicyTests {
    @Test func webAndRelativeLinksPass() {
        for url in [
            "https://arxiv.org/abs/1502.01852", "http://example.org", "figures/a.png", "#fig-x", "../index.html",
            "data.csv?x=1",
        ] {
            #expect(LinkPolicy.allows(url), "\(url)")
        }
    }

    @Test func scriptsAndOtherSchemesAreRefused() {
        for url in [
            "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)",
            "data:text/html,<script>", "vbscript:x", "file:///etc/passwd", "//evil.example/x", "javascript&#58;x",
            "\\\\evil/x",
        ] {
            #expect(!LinkPolicy.allows(url), "\(url)")
        }
    }
}
