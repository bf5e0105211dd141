/// The US Individual Taxpayer Identification Number: `9XX-XX-XXXX` with a middle group the
/// IRS assigns to ITINs (50–65, 70–88, 90–92, 94–99). There is no check digit; like the SSN
/// check this is an issuance check, and an SSN-shaped number outside it is not an ITIN.
enum USITIN {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 9), digits[0] == 9 else { return false }
        let group = digits[3] * 10 + digits[4]
        return (50...65).contains(group) || (70...88).contains(group) || (90...92).contains(group) || (94...99).contains(group)
    }
}
