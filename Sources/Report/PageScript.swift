import Foundation
import Hashing

/// The few lines of JavaScript a report page carries, and the Content-Security-Policy that lets
/// only them run: a script or event handler that got into the page any other way (user text is
/// escaped and the narrative sanitized, so none should) is blocked by the browser.
struct PageScript {
    let source: String

    /// `<meta http-equiv="Content-Security-Policy">` allowing this script alone.
    var policyTag: String {
        let hash = Data(SHA256.hash(source).bytes).base64EncodedString()
        return "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'sha256-\(hash)'; "
            + "object-src 'none'; base-uri 'none'; form-action 'none'\">"
    }

    /// The `<script>` element; its text is exactly what the policy's hash covers.
    var element: String { "<script>\(source)</script>" }

    /// The experiment page: copy buttons for the citation snippets.
    static let copyButtons = PageScript(
        source: """

            document.querySelectorAll("button.copy").forEach(function (button) {
              button.addEventListener("click", function () {
                var text = document.getElementById(button.dataset.target).innerText;
                var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = button.dataset.label; }, 1500); };
                button.dataset.label = button.dataset.label || button.textContent;
                if (navigator.clipboard) { navigator.clipboard.writeText(text).then(done); }
                else { var area = document.createElement("textarea"); area.value = text; document.body.appendChild(area); area.select(); document.execCommand("copy"); area.remove(); done(); }
              });
            });

            """)

    /// The index: the filter form is shown (it is hidden without JavaScript, where every report
    /// stays listed) and hides the reports whose kind or text does not match.
    static let indexFilter = PageScript(
        source: """

            (function () {
              var form = document.getElementById("filter"), kind = document.getElementById("kind"), search = document.getElementById("search");
              var items = Array.prototype.slice.call(document.querySelectorAll("ul.reports > li"));
              var count = document.getElementById("shown");
              form.hidden = false;
              function apply() {
                var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean), shown = 0;
                items.forEach(function (item) {
                  var text = item.dataset.text;
                  var match = (!kind.value || item.dataset.kind === kind.value) && words.every(function (w) { return text.indexOf(w) >= 0; });
                  item.hidden = !match;
                  if (match) { shown += 1; }
                });
                count.textContent = shown + " of " + items.length + " shown";
              }
              form.addEventListener("submit", function (event) { event.preventDefault(); });
              kind.addEventListener("change", apply);
              search.addEventListener("input", apply);
              apply();
            })();

            """)
}
