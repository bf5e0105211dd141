/// The layout of one rule cache file, and the checks that decide whether it may be used.
///
/// ```
/// magic "REDACTRC" · format version (Int64) · checksum of the body (UInt64)
/// body: build · PCRE2 version · rules directory as given · digest
///       every rule file: name, exact bytes (a lexicon: length, checksum) · the compiled catalog
/// ```
/// The file is used only when every check passes: magic, format version, checksum, the
/// same executable and PCRE2 library, the same directory string, and the same list of
/// rule files with byte-for-byte the same contents as now on disk. Comparing the bytes
/// themselves (a `memcmp`) is both exact and cheaper than hashing them again.
enum RuleCacheFile {
    static let magic = Array("REDACTRC".utf8)
    /// Bumped whenever the layout or what it holds changes.
    static let formatVersion = 4
    /// A lexicon is recorded by its length and checksum, not a copy of its bytes: nothing
    /// compiled from it is cached (`Lexicons` uses the bytes just read from disk), so only the
    /// cached digest depends on it, and a megabyte copied into every cache entry cost every
    /// start-up reading, checksumming and comparing it.
    static func isLexicon(_ file: RuleSources.File) -> Bool { file.name.hasPrefix("lexicons/") }

    /// Magic, format version, checksum.
    static let headerSize = 24

    /// Who wrote a file: the executable and the PCRE2 library that compiled its patterns.
    struct Writer: Equatable {
        var build: String
        var pcre2: String = PCREPattern.libraryVersion
    }

    static func encode(_ catalog: RuleCatalog, sources: RuleSources, writer: Writer) throws(CacheFormatError) -> [UInt8] {
        var body = CacheWriter()
        body.string(writer.build)
        body.string(writer.pcre2)
        body.string(sources.directory)
        body.string(catalog.digest)
        body.array(sources.files) { body, file in
            body.string(file.name)
            if isLexicon(file) {
                body.int(file.bytes.count)
                body.int(Int(bitPattern: UInt(CacheChecksum.of(file.bytes))))
            } else {
                body.bytes(file.bytes)
            }
        }
        try catalog.write(to: &body)
        var header = CacheWriter()
        header.int(formatVersion)
        header.int(Int(bitPattern: UInt(CacheChecksum.of(body.bytes))))
        return magic + header.bytes + body.bytes
    }

    /// The catalog in `bytes` if it was built by `writer` from exactly `sources`.
    static func decode(_ bytes: [UInt8], sources: RuleSources, writer: Writer) throws(CacheFormatError) -> RuleCatalog {
        guard bytes.count >= headerSize, bytes[0..<magic.count].elementsEqual(magic) else {
            throw CacheFormatError("not a rule cache file")
        }
        var reader = CacheReader(bytes, from: magic.count)
        guard try reader.int() == formatVersion else { throw CacheFormatError("another format version") }
        let checksum = UInt64(UInt(bitPattern: try reader.int()))
        guard CacheChecksum.of(bytes, from: headerSize) == checksum else { throw CacheFormatError("checksum mismatch") }
        guard try reader.string() == writer.build, try reader.string() == writer.pcre2 else {
            throw CacheFormatError("written by another build")
        }
        guard try reader.string() == sources.directory else { throw CacheFormatError("another rules directory") }
        let digest = try reader.string()
        let files = sources.files
        guard try reader.int() == files.count else { throw CacheFormatError("rule files added or removed") }
        for file in files {
            guard try reader.string() == file.name else { throw CacheFormatError("rule files changed") }
            if isLexicon(file) {
                guard try reader.int() == file.bytes.count,
                      UInt64(UInt(bitPattern: try reader.int())) == CacheChecksum.of(file.bytes)
                else { throw CacheFormatError("lexicons changed") }
            } else {
                guard try reader.bytes(equal: file.bytes) else { throw CacheFormatError("rule files changed") }
            }
        }
        var catalog = try RuleCatalog.read(from: &reader, digest: digest, directory: sources.directory)
        // The lexicons are the files' bytes, just compared with the cached copy: taken from disk.
        catalog.lexicons = Lexicons(files: sources.lexicons)
        guard reader.isAtEnd else { throw CacheFormatError("trailing bytes") }
        return catalog
    }
}
