import ArgumentParser
import Foundation
import Redaction

/// `redact audit summary`: counts per run and document, entity × verdict × operator.
struct AuditSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Counts per run and document: entity × verdict × operator, and the findings kept by redact:allow markers.")

    @OptionGroup var options: AuditOptions
    @Option(name: .customLong("run"), help: ArgumentHelp("Only this run.", valueName: "ID")) var runID: Int64?

    func run() throws {
        let query = try options.open()
        let run = runID
        let rows = try query.summary(run: run)
        let runs = Dictionary(uniqueKeysWithValues: try query.runs().map { ($0.id, $0) })
        let marked = try query.inlineAllowCounts(run: run)
        var lastRun: Int64?
        var lastDocument: Int64?
        /// A document's findings kept by `redact:allow` markers, after its entity rows.
        func printMarked(_ document: Int64?) {
            guard let document, let entry = marked[document] else { return }
            let lines = entry.lines.map(String.init).joined(separator: ", ")
            Console.out("    \(String(entry.count).leftPadded(6))  kept by inline allow markers (\(InlineAllowMarker.marker))"
                        + (lines.isEmpty ? "" : " on line\(entry.lines.count == 1 ? "" : "s") \(lines)"))
        }
        for row in rows {
            if row.runID != lastRun, let info = runs[row.runID] {
                Console.out("run \(info.id)  \(info.startedAt)  \(info.status ?? "running")  policy \(info.policyName)  key \(info.keyID)"
                            + (info.head.map { "  head \($0)" } ?? ""))
                lastRun = row.runID
            }
            if row.documentID != lastDocument {
                printMarked(lastDocument)
                Console.out("  \(row.path)")
                lastDocument = row.documentID
            }
            let operatorText = row.operator.isEmpty ? "" : " (\(row.operator))"
            Console.out("    \(String(row.count).leftPadded(6))  \(row.entity)  \(row.verdict)\(operatorText)")
        }
        printMarked(lastDocument)
        if rows.isEmpty { Console.out("no decisions" + (run.map { " in run \($0)" } ?? "")) }
    }
}

/// Filters shared by `list` and `export`.
struct DecisionFilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only this run.", valueName: "ID")) var run: Int64?
    @Option(name: .long, help: ArgumentHelp("Only this document path (as recorded).", valueName: "PATH")) var file: String?
    @Option(name: .long, help: ArgumentHelp("Only this entity.", valueName: "ENTITY")) var entity: String?
    @Option(name: .long, help: ArgumentHelp("Only this rule id.", valueName: "RULE")) var rule: String?
    @Option(name: .long, help: ArgumentHelp("Only this verdict.", valueName: "redact|keep")) var verdict: String?
    @Option(name: .long, help: ArgumentHelp("Only this confidence.", valueName: "low|medium|high")) var confidence: String?

    func validate() throws {
        if let verdict, !["redact", "keep"].contains(verdict) { throw ValidationError("--verdict must be redact or keep") }
        if let confidence, !["low", "medium", "high"].contains(confidence) {
            throw ValidationError("--confidence must be low, medium or high")
        }
    }

    var filter: DecisionFilter {
        var filter = DecisionFilter()
        filter.run = run
        filter.file = file
        filter.entity = entity
        filter.rule = rule
        filter.verdict = verdict
        filter.confidence = confidence
        return filter
    }
}

/// `redact audit list`: decisions, filtered, as a table or JSON Lines.
struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List decisions (filtered) as a table or JSON Lines; never a value.")

    enum Format: String, ExpressibleByArgument { case table, jsonl }

    @OptionGroup var options: AuditOptions
    @OptionGroup var filters: DecisionFilterOptions
    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "table|jsonl")) var format: Format = .table

    func run() throws {
        let records = try options.open().decisions(filters.filter)
        if format == .table {
            Console.out("id\trun\tfile\trecord\tfield\tline:col\tentity\trule\tconfidence\tverdict\toperator\toverride")
        }
        for record in records {
            Console.out(format == .jsonl ? AuditRows.json(record) : AuditRows.tableLine(record))
        }
    }
}

/// `redact audit export`: every decision (filtered) for the reviewer's own tools.
struct AuditExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export decisions as CSV or JSON Lines (fingerprints, never values).")

    enum Format: String, ExpressibleByArgument { case csv, jsonl }

    @OptionGroup var options: AuditOptions
    @OptionGroup var filters: DecisionFilterOptions
    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "csv|jsonl")) var format: Format

    func run() throws {
        let records = try options.open().decisions(filters.filter)
        if format == .csv { Console.out(AuditRows.csvHeader) }
        for record in records {
            Console.out(format == .csv ? AuditRows.csv(record) : AuditRows.json(record))
        }
    }
}

/// `redact audit show ID`: one decision, its evidence, and masked context.
struct AuditShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one decision with its evidence and its context in the redacted output, every value masked.",
        discussion: """
        The context comes from the redacted copy the run wrote (the log holds no text), read
        only if its SHA-256 still matches the log. In it the decision is marked ⟦…⟧, every
        redaction appears as the run wrote it, and every kept finding is masked as [kept ENTITY].
        """
    )

    @OptionGroup var options: AuditOptions
    @Argument(help: ArgumentHelp("Decision id (from `redact audit list`).", valueName: "DECISION")) var decision: Int64
    @Option(name: .long, help: ArgumentHelp("Context width on each side, in characters.", valueName: "N")) var context: Int = 60

    func run() throws {
        let query = try options.open()
        let record = try query.decision(id: decision)
        let document = try query.documents(run: record.runID).first { $0.id == record.documentID }
        for line in AuditRows.detail(record, document: document) { Console.out(line) }
        guard let document else { return }
        guard let text = query.outputField(of: document, record: record.decision.record, field: record.decision.field) else {
            Console.out("context:    not available (no redacted copy, or it changed since the run)")
            return
        }
        let siblings = try query.decisions(run: record.runID, document: record.documentID)
            .filter { $0.decision.record == record.decision.record && $0.decision.field == record.decision.field }
        Console.out("context:    " + MaskedContext.render(text: text, target: record, siblings: siblings, width: max(0, context)))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
