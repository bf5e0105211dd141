import Foundation

/// `scan --format sarif`: one SARIF 2.1.0 log (OASIS errata 01 schema; checked against it
/// in `SARIFSchemaTests`). Built like the JSON Lines: by hand, with a fixed key order, from
/// rule vocabulary and positions only — never a value.
///
/// - `tool.driver.rules`: every rule of the catalogue (id, entity, level by its base
///   confidence), then any other rule id a result uses (columns, field rules, the deny list,
///   name propagation).
/// - `columnKind` is `unicodeCodePoints`: columns and `charOffset`/`charLength` count code
///   points, as `start`/`end` do in the JSON Lines.
/// - A result per finding the policy would redact (`kind: fail`, level by confidence).
///   With `--show-kept`, kept findings too: those kept by an inline allow marker or a
///   baseline as suppressed results (`inSource` / `external`), the others as `kind: pass`.
/// - `partialFingerprints["redactFinding/v1"]`: the keyed `FindingFingerprint`, when the
///   scan has a key; stable when lines move.
/// - Files that failed are `toolExecutionNotifications` (level error) and make
///   `executionSuccessful` false; skipped files are notifications of level note.
public struct SARIFReport {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let fingerprintName: StaticString = "redactFinding/v1"

    private let toolVersion: String
    /// `tool.driver.informationUri`; omitted when nil (optional in SARIF).
    private let informationURI: String?
    private let catalog: RuleCatalog
    private var results: [String] = []
    private var notifications: [String] = []
    private var extraRules: [String: (entity: String, confidence: Confidence)] = [:]
    private var failed = false

    public init(toolVersion: String, informationURI: String? = nil, catalog: RuleCatalog) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.catalog = catalog
    }

    /// Adds the decisions of one scanned file (all that are in `file.decisions`; the caller
    /// leaves kept ones out unless they are to be shown), or its error.
    public mutating func add(_ file: FileResult, includingKept: Bool) {
        switch file.status {
        case .failed(let message):
            failed = true
            notifications.append(Self.notification(level: "error", message: message, file: file.displayPath))
            return
        case .skipped(let reason):
            notifications.append(Self.notification(level: "note", message: "skipped: " + reason, file: file.displayPath))
            return
        case .processed:
            break
        }
        let fingerprints = file.findingFingerprints.count == file.decisions.count ? file.findingFingerprints : nil
        for (index, located) in file.decisions.enumerated() where includingKept || located.decision.isRedaction {
            results.append(result(located, file: file.displayPath, fingerprint: fingerprints?[index]))
        }
    }

    /// An error that is not about one file's content (a git failure, say).
    public mutating func addError(_ message: String) {
        failed = true
        notifications.append(Self.notification(level: "error", message: message, file: nil))
    }

    /// The whole log. `properties` is extra run-level JSON members (the stale baseline list).
    public func document(runProperties: String? = nil) -> String {
        var driver = JSONText.ObjectBuilder(capacity: 16 * 1024)
        driver.add("name", "redact")
        driver.add("version", toolVersion)
        driver.add("semanticVersion", toolVersion)
        if let informationURI { driver.add("informationUri", informationURI) }
        driver.addRaw("rules", JSONText.array(ruleDescriptors()))
        var tool = JSONText.ObjectBuilder()
        tool.addRaw("driver", driver.finished())

        var invocation = JSONText.ObjectBuilder()
        invocation.add("executionSuccessful", !failed)
        if !notifications.isEmpty { invocation.addRaw("toolExecutionNotifications", JSONText.array(notifications)) }

        var run = JSONText.ObjectBuilder(capacity: 64 * 1024)
        run.addRaw("tool", tool.finished())
        run.addRaw("invocations", JSONText.array([invocation.finished()]))
        run.add("columnKind", "unicodeCodePoints")
        run.addRaw("results", JSONText.array(results))
        if let runProperties { run.addRaw("properties", runProperties) }

        var log = JSONText.ObjectBuilder()
        log.add("$schema", Self.schemaURI)
        log.add("version", "2.1.0")
        log.addRaw("runs", JSONText.array([run.finished()]))
        return log.finished()
    }

    /// SARIF level for a confidence: high → error, medium → warning, low → note.
    public static func level(for confidence: Confidence) -> String {
        switch confidence {
        case .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    private func ruleDescriptors() -> [String] {
        var descriptors: [String] = []
        var known = Set<String>()
        for rule in catalog.rules {
            known.insert(rule.id)
            // Not `rule.description`: rule authors quote example values there (a passport
            // number, a birthday), and a report must hold no value, example or not.
            descriptors.append(Self.descriptor(id: rule.id, description: "Detector rule \(rule.id): \(rule.entity.rawValue) (Rules/detectors/\(rule.id).yaml)",
                                               entity: rule.entity.rawValue, confidence: rule.confidence))
        }
        for id in extraRules.keys.sorted() where !known.contains(id) {
            let extra = extraRules[id]!
            descriptors.append(Self.descriptor(id: id, description: Self.describeBuiltIn(id, entity: extra.entity),
                                               entity: extra.entity, confidence: extra.confidence))
        }
        return descriptors
    }

    private static func descriptor(id: String, description: String, entity: String, confidence: Confidence) -> String {
        var text = JSONText.ObjectBuilder()
        text.add("text", description.isEmpty ? entity : description)
        var configuration = JSONText.ObjectBuilder()
        configuration.add("level", level(for: confidence))
        var properties = JSONText.ObjectBuilder()
        properties.add("entity", entity)
        properties.add("confidence", confidence.rawValue)
        var rule = JSONText.ObjectBuilder()
        rule.add("id", id)
        rule.addRaw("shortDescription", text.finished())
        rule.addRaw("defaultConfiguration", configuration.finished())
        rule.addRaw("properties", properties.finished())
        return rule.finished()
    }

    /// Descriptions of the rule ids that come from no rule file.
    private static func describeBuiltIn(_ id: String, entity: String) -> String {
        if id.hasPrefix(FormFieldDetector.ruleIDPrefix) { return "The value of a Label: value form field whose label denotes \(entity) (columns.yaml)" }
        if id.hasPrefix("column:") { return "A column or JSON key whose name denotes \(entity) (columns.yaml)" }
        if id.hasPrefix("field:") || id == FieldRule.dropRuleID { return "A field the policy's field rules map or drop" }
        if id == DenyListDetector.ruleID { return "A term or pattern of the policy's deny list" }
        if LexiconNameDetector.RuleID.all.contains(id) { return "A name found by the name lexicons and its shape (\(id))" }
        if id == NameLexicon.ruleID { return "A name found with strong evidence elsewhere in the same scan" }
        return "Rule \(id) (\(entity))"
    }

    private mutating func result(_ located: LocatedDecision, file: String, fingerprint: String?) -> String {
        let decision = located.decision
        let finding = decision.finding
        if !catalog.rules.contains(where: { $0.id == finding.ruleID }), extraRules[finding.ruleID] == nil {
            extraRules[finding.ruleID] = (finding.entity.rawValue, finding.confidence)
        }
        var message = JSONText.ObjectBuilder()
        message.add("text", decision.isRedaction
            ? "\(finding.entity.rawValue) at \(finding.confidence.rawValue) confidence (rule \(finding.ruleID)); the value is not shown"
            : "\(finding.entity.rawValue) at \(finding.confidence.rawValue) confidence (rule \(finding.ruleID)), \(decision.reason)")

        var region = JSONText.ObjectBuilder()
        region.add("startLine", located.start.line)
        region.add("startColumn", located.start.column)
        region.add("endLine", located.end.line)
        region.add("endColumn", located.end.column)
        region.add("charOffset", located.start.scalar)
        region.add("charLength", located.end.scalar - located.start.scalar)
        var artifact = JSONText.ObjectBuilder()
        artifact.add("uri", Self.uri(file))
        var physical = JSONText.ObjectBuilder()
        physical.addRaw("artifactLocation", artifact.finished())
        physical.addRaw("region", region.finished())
        var location = JSONText.ObjectBuilder()
        location.addRaw("physicalLocation", physical.finished())
        if !located.field.isEmpty {
            // CSV and JSON Lines: the record and field, as a logical location.
            var logical = JSONText.ObjectBuilder()
            logical.add("name", located.field)
            logical.add("fullyQualifiedName", "record \(located.record): \(located.field)")
            logical.add("kind", "member")
            location.addRaw("logicalLocations", JSONText.array([logical.finished()]))
        }

        var properties = JSONText.ObjectBuilder()
        properties.add("entity", finding.entity.rawValue)
        properties.add("confidence", finding.confidence.rawValue)
        properties.add("decision", decision.verdict.name)
        properties.add("record", located.record)
        properties.add("field", located.field)

        var result = JSONText.ObjectBuilder(capacity: 1024)
        result.add("ruleId", finding.ruleID)
        switch decision.verdict {
        case .redact:
            result.add("kind", "fail")
            result.add("level", Self.level(for: finding.confidence))
        case .keep(let reason):
            switch reason {
            case .inlineAllow, .baseline:
                // Accepted by a person: a failure that is suppressed, as SARIF viewers expect.
                result.add("kind", "fail")
                result.add("level", Self.level(for: finding.confidence))
            default:
                result.add("kind", "pass")
                result.add("level", "none")
            }
        }
        result.addRaw("message", message.finished())
        result.addRaw("locations", JSONText.array([location.finished()]))
        if let fingerprint {
            var fingerprints = JSONText.ObjectBuilder()
            fingerprints.add(Self.fingerprintName, fingerprint)
            result.addRaw("partialFingerprints", fingerprints.finished())
        }
        if case .keep(let reason) = decision.verdict {
            var suppression = JSONText.ObjectBuilder()
            switch reason {
            case .inlineAllow:
                suppression.add("kind", "inSource")
                suppression.add("justification", decision.reason)
                result.addRaw("suppressions", JSONText.array([suppression.finished()]))
            case .baseline:
                suppression.add("kind", "external")
                suppression.add("justification", decision.reason)
                result.addRaw("suppressions", JSONText.array([suppression.finished()]))
            default:
                break
            }
        }
        result.addRaw("properties", properties.finished())
        return result.finished()
    }

    private static func notification(level: String, message: String, file: String?) -> String {
        var text = JSONText.ObjectBuilder()
        text.add("text", message)
        var notification = JSONText.ObjectBuilder()
        notification.add("level", level)
        notification.addRaw("message", text.finished())
        if let file {
            var artifact = JSONText.ObjectBuilder()
            artifact.add("uri", uri(file))
            var physical = JSONText.ObjectBuilder()
            physical.addRaw("artifactLocation", artifact.finished())
            var location = JSONText.ObjectBuilder()
            location.addRaw("physicalLocation", physical.finished())
            notification.addRaw("locations", JSONText.array([location.finished()]))
        }
        return notification.finished()
    }

    /// A path as a URI reference: relative paths stay relative (code scanning resolves them
    /// against the checkout), absolute ones become `file://` URIs; both percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":;")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        if path.hasPrefix("/") { return "file://" + encoded }
        return encoded
    }
}
