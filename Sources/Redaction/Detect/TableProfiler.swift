/// Decides what each column of a table holds from three kinds of evidence together, and
/// reports its cells as findings whose evidence names them:
///
/// 1. the **header** (`ColumnMap.meaning(ofHeader:)`): an entity, a generic identifier, a
///    document type, or nothing;
/// 2. the **values** (`ColumnProfile`): dates, validated national identifiers, passport,
///    phone and e-mail shapes, name shapes, identifier-like codes;
/// 3. the **rows**: a table whose columns hold a person's name, birth date or address is a
///    roster of persons, and its identifier-like columns are personal even under an unknown
///    header; a document type column (`证件类型`) names the entity of the number beside it.
///
/// Headers that name cases, orders, registrations, amounts or events (`not_personal` in
/// `columns.yaml`) are never made personal by a profile or a roster.
struct TableProfiler {
    let columns: ColumnMap
    let names: any NameEvidence
    let referenceYear: Int

    /// Shares a profile must reach; each is one decision's threshold, named for the reason.
    static let profileShare = 0.8
    static let strictShare = 0.9
    /// A profile alone (no header evidence) needs this many cells to say anything.
    static let minimumCells = 3

    /// One column's header evidence, as `ColumnDetector` memoises it.
    struct HeaderEvidence {
        var meaning: ColumnMap.Meaning?
        var notPersonal: Bool
        /// The header is one a name column's entry vetoes (`Company`, `City`).
        var notName: Bool
    }

    /// A column's decision: every cell is `entity` at `confidence`, for `basis`.
    struct Verdict {
        var entity: EntityKind
        var confidence: Confidence
        var basis: TableEvidence?
    }

    /// Findings for the table of `document`; `header` gives each column's header evidence.
    func findings(in document: Document, table: Table, header: (String) -> HeaderEvidence) -> [Finding] {
        let evidence = table.columns.map { header($0.header) }
        var profiles: [Int: ColumnProfile] = [:]
        // Name shapes are counted only for the columns a roster needs them of: the profile
        // of every other column skips them.
        func profile(_ column: Int, names: (any NameEvidence)? = nil) -> ColumnProfile {
            if names == nil, let known = profiles[column] { return known }
            let values = table.columns[column].cells.lazy.map { ref in
                document.records[ref.record].fields[ref.field].value[...]
            }
            let made = ColumnProfile(values: values, names: names, referenceYear: referenceYear)
            if names == nil { profiles[column] = made }
            return made
        }
        let roster = rosterColumns(table, evidence, profile)
        let typeColumns = table.columns.indices.filter { evidence[$0].meaning == .documentType }
        let hasIdentifierHeader = evidence.contains { if case .identifier = $0.meaning { true } else { false } }
        var result: [Finding] = []
        var typed = Set<FieldRef>()
        if document.format == .jsonLines {
            result = pairedMembers(document)
            typed.formUnion(result.map(\.field))
        }
        for (column, info) in table.columns.enumerated() {
            let header = evidence[column]
            var verdict: Verdict?
            switch header.meaning {
            case .entity(let entity, let basis):
                verdict = Verdict(entity: entity, confidence: .high, basis: basis == .synonym ? nil : .header(basis))
            case .documentType:
                continue
            case .identifier, nil:
                guard !header.notPersonal else { continue }
                let isIdentifier = header.meaning != nil
                // The type names the number of an `identifier` column; only a table without one
                // lends it to an identifier-like column under an unknown header.
                if !typeColumns.isEmpty,
                   isIdentifier || (!hasIdentifierHeader && profile(column).share(profile(column).identifierLike) >= 0.5) {
                    let found = typedCells(document, table, column: column, typeColumns: typeColumns)
                    typed.formUnion(found.map(\.field))
                    result += found
                }
                verdict = decide(profile(column), isIdentifier: isIdentifier, roster: roster, column: column)
                if verdict == nil, !header.notName, !isIdentifier {
                    verdict = nameColumn(profile(column, names: names), roster: roster, column: column)
                }
            }
            guard let verdict else { continue }
            for ref in info.cells where !typed.contains(ref) {
                let field = document.records[ref.record].fields[ref.field]
                guard let span = ColumnDetector.contentSpan(of: field.value) else { continue }
                let source: Evidence.Source = verdict.basis.map { .table(header: info.header, basis: $0) }
                    ?? .column(header: field.path)
                result.append(Finding(ruleID: ColumnDetector.ruleID(for: verdict.entity), entity: verdict.entity, field: ref,
                                      span: span, confidence: verdict.confidence, evidence: Evidence(source: source)))
            }
        }
        return result
    }

    /// What the values (and the roster) make of a column whose header names no entity.
    private func decide(_ profile: ColumnProfile, isIdentifier: Bool, roster: [(column: Int, role: String)],
                        column: Int) -> Verdict? {
        // A generic identifier header lowers the bar to one cell; a bare profile needs a few.
        guard profile.count >= (isIdentifier ? 1 : Self.minimumCells) else { return nil }
        let rosterNames = roster.filter { $0.column != column }.map(\.role)
        if profile.share(profile.validIDs) >= Self.profileShare {
            return Verdict(entity: .nationalID, confidence: .high,
                           basis: .profile(shape: "valid national identifiers (check digits)", percent: profile.percent(profile.validIDs)))
        }
        if profile.share(profile.emails) >= Self.strictShare {
            return Verdict(entity: .emailAddress, confidence: .medium,
                           basis: .profile(shape: "e-mail addresses", percent: profile.percent(profile.emails)))
        }
        if profile.share(profile.phoneShaped) >= Self.strictShare {
            return Verdict(entity: .phoneNumber, confidence: .medium,
                           basis: .profile(shape: "phone-shaped", percent: profile.percent(profile.phoneShaped)))
        }
        let passport = profile.share(profile.passportShaped) >= Self.profileShare
        if isIdentifierColumn(profile) {
            let entity: EntityKind = passport ? .passportNumber : .nationalID
            if !rosterNames.isEmpty {
                return Verdict(entity: entity, confidence: .medium, basis: .roster(columns: rosterNames))
            }
            if isIdentifier && passport {
                return Verdict(entity: .passportNumber, confidence: .medium,
                               basis: .profile(shape: "passport-shaped", percent: profile.percent(profile.passportShaped)))
            }
        }
        // Birth dates need the roster, an unknown header (no event named), and ages of persons.
        if !isIdentifier, !rosterNames.isEmpty, profile.share(profile.dates) >= Self.strictShare,
           profile.birthYears == profile.dates, Double(profile.adultYears) >= Self.profileShare * Double(profile.dates) {
            return Verdict(entity: .dateOfBirth, confidence: .medium,
                           basis: .birthDatesInRoster(percent: profile.percent(profile.birthYears), columns: rosterNames))
        }
        return nil
    }

    /// A column of names in a roster: most cells are names the lexicons know (a given-name or
    /// surname column on its own, `Vornamen`, `Sobrenome`, under any header), and another
    /// column already makes the table a roster of persons. Lexicons know only part of the
    /// world's names, so a majority is enough there; places, months and common words never count.
    static let lexiconNameShare = 0.6

    private func nameColumn(_ profile: ColumnProfile, roster: [(column: Int, role: String)], column: Int) -> Verdict? {
        let rosterNames = roster.filter { $0.column != column }.map(\.role)
        guard !rosterNames.isEmpty, profile.count >= Self.minimumCells,
              profile.share(profile.lexiconNames) >= Self.lexiconNameShare else { return nil }
        return Verdict(entity: .person, confidence: .medium,
                       basis: .profile(shape: "names the name lexicons know", percent: profile.percent(profile.lexiconNames)))
    }

    /// Mostly distinct codes of 6–20 letters and digits, not round amounts.
    private func isIdentifierColumn(_ profile: ColumnProfile) -> Bool {
        guard profile.share(profile.identifierLike) >= Self.profileShare else { return false }
        guard profile.roundNumbers * 2 < max(profile.identifierLike, 1),
              profile.referenceLike * 2 < max(profile.identifierLike, 1) else { return false }
        return profile.count < Self.minimumCells || Double(profile.distinct) >= Self.strictShare * Double(profile.count)
    }

    /// The columns that make the table a roster of persons, described for the reason
    /// (`name column "姓名"`): by header a person or a birth date (an address column joins
    /// them, but alone it does not make a roster); by profile a column of name-shaped values
    /// when another column's header already names personal data.
    private func rosterColumns(_ table: Table, _ evidence: [HeaderEvidence],
                               _ profile: (Int, (any NameEvidence)?) -> ColumnProfile) -> [(column: Int, role: String)] {
        var roster: [(column: Int, role: String)] = []
        var anyPersonalHeader = false
        for (column, header) in evidence.enumerated() {
            guard case .entity(let entity, _) = header.meaning else { continue }
            if entity != .address { anyPersonalHeader = true }
            let role: String
            switch entity {
            case .person: role = "name column"
            case .dateOfBirth: role = "birth-date column"
            case .address: role = "address column"
            default: continue
            }
            roster.append((column, role + " \"" + table.columns[column].header + "\""))
        }
        // An address alone does not make a roster: firms, venues and offices have addresses too.
        if roster.contains(where: { !$0.role.hasPrefix("address") }) { return roster }
        roster.removeAll()
        guard anyPersonalHeader else { return roster }
        for (column, header) in evidence.enumerated() where header.meaning == nil && !header.notPersonal && !header.notName {
            let values = profile(column, names)
            if values.count >= Self.minimumCells, values.share(values.nameShaped) >= Self.strictShare {
                roster.append((column, "name-shaped column \"" + table.columns[column].header + "\""))
            }
        }
        return roster
    }

    /// Cells of `column` whose row names the document type in a type column.
    private func typedCells(_ document: Document, _ table: Table, column: Int, typeColumns: [Int]) -> [Finding] {
        var result: [Finding] = []
        for ref in table.columns[column].cells {
            for typeColumn in typeColumns {
                guard let typeRef = Table.cell(headed: table.columns[typeColumn].header, besides: ref, in: document) else { continue }
                let typeValue = document.records[typeRef.record].fields[typeRef.field].value
                guard let entity = columns.entity(forDocumentType: typeValue) else { continue }
                let field = document.records[ref.record].fields[ref.field]
                guard let span = ColumnDetector.contentSpan(of: field.value) else { break }
                result.append(Finding(ruleID: ColumnDetector.ruleID(for: entity), entity: entity, field: ref, span: span,
                                      confidence: .high,
                                      evidence: Evidence(source: .table(header: table.columns[column].header,
                                                                        basis: .siblingType(column: table.columns[typeColumn].header)))))
                break
            }
        }
        return result
    }
}
