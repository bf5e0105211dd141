import Testing
@testable import Redaction

@Suite("Source maps")
struct SourceMapTests {
    @Test("a value copied unchanged maps every offset by the same distance")
    func plainCopy() {
        let map = SourceMap(sourceStart: 40)
        #expect(map.sourceOffset(ofValueOffset: 0) == 40)
        #expect(map.sourceOffset(ofValueOffset: 7) == 47)
        #expect(map.anchors == [SourceMap.Anchor(value: 0, source: 40)])
    }

    @Test("an anchor at value offset 0 moves the start (a value that begins with an escape)")
    func anchorAtStart() {
        var map = SourceMap(sourceStart: 10)
        map.addAnchor(value: 0, source: 12)
        #expect(map.sourceOffset(ofValueOffset: 0) == 12)
        #expect(map.sourceOffset(ofValueOffset: 3) == 15)
        #expect(map.anchors == [SourceMap.Anchor(value: 0, source: 12)])
    }

    @Test("offsets keep the difference of the last anchor at or before them; a repeated anchor replaces it")
    func laterAnchors() {
        var map = SourceMap(sourceStart: 1)       // "a""b\nc" read as a"b<LF>c
        map.addAnchor(value: 2, source: 4)        // after `""`
        map.addAnchor(value: 3, source: 5)
        map.addAnchor(value: 3, source: 7)        // replaces the one just added
        #expect(map.sourceOffset(ofValueOffset: 1) == 2)
        #expect(map.sourceOffset(ofValueOffset: 2) == 4)
        #expect(map.sourceOffset(ofValueOffset: 3) == 7)
        #expect(map.sourceOffset(ofValueOffset: 5) == 9)
        #expect(map.anchors.map(\.value) == [0, 2, 3])
    }
}
