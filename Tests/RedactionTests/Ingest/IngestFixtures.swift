import Foundation
import Testing
@testable import Redaction

/// Helpers shared by the Ingest tests; all inputs are fake personal data.
enum IngestFixtures {
    /// Parses `text` (as UTF-8) the way the CLI would for a file named `path`.
    static func read(_ text: String, path: String) throws(IngestError) -> Document {
        try DocumentReader.read(bytes: Array(text.utf8), displayPath: path, format: DocumentFormat.detect(path: path))
    }

    /// Parses raw bytes the way the CLI would for a file named `path`.
    static func read(bytes: [UInt8], path: String) throws(IngestError) -> Document {
        try DocumentReader.read(bytes: bytes, displayPath: path, format: DocumentFormat.detect(path: path))
    }

    /// The error reading `text` throws, or `nil` (recorded as a test failure) if it parses.
    static func error(reading text: String, path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> IngestError? {
        do {
            _ = try read(text, path: path)
            Issue.record("expected an IngestError", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// All fields of `document` with their refs, in order.
    static func fields(of document: Document) -> [(ref: FieldRef, field: Field)] {
        document.records.indices.flatMap { record in
            document.records[record].fields.indices.map { field in
                (FieldRef(record: record, field: field), document.records[record].fields[field])
            }
        }
    }

    /// The first field with `path` in the record numbered `number`.
    static func ref(_ document: Document, record number: Int, path: String) -> FieldRef? {
        guard let record = document.records.firstIndex(where: { $0.number == number }),
              let field = document.records[record].fields.firstIndex(where: { $0.path == path })
        else { return nil }
        return FieldRef(record: record, field: field)
    }

    /// The source bytes of `range` as a string (test inputs are valid UTF-8).
    static func text(_ document: Document, _ range: Range<Int>) -> String {
        String(decoding: document.bytes[range], as: UTF8.self)
    }

    /// A fresh empty directory, removed by the caller with `removeDirectory`.
    static func makeTemporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("redact-ingest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Removes a directory made by `makeTemporaryDirectory`, and everything in it.
    static func removeDirectory(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `root/relative`, creating parent directories.
    static func write(_ text: String, to relative: String, in root: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
