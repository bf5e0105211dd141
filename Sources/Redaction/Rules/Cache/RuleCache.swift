#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The compiled rule cache: rules already parsed and their patterns already compiled, saved
/// once so that the next `scan` or `run` (a git hook runs one per commit) skips the YAML
/// parsing and PCRE2 compilation that were most of its start-up.
///
/// One file per rules directory, `rules-<hash of its real path>.bin`, in
/// `$XDG_CACHE_HOME/redact/` or `~/.cache/redact/` (folder 0700, files 0600: rule files can
/// hold words the user typed, such as names on a deny list). What makes an entry usable is
/// spelled out in `RuleCacheFile`; in short, the same executable, the same PCRE2, and every
/// rule file byte-for-byte as it was. Any failure to read, check or write the cache is
/// silent and costs only speed: the rules then load from their files, as they would without
/// a cache. `REDACT_NO_CACHE=1` turns it off.
public struct RuleCache: Sendable, Equatable {
    /// The folder the cache files are in.
    public var directory: String
    /// What identifies the running executable (`RuleCacheFile.Writer.build`).
    public var build: String
    /// Read entries but never write one: for commands that promise to write nothing
    /// (`run --dry-run`).
    public var isReadOnly = false

    /// A file larger than this is not one the cache wrote (the shipped rules make ~480 kB).
    static let maximumFileSize = 64 << 20

    public init(directory: String, build: String, isReadOnly: Bool = false) {
        self.directory = directory
        self.build = build
        self.isReadOnly = isReadOnly
    }

    /// The cache commands use, in the XDG cache folder, for this executable; nil when
    /// `REDACT_NO_CACHE` is set (to anything but "" or "0"), when neither `XDG_CACHE_HOME`
    /// nor `HOME` is an absolute path, or when the executable cannot be identified.
    public static func standard(environment: [String: String], toolVersion: String) -> RuleCache? {
        if let off = environment["REDACT_NO_CACHE"], !off.isEmpty, off != "0" { return nil }
        guard let base = DefaultLocations.base(environment, "XDG_CACHE_HOME", orHomeSubpath: ".cache"),
              let executable = ExecutableIdentity.current()
        else { return nil }
        return RuleCache(directory: base + "/redact", build: "redact \(toolVersion) \(executable)")
    }

    /// The cache file for a rules directory: named after its real path, so each rules
    /// directory keeps its own entry.
    func path(for sources: RuleSources) -> String {
        let real = AtomicFileWriter.realPath(sources.directory)
        let name = String(CacheChecksum.of(Array(real.utf8)), radix: 16)
        return directory + "/rules-" + name + ".bin"
    }

    /// The cached catalog for `sources`, if there is a usable one.
    func catalog(for sources: RuleSources) -> RuleCatalog? {
        guard let bytes = Self.readFile(path(for: sources)) else { return nil }
        return try? RuleCacheFile.decode(bytes, sources: sources, writer: RuleCacheFile.Writer(build: build))
    }

    /// Saves `catalog`, loaded from `sources`, replacing any older entry atomically (readers
    /// see the old file or the new one, never part of one). Failures are ignored.
    func store(_ catalog: RuleCatalog, for sources: RuleSources) {
        guard !isReadOnly, let bytes = try? RuleCacheFile.encode(catalog, sources: sources, writer: RuleCacheFile.Writer(build: build))
        else { return }
        do {
            try PrivateFiles.createDirectories(directory)
            try AtomicFileWriter.write(bytes, to: path(for: sources), mode: 0o600, durable: false)
        } catch {
            return  // an unwritable cache only costs the next start-up its speed
        }
    }

    /// The whole file at `path`; nil when missing, unreadable, not a regular file or too big.
    private static func readFile(_ path: String) -> [UInt8]? {
        // Safety: `path` is bridged to a NUL-terminated C string for the call; the
        // descriptor is closed on every path out of this function.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        // Safety: `status` is a properly sized local that fstat fills in.
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              status.st_size <= maximumFileSize
        else { return nil }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        // Safety: each read writes at most the remaining capacity of the buffer.
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while filled < size {
                let count = read(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                filled += count
            }
            return true
        }
        return complete ? bytes : nil
    }
}
