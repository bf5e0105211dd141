/// Renders a ``ReviewReport`` as one self-contained HTML page: no external asset, no
/// network (a Content-Security-Policy forbids both), so it can be mailed to a lawyer and
/// opened offline.
///
/// Counts per entity and verdict on top, then per document the published text with each
/// decision highlighted (hover shows entity, rule, confidence, operator, reason) and a table
/// of every decision, near-misses and reviewer overrides included. Checkboxes filter by
/// entity and verdict. Everything from the log or the files is HTML-escaped.
public enum HTMLReport {
    public static func render(_ report: ReviewReport) -> String {
        var html = HTMLBuilder()
        html.raw("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        html.raw("style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        html.text(report.title)
        html.raw("</title>\n<style>\n\(HTMLReportAssets.style)</style>\n</head>\n<body>\n<header>\n<h1>")
        html.text(report.title)
        html.raw("</h1>\n")
        if let warning = report.integrityWarning {
            html.raw("<p class=\"tampered\" role=\"alert\">")
            html.text(warning)
            html.raw("</p>\n")
        }
        facts(report.facts, into: &html)
        html.raw("</header>\n")
        let items = report.documents.flatMap(\.decisions)
        counts(items, into: &html)
        filters(items, into: &html)
        for (index, document) in report.documents.enumerated() {
            self.document(document, number: index + 1, into: &html)
        }
        if report.documents.isEmpty { html.raw("<p class=\"note\">This run recorded no documents.</p>\n") }
        html.raw("<script>\n\(HTMLReportAssets.script)</script>\n</body>\n</html>\n")
        return html.finished
    }

    private static func facts(_ facts: [ReviewReport.Fact], into html: inout HTMLBuilder) {
        guard !facts.isEmpty else { return }
        html.raw("<dl class=\"facts\">\n")
        for fact in facts {
            html.raw("<dt>")
            html.text(fact.label)
            html.raw("</dt><dd>")
            html.text(fact.value)
            html.raw("</dd>\n")
        }
        html.raw("</dl>\n")
    }

    static let kinds = [("redact", "redacted"), ("keep", "kept (near-miss)"), ("override", "overridden by a reviewer")]

    /// Entity × verdict counts over the whole run.
    private static func counts(_ items: [ReviewReport.Item], into html: inout HTMLBuilder) {
        let entities = Set(items.map(\.entity)).sorted()
        html.raw("<section id=\"counts\">\n<h2>Decisions</h2>\n<table class=\"counts\">\n<thead><tr><th>entity</th>")
        for (_, title) in kinds { html.raw("<th>"); html.text(title); html.raw("</th>") }
        html.raw("<th>total</th></tr></thead>\n<tbody>\n")
        for entity in entities + ["all"] {
            let chosen = entity == "all" ? items : items.filter { $0.entity == entity }
            html.raw(entity == "all" ? "<tr class=\"total\"><th>all</th>" : "<tr><th>")
            if entity != "all" { html.text(entity); html.raw("</th>") }
            for (kind, _) in kinds { html.raw("<td>\(chosen.filter { $0.kind == kind }.count)</td>") }
            html.raw("<td>\(chosen.count)</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n</section>\n")
    }

    private static func filters(_ items: [ReviewReport.Item], into html: inout HTMLBuilder) {
        html.raw("<form id=\"filters\">\n<fieldset><legend>verdict</legend>\n")
        for (kind, title) in kinds {
            html.raw("<label><input type=\"checkbox\" name=\"kind\" value=\"\(kind)\" checked> ")
            html.text(title)
            html.raw("</label>\n")
        }
        html.raw("</fieldset>\n<fieldset><legend>entity</legend>\n")
        for entity in Set(items.map(\.entity)).sorted() {
            html.raw("<label><input type=\"checkbox\" name=\"entity\" value=\"")
            html.attribute(entity)
            html.raw("\" checked> ")
            html.text(entity)
            html.raw("</label>\n")
        }
        html.raw("</fieldset>\n</form>\n")
    }

    private static func document(_ document: ReviewReport.Document, number: Int, into html: inout HTMLBuilder) {
        html.raw("<section class=\"document\" id=\"doc\(number)\">\n<h2>")
        html.text(document.path)
        html.raw(" <span class=\"status\">")
        html.text(document.status)
        html.raw("</span></h2>\n")
        facts(document.facts, into: &html)
        let items = Dictionary(document.decisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var marked = Set<Int64>()
        for excerpt in document.excerpts {
            if let label = excerpt.label {
                html.raw("<h3>")
                html.text(label)
                html.raw("</h3>\n")
            }
            html.raw("<pre class=\"text\">")
            marked.formUnion(HTMLReportText.highlighted(excerpt, items: items, into: &html))
            html.raw("</pre>\n")
        }
        if let note = document.textNote ?? (document.excerpts.isEmpty ? "No published text for this document." : nil) {
            html.raw("<p class=\"note\">")
            html.text(note)
            html.raw("</p>\n")
        }
        decisionTable(document.decisions, marked: marked, into: &html)
        html.raw("</section>\n")
    }

    private static func decisionTable(_ items: [ReviewReport.Item], marked: Set<Int64>, into html: inout HTMLBuilder) {
        guard !items.isEmpty else {
            html.raw("<p class=\"note\">No decisions.</p>\n")
            return
        }
        html.raw("<table class=\"decisions\">\n<thead><tr><th>#</th><th>line:col</th><th>where</th><th>entity</th>")
        html.raw("<th>rule</th><th>confidence</th><th>verdict</th><th>operator</th><th>reason</th></tr></thead>\n<tbody>\n")
        for item in items {
            html.raw("<tr id=\"r\(item.id)\" class=\"k-\(item.kind)\" data-kind=\"\(item.kind)\" data-entity=\"")
            html.attribute(item.entity)
            html.raw("\"><td>")
            if marked.contains(item.id) { html.raw("<a href=\"#d\(item.id)\">\(item.id)</a>") } else { html.raw("\(item.id)") }
            for cell in [item.position, item.location, item.entity, item.rule, item.confidence, item.verdict,
                         item.operatorName ?? "—"] {
                html.raw("</td><td>")
                html.text(cell)
            }
            html.raw("</td><td>")
            html.text(item.reason)
            if let override = item.override {
                html.raw("<div class=\"override\">")
                html.text("Overridden to \(override.action) by \(override.reviewer): \(override.reason)")
                html.raw("</div>")
            }
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
    }
}
