import Foundation
import Redaction
import Testing

@Suite("HMAC key file")
struct HMACKeyFileTests {
    private func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    private func write(_ bytes: [UInt8], to path: String, mode: Int = 0o600) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: mode])
    }

    @Test("a missing key is created 0600 as 64 hex digits, in new 0700 directories")
    func createsKey() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/config/redact/hmac.key"
            let key = try HMACKeyFile.loadOrCreate(at: path)
            #expect(key.count == 32)
            #expect(try mode(path) == 0o600)
            #expect(try mode(directory + "/config/redact") == 0o700)
            #expect(try mode(directory + "/config") == 0o700)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.count == 65 && text.hasSuffix("\n"))
            #expect(text.dropLast().allSatisfy { $0.isHexDigit && !$0.isUppercase })
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/config/redact") == ["hmac.key"])
        }
    }

    @Test("the second load returns the same key")
    func stableKey() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/hmac.key"
            let first = try HMACKeyFile.loadOrCreate(at: path)
            #expect(try HMACKeyFile.loadOrCreate(at: path) == first)
            #expect(try HMACKeyFile.load(at: path) == first)
        }
    }

    @Test("concurrent first runs agree on one key")
    func raceAgrees() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("redact-audit-tests-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/redact/hmac.key"
        let keys = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 {
                group.addTask { try HMACKeyFile.loadOrCreate(at: path) }
            }
            return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
        }
        #expect(Set(keys).count == 1)
    }

    @Test("a key file group or others can access is refused", arguments: [0o640, 0o604, 0o660, 0o601])
    func refusesOpenPermissions(mode: Int) throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/hmac.key"
            _ = try HMACKeyFile.loadOrCreate(at: path)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            #expect(throws: KeyFileError.permissionsTooOpen(path: path, mode: mode)) {
                try HMACKeyFile.loadOrCreate(at: path)
            }
        }
    }

    @Test("a short key is refused, in hex or raw")
    func refusesShortKey() throws {
        try AuditFixtures.withDirectory { directory in
            let hex = directory + "/hex.key"
            write(Array((String(repeating: "ab", count: 31) + "\n").utf8), to: hex)
            #expect(throws: KeyFileError.tooShort(path: hex, bytes: 31, required: 32)) {
                try HMACKeyFile.loadOrCreate(at: hex)
            }
            let raw = directory + "/raw.key"
            write([0xFF] + [UInt8](repeating: 0, count: 15), to: raw)
            #expect(throws: KeyFileError.tooShort(path: raw, bytes: 16, required: 32)) {
                try HMACKeyFile.loadOrCreate(at: raw)
            }
            let empty = directory + "/empty.key"
            write([], to: empty)
            #expect(throws: KeyFileError.tooShort(path: empty, bytes: 0, required: 32)) {
                try HMACKeyFile.loadOrCreate(at: empty)
            }
        }
    }

    @Test("raw binary keys and upper-case hex are accepted")
    func acceptsRawAndUpperHex() throws {
        // An explicit `throws`: with only typed-throwing calls inside, the closure would be
        // inferred `throws(KeyFileError)`, which #expect's expansion does not handle.
        try AuditFixtures.withDirectory { (directory: String) throws in
            let rawKey = (0..<32).map { UInt8(truncatingIfNeeded: $0 * 37 + 200) }
            write(rawKey, to: directory + "/raw.key")
            #expect(try HMACKeyFile.loadOrCreate(at: directory + "/raw.key") == rawKey)
            write(Array((String(repeating: "0A", count: 32) + "\r\n").utf8), to: directory + "/upper.key")
            #expect(try HMACKeyFile.loadOrCreate(at: directory + "/upper.key") == [UInt8](repeating: 10, count: 32))
        }
    }

    @Test("a text key with a typo is refused without quoting it")
    func refusesTypo() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/hmac.key"
            let text = String(repeating: "ab", count: 32)
            write(Array((text.dropLast() + "g\n").utf8), to: path)
            let error = #expect(throws: KeyFileError.self) { try HMACKeyFile.loadOrCreate(at: path) }
            #expect(error.map { !String(describing: $0).contains("abab") } == true)
            write(Array((text + "a").utf8), to: path)
            #expect(throws: KeyFileError.malformed(path: path, reason: "odd number of hex digits")) {
                try HMACKeyFile.loadOrCreate(at: path)
            }
        }
    }

    @Test("a directory at the key path is refused")
    func refusesDirectory() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/hmac.key"
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            #expect(throws: KeyFileError.notARegularFile(path: path)) { try HMACKeyFile.loadOrCreate(at: path) }
        }
    }
}
