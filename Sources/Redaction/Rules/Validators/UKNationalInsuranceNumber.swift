/// The plausibility of a UK National Insurance number (there is no check digit).
///
/// Two prefix letters, six digits and a suffix A–D. HMRC never uses D, F, I, Q, U or V in
/// the prefix nor O as its second letter (they are misread for other characters), and never
/// allocates the prefixes BG, GB, KN, NK, NT, TN and ZZ. `QQ 12 34 56 C` is HMRC's own
/// format example. Such a number is not a NINO on its own, but after a National Insurance
/// label it is what someone wrote into that field, so a failure lowers confidence instead
/// of dropping the match.
enum UKNationalInsuranceNumber {
    private static let neverFirst = Set("DFIQUV".utf8)
    private static let neverSecond = Set("DFIOQUV".utf8)
    private static let unallocated: Set<[UInt8]> = Set(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].map { Array($0.utf8) })

    /// Whether `bytes` (spaces ignored) hold an allocatable prefix, six digits and A–D.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        let chars = ASCIIDigits.alphanumerics(in: bytes)
        guard chars.count == 9, chars.prefix(2).allSatisfy(ASCIIDigits.isUpperLetter),
              chars[2..<8].allSatisfy({ ASCIIDigits.value(of: $0) != nil }),
              (UInt8(ascii: "A")...UInt8(ascii: "D")).contains(chars[8])
        else { return false }
        let prefix = Array(chars.prefix(2))
        return !neverFirst.contains(prefix[0]) && !neverSecond.contains(prefix[1]) && !unallocated.contains(prefix)
    }
}
