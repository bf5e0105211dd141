import Foundation
import Redaction
import Testing

/// `redact run`: outputs, atomicity, refusal to touch inputs, and the audit log.
struct RunCommandTests {
    @Test("redacted copies land at DIR/<relative path>, with the audit log and key where asked")
    func writesOutputsAndAudit() throws {
        let input = TemporaryDirectory.with([
            "sub/list.csv": Array("name,phone\nJane Roe,+1 604 555 0134\n".utf8),
            "note.txt": Array("mail a@example.com\r\n".utf8),
        ])
        let work = TemporaryDirectory.make()
        let result = try RedactBinary.run(["run", input, "--out", work + "/out", "--audit", work + "/audit.sqlite", "--key-file", work + "/key"])
        #expect(result.status == 0, "\(result.err)")
        #expect(try String(contentsOfFile: work + "/out/sub/list.csv", encoding: .utf8) == "name,phone\n[PERSON],[PHONE_NUMBER]\n")
        #expect(try String(contentsOfFile: work + "/out/note.txt", encoding: .utf8) == "mail [EMAIL_ADDRESS]\r\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: work + "/key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let log = try AuditQuery(path: work + "/audit.sqlite")
        let run = try #require(try log.runs().last)
        #expect(run.status == "ok")
        let documents = try log.documents(run: run.id)
        #expect(documents.map(\.path) == ["note.txt", "sub/list.csv"])
        let decisions = try log.decisions(run: run.id, document: documents[1].id)
        let redacted = decisions.filter { $0.decision.verdict == "redact" }
        #expect(redacted.map(\.decision.entity).sorted() == ["person", "phone_number"])
        // Pattern rules also matched the phone inside its column: kept, covered by the column finding.
        #expect(decisions.filter { $0.decision.verdict == "keep" }.allSatisfy { $0.decision.reason.hasPrefix("covered") })
        #expect(decisions.allSatisfy { $0.decision.valueHMAC.count == 64 })
    }

    @Test("a file that fails gets no output, the others do, and the run exits 2")
    func failedFileHasNoOutput() throws {
        let input = TemporaryDirectory.with([
            "broken.csv": Array("a,b\n\"open,1\n".utf8),
            "fine.txt": Array("mail a@example.com".utf8),
        ])
        let work = TemporaryDirectory.make()
        let result = try RedactBinary.run(["run", input, "--out", work + "/out", "--audit", work + "/a.sqlite", "--key-file", work + "/k"])
        #expect(result.status == 2)
        #expect(result.err.contains("broken.csv:2: byte 4: CSV quoted field opened here is never closed"))
        #expect(!FileManager.default.fileExists(atPath: work + "/out/broken.csv"))
        #expect(FileManager.default.fileExists(atPath: work + "/out/fine.txt"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work + "/out").filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test("--out inside an input tree is refused before anything is written")
    func outInsideInput() throws {
        let input = TemporaryDirectory.with(["a.txt": Array("mail a@example.com".utf8)])
        let result = try RedactBinary.run(["run", input, "--out", input + "/redacted"])
        #expect(result.status == 64)
        #expect(!FileManager.default.fileExists(atPath: input + "/redacted"))
    }

    @Test("'-' filters standard input to standard output")
    func standardInputFilter() throws {
        let work = TemporaryDirectory.make()
        let result = try RedactBinary.run(["run", "-", "--audit", work + "/a.sqlite", "--key-file", work + "/k"],
                                          stdin: Data("DOB: 1975-03-04; met on 2024-03-15\n".utf8))
        #expect(result.status == 0)
        #expect(result.out == "DOB: [DATE_OF_BIRTH]; met on 2024-03-15\n")
    }

    @Test("inputs are never modified")
    func inputsUntouched() throws {
        let bytes = Array("\u{FEFF}Passport: E12345678\r\n".utf8)
        let input = TemporaryDirectory.with(["a.txt": bytes])
        let work = TemporaryDirectory.make()
        _ = try RedactBinary.run(["run", input, "--out", work + "/out", "--audit", work + "/a.sqlite", "--key-file", work + "/k"])
        #expect(FileManager.default.contents(atPath: input + "/a.txt") == Data(bytes))
        #expect(FileManager.default.contents(atPath: work + "/out/a.txt") == Data("\u{FEFF}Passport: [PASSPORT_NUMBER]\r\n".utf8))
    }

    @Test("binary files are errors, or with --skip-unsupported reported and skipped without failing the run")
    func binarySkipped() throws {
        let input = TemporaryDirectory.with(["image.png": [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00], "a.txt": Array("hello".utf8)])
        let work = TemporaryDirectory.make()
        let args = ["--audit", work + "/a.sqlite", "--key-file", work + "/k"]
        let refused = try RedactBinary.run(["run", input, "--out", work + "/refused"] + args)
        #expect(refused.status == 2)
        #expect(refused.err.contains("image.png") && refused.err.contains("--skip-unsupported"), "\(refused.err)")
        let result = try RedactBinary.run(["run", input, "--out", work + "/out", "--skip-unsupported"] + args)
        #expect(result.status == 0)
        #expect(result.err.contains("skipped    image.png"))
        #expect(!FileManager.default.fileExists(atPath: work + "/out/image.png"))
    }
}

/// Two inputs that would share an output path.
struct RunCollisionTests {
    @Test("a second input with the same relative path fails instead of replacing the first output")
    func collidingOutputs() throws {
        let first = TemporaryDirectory.with(["x.txt": Array("mail a@example.com".utf8)])
        let second = TemporaryDirectory.with(["x.txt": Array("call +44 20 7946 0321".utf8)])
        let work = TemporaryDirectory.make()
        let result = try RedactBinary.run(["run", first, second, "--out", work + "/out", "--audit", work + "/a.sqlite", "--key-file", work + "/k"])
        #expect(result.status == 2)
        #expect(result.err.contains("another input is also written to x.txt"))
        #expect(try String(contentsOfFile: work + "/out/x.txt", encoding: .utf8) == "mail [EMAIL_ADDRESS]")
    }
}

/// Sequential pseudonyms are numbered once and kept in the audit log.
struct SequentialPseudonymTests {
    @Test("a rerun with the same key and audit log gives every value the same number")
    func numbersSurviveReruns() throws {
        let work = TemporaryDirectory.make()
        let policy = work + "/seq.yaml"
        try "version: 1\nentities:\n  email_address: { operator: pseudonymize, style: sequential }\n"
            .write(toFile: policy, atomically: true, encoding: .utf8)
        let args = ["--policy", policy, "--audit", work + "/audit.sqlite", "--key-file", work + "/key"]
        let first = TemporaryDirectory.with(["a.txt": Array("write to b@example.com or a@example.com".utf8)])
        #expect(try RedactBinary.run(["run", first, "--out", work + "/out1"] + args).status == 0)
        #expect(try String(contentsOfFile: work + "/out1/a.txt", encoding: .utf8)
            == "write to EmailAddress 1 or EmailAddress 2")
        // A second run meets the values in the other order, and a new one: known values keep
        // their numbers, the new one gets the next.
        let second = TemporaryDirectory.with(["a.txt": Array("a@example.com, c@example.com, b@example.com".utf8)])
        #expect(try RedactBinary.run(["run", second, "--out", work + "/out2"] + args).status == 0)
        #expect(try String(contentsOfFile: work + "/out2/a.txt", encoding: .utf8)
            == "EmailAddress 2, EmailAddress 3, EmailAddress 1")
    }
}
