/// A drawn chart: its SVG text and the size it is drawn at, in CSS pixels (1/96 inch).
public struct Chart: Sendable, Hashable {
    /// What the chart shows; also its caption and its text for screen readers.
    public let title: String
    public let svg: String
    public let width: Int
    public let height: Int
}
