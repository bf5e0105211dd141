/// Turns input arguments (files or directories) into the files to process.
///
/// - Order: arguments in the order given; inside a directory argument, files sorted by
///   the UTF-8 bytes of their relative path, so runs and audit logs are reproducible.
/// - Hidden names (starting with `.`) are skipped inside directories, at any depth, as
///   `.git` and `.env` are rarely meant as input. A hidden *argument* is read: it was asked for.
/// - Symbolic links inside a directory: a link to a regular file is read (under the
///   link's relative path); a link to a directory is not followed, since it may leave the
///   tree the user named, loop, or reach the same files twice. It is returned as an
///   `.unsupported(.symlinkedDirectory)` failure in its sorted place, so the caller can
///   report it as skipped; the error's `path` is the link's path as found (the argument
///   joined with the names below it), like every walker failure. A dangling link is an
///   error. An argument that is a link is followed: it was asked for.
/// - Nothing unreadable is skipped silently: a directory that cannot be listed, a file
///   that cannot be inspected, a name that is not UTF-8, or a FIFO, socket or device is
///   returned as a failure in its sorted place, so the caller can report it and fail closed.
public enum InputWalker {
    /// The files under `inputs`, each a success or the error that stopped it.
    ///
    /// With one argument, a file under a directory argument is shown by its path inside it
    /// (`notes.md`), as `run`'s reports and audit log name it. With several, that would name
    /// `a/notes.md` and `b/notes.md` alike, so every file is shown by the argument joined with
    /// its path inside it (`a/notes.md`): relative to the current directory when the argument
    /// is. `fromCurrentDirectory` shows every file that way (`scan`, whose paths an editor or
    /// code scanning opens from where the scan ran, as ripgrep prints them).
    public static func walk(_ inputs: [String], fromCurrentDirectory: Bool = false) -> [Result<InputFile, IngestError>] {
        inputs.flatMap { walk(input: $0, prefixed: fromCurrentDirectory || inputs.count > 1) }
    }

    private static func walk(input: String, prefixed: Bool) -> [Result<InputFile, IngestError>] {
        let kind: FileSystem.EntryKind
        do {
            kind = try FileSystem.kind(atPath: input, followLinks: true)
        } catch {
            return [.failure(error)]
        }
        switch kind {
        case .regularFile:
            let file = InputFile(path: input, relativePath: fileName(of: input), displayPath: displayPath(ofArgument: input))
            return [.success(file)]
        case .directory:
            var found: [(relativePath: String, result: Result<InputFile, IngestError>)] = []
            collect(directory: input, relativePath: "", into: &found)
            found.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
            guard prefixed, let prefix = directoryPrefix(ofArgument: input) else { return found.map(\.result) }
            return found.map { entry in
                entry.result.map { file in
                    var shown = file
                    shown.displayPath = prefix + file.relativePath
                    return shown
                }
            }
        case .symbolicLink, .other:
            return [.failure(IngestError(path: input, kind: .unsupported(.notRegularFile)))]
        }
    }

    private static func collect(
        directory: String,
        relativePath: String,
        into found: inout [(relativePath: String, result: Result<InputFile, IngestError>)]
    ) {
        let entries: [Result<String, IngestError>]
        do {
            entries = try FileSystem.directoryEntries(atPath: directory)
        } catch {
            found.append((relativePath, .failure(error)))
            return
        }
        for entry in entries {
            let name: String
            switch entry {
            case .success(let entryName): name = entryName
            case .failure(let error):
                let key = (relativePath.isEmpty ? "" : relativePath + "/") + fileName(of: error.path)
                found.append((key, .failure(error)))
                continue
            }
            if name.hasPrefix(".") { continue }
            let path = FileSystem.join(directory, name)
            let relative = relativePath.isEmpty ? name : relativePath + "/" + name
            do throws(IngestError) {
                var kind = try FileSystem.kind(atPath: path, followLinks: false)
                if kind == .symbolicLink {
                    kind = try FileSystem.kind(atPath: path, followLinks: true)
                    // Not followed (see the type's notes), but reported, never silently dropped.
                    if kind == .directory { throw IngestError(path: path, kind: .unsupported(.symlinkedDirectory)) }
                }
                switch kind {
                case .regularFile:
                    found.append((relative, .success(InputFile(path: path, relativePath: relative))))
                case .directory:
                    collect(directory: path, relativePath: relative, into: &found)
                case .symbolicLink, .other:
                    throw IngestError(path: path, kind: .unsupported(.notRegularFile))
                }
            } catch {
                found.append((relative, .failure(error)))
            }
        }
    }

    /// A file argument as reports show it: as given, without leading `./` components.
    static func displayPath(ofArgument argument: String) -> String {
        var shown = Substring(argument)
        while shown.hasPrefix("./") {
            shown = shown.dropFirst(2).drop { $0 == "/" }
        }
        return shown.isEmpty ? argument : String(shown)
    }

    /// What a directory argument's files are shown under when several arguments are given:
    /// the argument as given, without leading `./` and with one trailing `/` (`a/`); nil for
    /// the current directory itself, whose files are shown by their path inside it.
    static func directoryPrefix(ofArgument argument: String) -> String? {
        var shown = Substring(displayPath(ofArgument: argument))
        while shown.count > 1, shown.hasSuffix("/") { shown = shown.dropLast() }
        if shown == "." || shown.isEmpty { return nil }
        return shown == "/" ? "/" : shown + "/"
    }

    /// The last path component: what a file argument is written under.
    static func fileName(of path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? trimmed
    }
}
