import JixiaoReport
import Testing

/// Text is escaped for HTML whatever it holds: the five characters markup needs replaced, line breaks kept or made
/// `<br>`, everything else — Chinese, emoji, combining marks — left as it is.
@Test func htmlEscapingReplacesOnlyWhatMarkupNeeds() {
    #expect(HTMLRenderer.escape("科普活动 6 场") == "科普活动 6 场")
    #expect(HTMLRenderer.escape("<a href=\"x\">'甲'&乙</a>", lineBreaks: false)
        == "&lt;a href=&quot;x&quot;&gt;&#39;甲&#39;&amp;乙&lt;/a&gt;")
    #expect(HTMLRenderer.escape("第一行\n第二行") == "第一行<br>第二行")
    #expect(HTMLRenderer.escape("第一行\n第二行", lineBreaks: false) == "第一行\n第二行")
    #expect(HTMLRenderer.escape("e\u{301}<👩‍🔬>") == "e\u{301}&lt;👩‍🔬&gt;")
    #expect(HTMLRenderer.escape("") == "")
}
