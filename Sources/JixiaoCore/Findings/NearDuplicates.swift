/// Passages of text copied between departments of the same year, found by shingled MinHash: each passage becomes
/// 64 minima over its 5-character shingles (letters, digits and CJK only), banded 16 × 4 so that passages sharing
/// a band become candidates, and every candidate pair is kept when its estimated overlap (equal minima ÷ 64) reaches
/// the threshold. Pure and deterministic — the fingerprints and band keys never change between runs, so the store
/// keeps them — and linear in the text, so a province's reports take seconds.
public enum NearDuplicates {
    /// One passage of one department's text.
    public struct Passage: Sendable, Hashable {
        public var code: String
        public var name: String
        /// The report section it stands in; nil for the 部门概况.
        public var section: NarrativeSection?
        /// Its paragraph within that text, from 1.
        public var paragraph: Int
        public var text: String

        public init(code: String, name: String, section: NarrativeSection?, paragraph: Int, text: String) {
            self.code = code
            self.name = name
            self.section = section
            self.paragraph = paragraph
            self.text = text
        }

        /// Where it stands, e.g. `（一）履职效能分析第 2 段`.
        public var place: String { "\(section?.heading ?? "部门概况")第 \(paragraph) 段" }
        /// The text and paragraph it is, bundle-path style: `department.overview[0]`, `narrative.performance[1]`.
        public var subject: String {
            (section.map { "narrative.\($0.rawValue)" } ?? "department.overview") + "[\(paragraph - 1)]"
        }
    }

    /// A passage with its fingerprint (``signature(of:)``).
    public struct Fingerprint: Sendable, Hashable {
        public var passage: Passage
        public var signature: [UInt64]

        public init(passage: Passage, signature: [UInt64]) {
            self.passage = passage
            self.signature = signature
        }

        /// The passage fingerprinted.
        public init(_ passage: Passage) {
            self.init(passage: passage, signature: NearDuplicates.signature(of: passage.text))
        }
    }

    /// Two passages of two departments and how much of their wording they share (0–1, estimated).
    public struct Pair: Sendable, Hashable {
        public var first: Passage
        public var second: Passage
        public var similarity: Rational
    }

    /// Passages shorter than this (in letters, digits and CJK characters) are left out: short sentences repeat by
    /// nature.
    public static let minimumCharacters = 60
    /// Above this many passages in one band, its passages are paired with one of them instead of with each other.
    public static let maximumBucket = 64
    /// Two passages are near duplicates from this estimated share of shared wording.
    public static let threshold = Rational(8, 10)
    static let shingle = 5
    static let hashes = 64
    static let rows = 4

    /// Every pair of passages of different departments whose estimated similarity is at least `threshold`, most
    /// similar first.
    public static func pairs(_ passages: [Passage], threshold: Rational = threshold) -> [Pair] {
        pairs(passages.map(Fingerprint.init), threshold: threshold)
    }

    /// Every pair of fingerprinted passages of different departments whose estimated similarity is at least
    /// `threshold`, most similar first.
    public static func pairs(_ fingerprints: [Fingerprint], threshold: Rational = threshold) -> [Pair] {
        var buckets: [Int64: [Int]] = [:]
        for (index, fingerprint) in fingerprints.enumerated() {
            for key in bands(fingerprint.signature) { buckets[key, default: []].append(index) }
        }
        var seen: Set<Int> = []
        var pairs: [Pair] = []
        for members in buckets.values where members.count > 1 {
            // A band shared by very many passages is a template sentence every department kept: each is paired with
            // the first only, so the work stays linear in the passages.
            let star = members.count > maximumBucket
            for (offset, a) in members.enumerated() where !star || offset == 0 {
                for b in members[(offset + 1)...] where fingerprints[a].passage.code != fingerprints[b].passage.code {
                    let (low, high) = (min(a, b), max(a, b))
                    guard seen.insert(low * fingerprints.count + high).inserted else { continue }
                    if let pair = pair(fingerprints[low], fingerprints[high], threshold: threshold) { pairs.append(pair) }
                }
            }
        }
        return sorted(pairs)
    }

    /// The pairs of one department's passages (`own`) with other departments' (`others`, e.g. the holders of its
    /// bands the store found) at least `threshold` similar, most similar first.
    public static func matches(of own: [Fingerprint], among others: [Fingerprint],
                               threshold: Rational = threshold) -> [Pair] {
        sorted(own.flatMap { mine in
            others.compactMap { other in
                other.passage.code == mine.passage.code ? nil : pair(mine, other, threshold: threshold)
            }
        })
    }

    /// The two passages as a pair when they are at least `threshold` similar.
    static func pair(_ first: Fingerprint, _ second: Fingerprint, threshold: Rational) -> Pair? {
        guard !first.signature.isEmpty, first.signature.count == second.signature.count else { return nil }
        let equal = zip(first.signature, second.signature).filter { $0 == $1 }.count
        let similarity = Rational(Int128(equal), Int128(hashes))
        return similarity >= threshold ? Pair(first: first.passage, second: second.passage, similarity: similarity) : nil
    }

    static func sorted(_ pairs: [Pair]) -> [Pair] {
        pairs.sorted { ($1.similarity, $0.first.code, $0.second.code, $0.first.place, $0.second.place)
            < ($0.similarity, $1.first.code, $1.second.code, $1.first.place, $1.second.place) }
    }

    /// The text's 64 minima, or none when it is too short to judge.
    public static func signature(of text: String) -> [UInt64] {
        let characters = text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .map(\.value)
        guard characters.count >= minimumCharacters else { return [] }
        var minima = [UInt64](repeating: .max, count: hashes)
        for start in 0...(characters.count - shingle) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for character in characters[start..<(start + shingle)] {
                hash = (hash ^ UInt64(character)) &* 0x0000_0100_0000_01b3
            }
            for index in 0..<hashes {
                let value = mix(hash ^ seeds[index])
                if value < minima[index] { minima[index] = value }
            }
        }
        return minima
    }

    /// The keys of a signature's 16 bands of 4 minima — stable between runs, so the store indexes them; two
    /// passages that share a key are candidates. None for a passage too short to judge.
    public static func bands(_ signature: [UInt64]) -> [Int64] {
        guard signature.count == hashes else { return [] }
        return (0..<(hashes / rows)).map { band in
            var key = mix(UInt64(band))
            for row in 0..<rows { key = mix(key ^ signature[band * rows + row]) }
            return Int64(bitPattern: key)
        }
    }

    /// 64 fixed seeds, one per permutation (splitmix64 of 1…64), so the fingerprints never change between runs.
    static let seeds: [UInt64] = (1...hashes).map { mix(UInt64($0)) }

    /// splitmix64's finaliser: a fast, well-spread 64-bit mix.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A department's passages: each paragraph of its 部门概况 and of its written report sections, where it stands.
    public static func passages(code: String, name: String, overview: String,
                                narrative: [NarrativeSection: String]) -> [Passage] {
        let texts: [(NarrativeSection?, String)] = [(nil, overview)]
            + NarrativeSection.allCases.compactMap { section in narrative[section].map { (section, $0) } }
        return texts.flatMap { section, text in
            text.split(whereSeparator: \.isNewline).enumerated().map { index, paragraph in
                Passage(code: code, name: name, section: section, paragraph: index + 1, text: String(paragraph))
            }
        }
    }
}
