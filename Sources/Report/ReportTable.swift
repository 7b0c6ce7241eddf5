/// A table on a report page; every cell is text and gets HTML-escaped by the template.
struct ReportTable {
    let id: String
    let caption: String
    let headers: [String]
    let rows: [[String]]

    /// The template's view of the table.
    var context: [String: Any] {
        [
            "id": id,
            "caption": caption,
            "headers": headers,
            "rows": rows.map { cells in ["first": cells.first ?? "", "rest": Array(cells.dropFirst())] },
        ]
    }
}
