import Foundation
import Redaction

/// Loads `run --review FILE`, resolving decision ids against the audit log (read-only).
enum ReviewFileLoader {
    static func load(_ path: String, auditPath: String, fingerprinter: ValueFingerprinter) throws -> ReviewOverrides {
        var query: AuditQuery?
        return try ReviewOverrides.load(path: path, fingerprinter: fingerprinter) { id in
            if query == nil {
                guard FileManager.default.fileExists(atPath: auditPath) else { return nil }
                query = try AuditQuery(path: auditPath)
            }
            guard let record = try? query!.decision(id: id) else { return nil }
            let keyID = try query!.runs().first { $0.id == record.runID }?.keyID ?? ""
            return .init(valueHMAC: record.decision.valueHMAC, entity: record.decision.entity, keyID: keyID)
        }
    }
}
