/// How long a text field may be, wherever it comes from (bundle, workbook, form): a narrative section of the longest
/// reports fits several times over, and no field can swell a report or a page to megabytes.
public enum TextLimits {
    /// Characters a text field may hold.
    public static let maximumCharacters = 20_000

    /// Bytes a form posting `fields` texts of the largest size may take: each character at most three bytes of UTF-8,
    /// each byte at most three characters of URL encoding, plus room for the rest of the form.
    public static func formBytes(fields: Int) -> Int { fields * maximumCharacters * 9 + 65_536 }
}
