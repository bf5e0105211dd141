/// The audit database's schema as an ordered list of migrations, keyed by
/// `PRAGMA user_version`.
///
/// To change the schema, append a migration with the next version; never edit a shipped
/// one, since existing logs have already run it. SQLite cannot alter a CHECK constraint
/// or a column type in place, so a later migration that needs to does the usual
/// create-copy-drop-rename inside its script.
enum AuditSchema {
    /// One step from `version - 1` to `version`. The script ends by setting
    /// `PRAGMA user_version` to `version` (pragmas take no bound parameters, so the number
    /// is written out rather than interpolated); ``migrate(_:path:)`` checks that it did.
    struct Migration {
        var version: Int
        var sql: String
    }

    /// Marks the file as a Redact audit log ("RDCT"), so a path pointing at some other
    /// application's database is refused instead of having our tables added to it.
    static let applicationID: Int32 = 0x5244_4354

    static let migrations: [Migration] = [
        Migration(version: 1, sql: version1),
        Migration(version: 2, sql: version2),
        Migration(version: 3, sql: version3),
        Migration(version: 4, sql: version4),
    ]

    /// The newest version this build knows how to read and write.
    static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Version 1. Some constraints are invariants the rest of the pipeline relies on
    /// and that back the log's promise of holding no personal value: `value_hmac` must be
    /// 64 characters, JSON columns must be JSON, spans must be well-formed. (AuditLog also
    /// checks that `value_hmac` is lowercase hex before binding it: the equivalent
    /// `NOT GLOB '*[^0-9a-f]*'` constraint measured 3 µs per row, more than the insert.)
    /// `"end"` is quoted because END is an SQL keyword.
    /// There is deliberately no index on `value_hmac`: random keys cost one index page per
    /// decision and cut the insert rate 2.5× (measured: 65k vs 160k decisions/s), while
    /// looking a value up is a rare, interactive query that a full scan answers.
    private static let version1 = """
        PRAGMA application_id = 1380205396; -- 0x52444354, AuditSchema.applicationID

        CREATE TABLE run (
            id INTEGER PRIMARY KEY,
            tool_version TEXT NOT NULL,
            command TEXT NOT NULL,
            argv TEXT NOT NULL CHECK (json_valid(argv) AND json_type(argv) = 'array'),
            rules_digest TEXT NOT NULL,
            policy_digest TEXT NOT NULL,
            policy_name TEXT NOT NULL,
            key_id TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT,
            documents INTEGER,
            decisions INTEGER,
            errors INTEGER
        ) STRICT;

        CREATE TABLE document (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES run(id),
            path TEXT NOT NULL,
            format TEXT NOT NULL,
            input_sha256 TEXT NOT NULL,
            output_sha256 TEXT,
            output_path TEXT,
            status TEXT NOT NULL,
            error TEXT,
            records INTEGER NOT NULL,
            bytes INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE decision (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES document(id),
            record INTEGER NOT NULL,
            field TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            byte_start INTEGER NOT NULL,
            byte_end INTEGER NOT NULL,
            rule TEXT NOT NULL,
            entity TEXT NOT NULL,
            confidence TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('redact', 'keep')),
            reason TEXT NOT NULL,
            operator TEXT,
            value_hmac TEXT NOT NULL CHECK (length(value_hmac) = 64),
            evidence TEXT NOT NULL CHECK (json_valid(evidence) AND json_type(evidence) = 'object'),
            CHECK (0 <= start AND start <= "end" AND 0 <= byte_start AND byte_start <= byte_end)
        ) STRICT;

        CREATE INDEX document_run_id ON document(run_id);
        CREATE INDEX decision_document_id ON decision(document_id);

        PRAGMA user_version = 1;
        """

    /// Version 2: the numbers behind sequential pseudonyms (`Person 3`) and `{n}` labels, so
    /// that a rerun with the same HMAC key numbers the same values the same way. Keyed by the
    /// key id and the value's keyed fingerprint (never the value); one number per value and
    /// entity, and one value per number.
    private static let version2 = """
        CREATE TABLE pseudonym_number (
            key_id TEXT NOT NULL,
            entity TEXT NOT NULL,
            value_hmac TEXT NOT NULL CHECK (length(value_hmac) = 64),
            number INTEGER NOT NULL CHECK (number > 0),
            run_id INTEGER NOT NULL REFERENCES run(id),
            PRIMARY KEY (key_id, entity, value_hmac),
            UNIQUE (key_id, entity, number)
        ) STRICT;

        PRAGMA user_version = 2;
        """

    /// Version 3: the hash chain (see ``AuditChain``), what a run needs to be reproduced,
    /// where each decision sits (line, column) and where its replacement landed in the
    /// output, and reviewer overrides.
    ///
    /// Rows written before this version are *pre-chain*: `chain_state` records how many
    /// there were (and the genesis hash covers those counts), `verify` reports them as not
    /// covered, and nothing vouches for them. Chaining them at migration time would have
    /// certified rows nobody had protected until then.
    ///
    /// - `run.manifest_sha256`: a `blob` listing every rule, policy and list file the run
    ///   read with its SHA-256 (the files themselves stay out: rule examples and deny lists
    ///   hold personal values, which the log never does). `review_sha256`: the review file's.
    /// - `run_end`: how a run ended, as a chain entry; the `run` row is never re-hashed.
    /// - `decision.line`, `col`: 1-based, in the input file. `output_start`, `output_end`:
    ///   Unicode code point offsets into the output field's value (see `AuditDecision`).
    private static let version3 = """
        ALTER TABLE run ADD COLUMN manifest_sha256 TEXT;
        ALTER TABLE run ADD COLUMN review_sha256 TEXT;
        ALTER TABLE run ADD COLUMN seq INTEGER;
        ALTER TABLE run ADD COLUMN prev_hash TEXT;
        ALTER TABLE run ADD COLUMN hash TEXT;

        ALTER TABLE document ADD COLUMN seq INTEGER;
        ALTER TABLE document ADD COLUMN prev_hash TEXT;
        ALTER TABLE document ADD COLUMN hash TEXT;

        ALTER TABLE decision ADD COLUMN line INTEGER;
        ALTER TABLE decision ADD COLUMN col INTEGER;
        ALTER TABLE decision ADD COLUMN output_start INTEGER;
        ALTER TABLE decision ADD COLUMN output_end INTEGER;
        ALTER TABLE decision ADD COLUMN seq INTEGER;
        ALTER TABLE decision ADD COLUMN prev_hash TEXT;
        ALTER TABLE decision ADD COLUMN hash TEXT;

        CREATE TABLE run_end (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL UNIQUE REFERENCES run(id),
            ended_at TEXT NOT NULL,
            status TEXT NOT NULL,
            documents INTEGER NOT NULL,
            decisions INTEGER NOT NULL,
            errors INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT;

        CREATE TABLE override (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES run(id),
            decision_id INTEGER NOT NULL REFERENCES decision(id),
            action TEXT NOT NULL CHECK (action IN ('redact', 'keep')),
            reviewer TEXT NOT NULL,
            reason TEXT NOT NULL,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            seq INTEGER NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT;
        CREATE INDEX override_run_id ON override(run_id);

        CREATE TABLE blob (
            sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
            kind TEXT NOT NULL,
            content TEXT NOT NULL
        ) STRICT;

        CREATE TABLE chain_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            prechain_runs INTEGER NOT NULL,
            prechain_documents INTEGER NOT NULL,
            prechain_decisions INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            head TEXT
        ) STRICT;
        INSERT INTO chain_state (id, prechain_runs, prechain_documents, prechain_decisions, seq, head)
        VALUES (1, (SELECT coalesce(max(id), 0) FROM run), (SELECT coalesce(max(id), 0) FROM document),
                (SELECT coalesce(max(id), 0) FROM decision), 0, NULL);

        PRAGMA user_version = 3;
        """

    /// Version 4: log, then publish; a keyed chain.
    ///
    /// - `publication`: a chained mark per published output, written after the rename (the
    ///   document row, with the staged file's hash, is committed before it). `document.staged_path`
    ///   (not chained: a hint for recovery) names the temporary file the rename takes.
    /// - `run.pid`: the process that writes a run (not chained), so a later run or
    ///   `audit recover` can tell a killed run from one still going.
    /// - `pseudonym_number` joins the chain (its `rowid` is the entry id).
    /// - `chain_migration`: the keyed entry that attests what a migrated log held (see
    ///   ``AuditChain/migration``); AuditLog writes it in the same transaction as this script.
    /// - `chain_state.keyed_from`: the first keyed entry's position (entries before it are
    ///   schema 3's unkeyed ones); `prechain_pseudonyms`: the pseudonym rows before the chain.
    private static let version4 = """
        ALTER TABLE document ADD COLUMN staged_path TEXT;
        -- Recovery looks for the few rows still staged, at every run's start.
        CREATE INDEX document_staged ON document(id) WHERE staged_path IS NOT NULL;
        ALTER TABLE run ADD COLUMN pid INTEGER;

        CREATE TABLE publication (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL UNIQUE REFERENCES document(id),
            outcome TEXT NOT NULL CHECK (outcome IN ('published', 'withdrawn')),
            at TEXT NOT NULL,
            seq INTEGER NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT;

        ALTER TABLE pseudonym_number ADD COLUMN seq INTEGER;
        ALTER TABLE pseudonym_number ADD COLUMN prev_hash TEXT;
        ALTER TABLE pseudonym_number ADD COLUMN hash TEXT;

        CREATE TABLE chain_migration (
            id INTEGER PRIMARY KEY,
            key_id TEXT NOT NULL,
            from_version INTEGER NOT NULL,
            prechain_runs INTEGER NOT NULL,
            prechain_documents INTEGER NOT NULL,
            prechain_decisions INTEGER NOT NULL,
            prechain_pseudonyms INTEGER NOT NULL,
            pseudonyms_digest TEXT NOT NULL,
            unkeyed_entries INTEGER NOT NULL,
            unkeyed_head TEXT NOT NULL,
            seq INTEGER NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT;

        ALTER TABLE chain_state ADD COLUMN keyed_from INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE chain_state ADD COLUMN prechain_pseudonyms INTEGER NOT NULL DEFAULT 0;
        UPDATE chain_state SET keyed_from = seq + 1,
                               prechain_pseudonyms = (SELECT coalesce(max(rowid), 0) FROM pseudonym_number);

        PRAGMA user_version = 4;
        """
}
