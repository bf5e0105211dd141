import ArgumentParser
import Foundation
import Redaction

/// `redact report --html FILE`: the review page of one run, from the audit log.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML review page of a run, from the audit log.",
        discussion: """
        One page, no external assets or network: counts per entity and verdict, then per
        document the published text with every decision highlighted (hover for entity, rule,
        confidence, operator and reason), near-misses and reviewer overrides included, and
        checkboxes to filter by entity and verdict. The text comes from the output files the
        run wrote, only where their SHA-256 still matches the log. Kept near-misses are
        masked as [kept ENTITY] unless --show-kept-text.

        Examples:
          redact report --html review.html                 # the latest run in the default log
          redact report --html review.html --run 3 --audit newsroom-audit.sqlite
        """
    )

    @Option(name: .long, help: ArgumentHelp("Where to write the page.", valueName: "FILE")) var html: String
    @OptionGroup var audit: AuditOptions
    @OptionGroup var keys: AuditKeyOptions
    @Option(name: .customLong("run"), help: ArgumentHelp("Run id (default: the latest run).", valueName: "ID"))
    var runID: Int64?
    @Flag(name: .long, help: "Show the text of kept near-misses instead of masking it.") var showKeptText = false

    func run() throws {
        let query = try audit.open()
        // The chain is checked with the key when it is at hand; the page says when it was not.
        let chainKeys = (try? keys.chainKeys(audit: audit.audit)) ?? []
        let report = try ReviewReport.load(from: query, run: runID, showKeptText: showKeptText, keys: chainKeys)
        try AtomicFileWriter.write(Array(HTMLReport.render(report).utf8), to: html)
        let decisions = report.documents.reduce(0) { $0 + $1.decisions.count }
        Console.error("report: \(html): \(report.documents.count) documents, \(decisions) decisions")
    }
}
