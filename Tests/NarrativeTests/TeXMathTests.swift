import Testing

@testable import Narrative

/// The TeX subset: each construct the seeds' formulas use, and what lies outside it.
@Suite struct TeXMathTests {
    private func body(_ tex: String) -> String {
        let math = TeXMath.mathML(tex, display: false)
        let start = math.range(of: "<semantics><mrow>")!.upperBound
        let end = math.range(of: "</mrow><annotation")!.lowerBound
        return String(math[start..<end])
    }

    @Test func fractionsRootsAndScripts() {
        #expect(body(#"\frac{2}{n}"#) == "<mfrac><mrow><mn>2</mn></mrow><mrow><mi>n</mi></mrow></mfrac>")
        #expect(body(#"\sqrt{x}"#) == "<msqrt><mrow><mi>x</mi></mrow></msqrt>")
        #expect(body(#"\sqrt[3]{x}"#) == "<mroot><mrow><mi>x</mi></mrow><mrow><mn>3</mn></mrow></mroot>")
        #expect(body("n_{in}") == "<msub><mi>n</mi><mrow><mrow><mi>i</mi><mi>n</mi></mrow></mrow></msub>")
        #expect(body("x_i^2") == "<msubsup><mi>x</mi><mrow><mi>i</mi></mrow><mrow><mn>2</mn></mrow></msubsup>")
        #expect(body("10.5") == "<mn>10.5</mn>")
    }

    @Test func greekOperatorsAndNames() {
        #expect(body(#"\sigma^2"#) == "<msup><mi>σ</mi><mrow><mn>2</mn></mrow></msup>")
        #expect(body(#"\Gamma"#) == "<mi mathvariant=\"normal\">Γ</mi>")
        #expect(
            body(#"W \sim \mathcal{N}(0, 1)"#).hasPrefix("<mi>W</mi><mo>∼</mo><mi>𝒩</mi><mo stretchy=\"false\">(</mo>"))
        #expect(body(#"\operatorname{Var}(W)"#).hasPrefix("<mi>Var</mi><mo stretchy=\"false\">(</mo>"))
        #expect(body(#"\left( x \right)"#) == "<mo stretchy=\"true\">(</mo><mi>x</mi><mo stretchy=\"true\">)</mo>")
        #expect(body(#"\Var"#) == "<mi>Var</mi>")
        #expect(body(#"\E"#) == "<mi mathvariant=\"normal\">E</mi>")
        #expect(body(#"\mathbb{E}"#) == "<mi>𝔼</mi>")
        #expect(body("a-b") == "<mi>a</mi><mo>−</mo><mi>b</mi>")
        #expect(
            body(#"\sum_{i=1}^{n} x_i"#).hasPrefix("<munderover><mo>∑</mo><mrow><mrow><mi>i</mi><mo>=</mo><mn>1</mn>"))
    }

    @Test func alignedBecomesATableWithAlternatingColumns() {
        let math = body(#"\begin{aligned} a &= b \\ c &= d \end{aligned}"#)
        #expect(
            math.hasPrefix(
                "<mtable displaystyle=\"true\"><mtr><mtd columnalign=\"right\"><mrow><mi>a</mi></mrow></mtd>"))
        #expect(math.components(separatedBy: "<mtr>").count == 3)
        #expect(math.contains("<mtd columnalign=\"left\"><mrow><mo>=</mo><mi>b</mi></mrow></mtd>"))
    }

    @Test func displayAndAnnotationAreEscaped() {
        let math = TeXMath.mathML("a < b & c", display: true)
        #expect(math.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
        #expect(math.contains("<mo>&lt;</mo>") && math.contains("a &lt; b &amp; c</annotation>"))
        #expect(!math.contains("a < b"))
    }

    @Test func unknownCommandsAreReportedAndShownAsErrors() {
        #expect(TeXMath.unknownCommands(in: #"\frac{1}{2} \foo \alpha \begin{tikz}"#) == [#"\foo"#, #"\begin{tikz}"#])
        #expect(body(#"\foo"#) == "<merror><mtext>\\foo</mtext></merror>")
        #expect(TeXMath.unknownCommands(in: #"\frac{2}{n_{\text{in}}}"#).isEmpty)
        #expect(body(#"\text{<script>}"#) == "<mtext>&lt;script&gt;</mtext>")
    }
}
