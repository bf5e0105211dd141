/// Where the HMAC key and the audit log live when nothing says otherwise.
///
/// Precedence, highest first: the command-line flag (`--key-file`, `--audit`), then the
/// environment (`REDACT_KEY_FILE`, `REDACT_AUDIT`), then the XDG Base Directory defaults:
///
/// | file | default |
/// |---|---|
/// | HMAC key | `${XDG_CONFIG_HOME:-$HOME/.config}/redact/hmac.key` |
/// | audit log | `${XDG_STATE_HOME:-$HOME/.local/state}/redact/audit.sqlite` |
///
/// The key is configuration (copied between machines to correlate logs); the log is state.
/// As the XDG specification requires, an empty or relative `XDG_*` value is ignored.
/// The environment is a parameter so tests, and the CLI, decide what it contains.
public struct DefaultLocations: Sendable, Equatable {
    /// The HMAC key file.
    public var keyFile: String
    /// The audit database.
    public var auditDatabase: String

    /// Resolves both paths. A nil or empty flag falls through to the environment.
    ///
    /// - Throws: ``LocationError`` when neither a flag, a `REDACT_*` variable, an
    ///   `XDG_*` variable nor `HOME` gives a path.
    public init(
        keyFileFlag: String? = nil, auditFlag: String? = nil, environment: [String: String]
    ) throws(LocationError) {
        keyFile = try Self.resolve(
            flag: keyFileFlag, override: environment["REDACT_KEY_FILE"],
            base: Self.base(environment, "XDG_CONFIG_HOME", orHomeSubpath: ".config"),
            file: "redact/hmac.key", what: "HMAC key file", variable: "REDACT_KEY_FILE")
        auditDatabase = try Self.resolve(
            flag: auditFlag, override: environment["REDACT_AUDIT"],
            base: Self.base(environment, "XDG_STATE_HOME", orHomeSubpath: ".local/state"),
            file: "redact/audit.sqlite", what: "audit log", variable: "REDACT_AUDIT")
    }

    private static func resolve(
        flag: String?, override: String?, base: String?, file: String, what: String, variable: String
    ) throws(LocationError) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let override, !override.isEmpty { return override }
        guard let base else { throw LocationError(what: what, variable: variable) }
        return base + "/" + file
    }

    /// `$variable` when it is an absolute path, else `$HOME/subpath`; nil when neither is known.
    static func base(_ environment: [String: String], _ variable: String, orHomeSubpath subpath: String) -> String? {
        if let value = environment[variable], value.hasPrefix("/") {
            return trimmingTrailingSlashes(value)
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return trimmingTrailingSlashes(home) + "/" + subpath
        }
        return nil
    }

    /// "/" becomes "", so joining with "/" gives `HOME=/` → "/.config", not "//.config".
    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return path == "/" ? "" : String(path)
    }
}

/// No flag, environment variable or home directory tells where a file should be.
public struct LocationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file that could not be located ("HMAC key file", "audit log").
    public var what: String
    /// The variable that would name it directly.
    public var variable: String

    public init(what: String, variable: String) {
        self.what = what
        self.variable = variable
    }

    public var description: String {
        "cannot locate the \(what): set \(variable), or HOME"
    }
}
