import Testing
@testable import Redaction

/// `remove` leaves no double space, no space before punctuation, no space at a line's ends.
struct RemovalTidyTests {
    @Test("removing one value tidies the spaces next to it", arguments: [
        ("call 13812345678, please", "13812345678", "call, please"),
        ("call 13812345678 now", "13812345678", "call now"),
        ("Tel:13812345678 now", "13812345678", "Tel: now"),
        ("13812345678 is mine", "13812345678", "is mine"),
        ("mine is 13812345678", "13812345678", "mine is"),
        ("mine is 13812345678.", "13812345678", "mine is."),
        ("(13812345678)", "13812345678", "()"),
        ("call ( 13812345678 ) now", "13812345678", "call () now"),
        ("x 13812345678\ny", "13812345678", "x\ny"),
        ("x\n13812345678 y", "13812345678", "x\ny"),
        ("x\t13812345678\t, y", "13812345678", "x, y"),
        ("电话：13812345678，谢谢", "13812345678", "电话：，谢谢"),
        ("联系 13812345678 。", "13812345678", "联系。"),
        ("13812345678", "13812345678", ""),
        ("  13812345678  ", "13812345678", ""),
        ("a\u{3000}13812345678\u{3000}b", "13812345678", "a\u{3000}b"),
        ("a  13812345678  b", "13812345678", "a  b"),
    ])
    func single(value: String, removed: String, expected: String) {
        let decision = TransformFixtures.redaction(of: removed, in: value, .remove)
        let result = FieldRewriter.apply([decision], to: value, context: TransformFixtures.context())
        #expect(result.value == expected)
        #expect(result.replacements.allSatisfy { $0.isEmpty })
    }

    @Test("neighbouring removals and replacements leave single spaces", arguments: [
        ("a 111 222 b", ["111": Operator.remove, "222": .remove], "a b"),
        ("111 222", ["111": .remove, "222": .remove], ""),
        ("call 111 and 222 now", ["111": .remove, "222": .remove], "call and now"),
        ("call 111 222, now", ["111": .remove, "222": .remove], "call, now"),
        ("x 111 222 y", ["111": .label, "222": .remove], "x [PHONE_NUMBER] y"),
        ("x 111 222 y", ["111": .remove, "222": .label], "x [PHONE_NUMBER] y"),
        ("x 111222 y", ["111": .remove, "222": .label], "x [PHONE_NUMBER] y"),
    ])
    func neighbours(value: String, ops: [String: Operator], expected: String) {
        let decisions = ops.map { TransformFixtures.redaction(of: $0.key, in: value, $0.value) }
        let result = FieldRewriter.apply(decisions, to: value, context: TransformFixtures.context())
        #expect(result.value == expected)
    }
}
