import Crypto

/// One column value as the hash chain sees it: SQLite's storage classes that the chained
/// tables use.
enum ChainValue: Sendable, Equatable {
    case null
    case int(Int64)
    case text(String)

    init(_ text: String?) { self = text.map(ChainValue.text) ?? .null }
    init(_ number: Int?) { self = number.map { .int(Int64($0)) } ?? .null }
}

/// The hash chain over the audit log: which tables are chained, which of their columns,
/// and how an entry's hash is computed.
///
/// Every `run`, `document`, `decision`, `override` and `run_end` row written by schema 3
/// or later is one chain entry, numbered by `seq` (1, 2, 3, … across the tables, in
/// insertion order). Its `hash` is SHA-256 over an unambiguous encoding of
/// `(table, id, seq, prev_hash, columns…)`, and `prev_hash` is the previous entry's hash
/// (the genesis hash for seq 1). So an edited column changes that row's hash; a deleted
/// row leaves a gap in `seq`; an inserted row either has no `seq` or breaks the next
/// entry's `prev_hash`; swapped rows hash their ids. A truncated tail is consistent by
/// itself: only a head hash kept outside the database (`redact run` prints it) detects it.
///
/// The encoding: the ASCII tag `redact-chain-1`, then each item as one tag byte followed by
/// `N` (null), or `I` + 8 bytes big-endian, or `T` + 8-byte big-endian length + UTF-8 bytes.
/// No key is involved: anyone holding the file can verify it.
enum AuditChain {
    /// A chained table and the columns its hash covers, in hash order. `id`, `seq`,
    /// `prev_hash` and `hash` are handled separately.
    struct Table: Sendable {
        var name: String
        var columns: [String]

        /// `"end"` quoted: END is a keyword.
        var columnList: String { columns.map { $0 == "end" ? "\"end\"" : $0 }.joined(separator: ", ") }

        var insertSQL: String {
            let placeholders = Array(repeating: "?", count: columns.count + 4).joined(separator: ", ")
            return "INSERT INTO \(name) (id, \(columnList), seq, prev_hash, hash) VALUES (\(placeholders))"
        }

        /// The chained rows in id order: id, seq, prev_hash, hash, then the columns.
        func selectSQL(after prechain: Int64) -> String {
            "SELECT id, seq, prev_hash, hash, \(columnList) FROM \(name) WHERE id > \(prechain) ORDER BY id"
        }
    }

    /// The run's columns known when it starts; how it ended is the separate `run_end` entry,
    /// so no hashed row is ever updated. (`run.ended_at`, `status` and the counts are still
    /// filled for readers, and `verify` checks them against `run_end`.)
    static let run = Table(name: "run", columns: [
        "tool_version", "command", "argv", "rules_digest", "policy_digest", "policy_name", "key_id",
        "started_at", "manifest_sha256", "review_sha256",
    ])
    static let document = Table(name: "document", columns: [
        "run_id", "path", "format", "input_sha256", "output_sha256", "output_path", "status", "error",
        "records", "bytes",
    ])
    static let decision = Table(name: "decision", columns: [
        "document_id", "record", "field", "start", "end", "byte_start", "byte_end", "line", "col",
        "output_start", "output_end", "rule", "entity", "confidence", "verdict", "reason", "operator",
        "value_hmac", "evidence",
    ])
    static let override = Table(name: "override", columns: [
        "run_id", "decision_id", "action", "reviewer", "reason", "source", "target",
    ])
    static let runEnd = Table(name: "run_end", columns: [
        "run_id", "ended_at", "status", "documents", "decisions", "errors",
    ])

    /// Every chained table, in the order `verify` reports them.
    static let tables = [run, document, decision, override, runEnd]

    /// The `prev_hash` of entry 1. It covers how many rows of each table predate the chain
    /// (written before schema 3), so those bounds cannot be raised to hide a row.
    static func genesis(prechainRuns: Int64, documents: Int64, decisions: Int64) -> String {
        var hasher = SHA256()
        hasher.update(data: Array("redact-chain-1".utf8))
        for item: ChainValue in [.text("genesis"), .int(prechainRuns), .int(documents), .int(decisions)] {
            append(item, to: &hasher)
        }
        return ValueFingerprinter.hex(hasher.finalize())
    }

    /// The hash of one entry.
    static func hash(table: String, id: Int64, seq: Int64, prevHash: String, values: [ChainValue]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array("redact-chain-1".utf8))
        append(.text(table), to: &hasher)
        append(.int(id), to: &hasher)
        append(.int(seq), to: &hasher)
        append(.text(prevHash), to: &hasher)
        for value in values { append(value, to: &hasher) }
        return ValueFingerprinter.hex(hasher.finalize())
    }

    private static func append(_ value: ChainValue, to hasher: inout SHA256) {
        switch value {
        case .null:
            hasher.update(data: [UInt8(ascii: "N")])
        case .int(let number):
            hasher.update(data: [UInt8(ascii: "I")] + bigEndian(UInt64(bitPattern: number)))
        case .text(let text):
            var bytes = [UInt8(ascii: "T")] + bigEndian(UInt64(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
            hasher.update(data: bytes)
        }
    }

    private static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }
}
