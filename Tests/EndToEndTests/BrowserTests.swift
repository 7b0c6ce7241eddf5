import Foundation
import Testing

/// Headless Chromium (Debian's `chromium`, installed by `make test`) loading real reports.
enum Browser {
    static let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let unshare = FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") ? "/usr/bin/unshare" : nil

    /// Whether a network namespace can be made here (root on Linux): the browser then runs with
    /// no network at all, not just without a proxy.
    static let canIsolate: Bool = {
        guard let unshare else { return false }
        return (try? run(unshare, ["--net", "true"]).status) == 0
    }()

    static let skipReason: Comment =
        "chromium is not installed (make test installs Debian's chromium; skipped only when that package cannot be installed)"

    struct Output {
        let status: Int32
        let stdout: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self))
    }

    /// Loads `page` without network (in an empty network namespace when possible), records the
    /// browser's network log, and returns the DOM after the load event.
    static func load(_ page: URL, width: Int, netLog: URL? = nil, screenshot: URL? = nil) throws -> String {
        var arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--allow-file-access-from-files",
            "--proxy-server=127.0.0.1:9", "--virtual-time-budget=10000",
            // The browser's own services (updates, time, spelling dictionaries) stay quiet, so every
            // request left in the network log would be the page's.
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-spell-checking",
            "--disable-features=SpellcheckService,Translate,OptimizationHints,MediaRouter,NetworkTimeServiceQuerying",
            "--window-size=\(width),900",
            "--user-data-dir=\(page.deletingLastPathComponent().appendingPathComponent(".chromium-\(width)").path)",
        ]
        if let netLog { arguments.append("--log-net-log=\(netLog.path)") }
        arguments += screenshot.map { ["--screenshot=\($0.path)"] } ?? ["--dump-dom"]
        arguments.append(page.absoluteString)
        let browser = executable!
        let output = canIsolate ? try run(unshare!, ["--net", browser] + arguments) : try run(browser, arguments)
        return output.stdout
    }

    /// A copy of `page` with a probe script that, once everything has loaded, writes what the
    /// test checks into attributes of <body>: images decoded / images, and the layout width.
    static func probe(_ page: URL) throws -> URL {
        let probe = """
            <script>window.addEventListener("load", function () {
              var images = Array.prototype.slice.call(document.images);
              var decoded = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
              document.body.setAttribute("data-images", decoded + "/" + images.length);
              document.body.setAttribute("data-overflow", String(document.documentElement.scrollWidth - window.innerWidth));
            });</script>
            """
        // The page's Content-Security-Policy admits its own script only; the probe's copy drops it.
        var html = try String(contentsOf: page, encoding: .utf8).replacingOccurrences(
            of: "</body>", with: probe + "</body>")
        if let start = html.range(of: "<meta http-equiv=\"Content-Security-Policy\""),
            let end = html[start.upperBound...].range(of: ">")
        {
            html.removeSubrange(start.lowerBound..<end.upperBound)
        }
        let copy = page.deletingLastPathComponent().appendingPathComponent("probe-\(page.lastPathComponent)")
        try html.write(to: copy, atomically: true, encoding: .utf8)
        return copy
    }

    /// A page that shows `page` in a `width`-pixel frame (headless windows are at least 500 px
    /// wide, a phone is 390) and records, once it has loaded, how far the framed page's content
    /// reaches past the frame and how many of its images decoded.
    static func phoneFrame(_ page: URL, width: Int) throws -> URL {
        let html = """
            <!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="\(page.lastPathComponent)" style="width:\(width)px;height:800px;border:0"></iframe>
            <script>document.getElementById("f").addEventListener("load", function () {
              var d = this.contentDocument, images = Array.prototype.slice.call(d.images);
              var decoded = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
              document.body.setAttribute("data-images", decoded + "/" + images.length);
              document.body.setAttribute("data-overflow", String(d.documentElement.scrollWidth - this.contentWindow.innerWidth));
            });</script></body></html>
            """
        let frame = page.deletingLastPathComponent().appendingPathComponent("phone-\(page.lastPathComponent)")
        try html.write(to: frame, atomically: true, encoding: .utf8)
        return frame
    }

    static func attribute(_ name: String, in dom: String) -> String? {
        guard let range = dom.range(of: "\(name)=\"") else { return nil }
        return String(dom[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The http(s) requests a page made, from Chromium's network log: URL requests started on
    /// behalf of an origin (the browser's own services start theirs from "not an origin").
    static func pageRequests(in netLog: URL) throws -> [String] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: netLog)) as? [String: Any])
        let types = (log["constants"] as? [String: Any])?["logEventTypes"] as? [String: Int]
        let startJob = try #require(types?["URL_REQUEST_START_JOB"])
        let events = log["events"] as? [[String: Any]] ?? []
        return events.compactMap { event -> String? in
            guard event["type"] as? Int == startJob, let params = event["params"] as? [String: Any],
                let url = params["url"] as? String, url.hasPrefix("http"),
                params["initiator"] as? String != "not an origin"
            else { return nil }
            return url
        }
    }
}

@Suite(.enabled(if: Browser.executable != nil, Browser.skipReason)) struct BrowserTests {
    static let spec = """
        {"id": "browser", "title": "Browser check", "kind": "activations", "seed": 5,
         "description": "Two variants, so the page has several figures.",
         "references": ["glorot2010"],
         "input": {"distribution": "normal", "count": 64, "dimension": 16},
         "network": {"depth": 3, "width": 16, "activation": "tanh", "initializer": "glorot-normal"},
         "variants": [{"label": "Glorot", "initializer": "glorot-normal"}, {"label": "std 1", "initializer": {"name": "normal", "std": 1}}],
         "histogram": {"bins": 10, "range": "auto"},
         "figures": [{"type": "histograms", "size": "wide"}, {"type": "layer-statistics", "size": "column"}]}
        """

    /// `--self-contained`: the page shows every figure with the network gone, and the browser's
    /// network log holds no http(s) request.
    @Test func selfContainedReportShowsEveryFigureWithoutNetwork() throws {
        let workspace = try Workspace()
        try workspace.write("browser.json", Self.spec)
        #expect(try CLI.run(["run", "browser.json", "--quiet", "--self-contained"], in: workspace.url).status == 0)
        let page = workspace.url.appendingPathComponent("Reports/browser/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(
            !html.contains("src=\"http") && !html.contains("src=\"figures/") && !html.contains("@import")
                && !html.contains("url(http"))
        let netLog = workspace.url.appendingPathComponent("netlog.json")
        let dom = try Browser.load(try Browser.probe(page), width: 1280, netLog: netLog)
        let images = try #require(
            Browser.attribute("data-images", in: dom), "the probe did not run: \(dom.prefix(300))")
        let parts = images.split(separator: "/").compactMap { Int($0) }
        #expect(parts.count == 2 && parts[1] >= 2 && parts[0] == parts[1], "decoded/all images: \(images)")
        let requests = try Browser.pageRequests(in: netLog)
        #expect(requests.isEmpty, "requests made: \(requests)")
        // The check can fail: the same page with one external image is caught.
        let leaky = workspace.url.appendingPathComponent("Reports/browser/leaky.html")
        try html.replacingOccurrences(of: "</body>", with: #"<img src="http://example.invalid/figure.png"></body>"#)
            .write(to: leaky, atomically: true, encoding: .utf8)
        let leakyLog = workspace.url.appendingPathComponent("leaky-netlog.json")
        _ = try Browser.load(leaky, width: 1280, netLog: leakyLog)
        #expect(try Browser.pageRequests(in: leakyLog) == ["http://example.invalid/figure.png"])
    }

    /// The page reads on a phone: nothing wider than a 390 px screen; and at desktop width the
    /// screenshot is a real, non-blank rendering.
    @Test func reportFitsANarrowScreenAndRendersOnTheDesktop() throws {
        let workspace = try Workspace()
        try workspace.write("browser.json", Self.spec)
        #expect(try CLI.run(["run", "browser.json", "--quiet"], in: workspace.url).status == 0)
        let page = workspace.url.appendingPathComponent("Reports/browser/index.html")
        let narrow = try Browser.load(try Browser.phoneFrame(page, width: 390), width: 800)
        #expect(
            Browser.attribute("data-overflow", in: narrow) == "0",
            "horizontal overflow at 390 px: \(Browser.attribute("data-overflow", in: narrow) ?? "probe did not run")")
        #expect(Browser.attribute("data-images", in: narrow).map { !$0.hasPrefix("0/") } == true)
        let shot = workspace.url.appendingPathComponent("desktop.png")
        _ = try Browser.load(page, width: 1280, screenshot: shot)
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "screenshot of \(png.count) bytes")
    }
}
