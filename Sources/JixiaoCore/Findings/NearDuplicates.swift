/// Passages of text copied between departments of the same year, found by shingled MinHash: each passage becomes
/// 64 minima over its 5-character shingles (letters, digits and CJK only), banded 16 × 4 so that passages sharing
/// a band become candidates, and every candidate pair is kept when its estimated overlap (equal minima ÷ 64) reaches
/// the threshold. Pure and deterministic; linear in the text, so a province's reports take seconds.
public enum NearDuplicates {
    /// One passage of one department's text.
    public struct Passage: Sendable, Hashable {
        public var code: String
        public var name: String
        /// Where it stands, e.g. `二、（一）第 2 段`.
        public var place: String
        public var text: String

        public init(code: String, name: String, place: String, text: String) {
            self.code = code
            self.name = name
            self.place = place
            self.text = text
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
    static let shingle = 5
    static let hashes = 64
    static let rows = 4

    /// Every pair of passages of different departments whose estimated similarity is at least `threshold`, most
    /// similar first.
    public static func pairs(_ passages: [Passage], threshold: Rational = Rational(8, 10)) -> [Pair] {
        let signatures = passages.map(signature)
        var buckets: [Int: [Int]] = [:]
        for (index, signature) in signatures.enumerated() where !signature.isEmpty {
            for band in 0..<(hashes / rows) {
                var key = Hasher()
                key.combine(band)
                for row in 0..<rows { key.combine(signature[band * rows + row]) }
                buckets[key.finalize(), default: []].append(index)
            }
        }
        var seen: Set<Int> = []
        var pairs: [Pair] = []
        for members in buckets.values where members.count > 1 {
            // A band shared by very many passages is a template sentence every department kept: each is paired with
            // the first only, so the work stays linear in the passages.
            let star = members.count > maximumBucket
            for (offset, a) in members.enumerated() where !star || offset == 0 {
                for b in members[(offset + 1)...] where passages[a].code != passages[b].code {
                    let (low, high) = (min(a, b), max(a, b))
                    guard seen.insert(low * passages.count + high).inserted else { continue }
                    let equal = zip(signatures[low], signatures[high]).filter { $0 == $1 }.count
                    let similarity = Rational(Int128(equal), Int128(hashes))
                    if similarity >= threshold {
                        pairs.append(Pair(first: passages[low], second: passages[high], similarity: similarity))
                    }
                }
            }
        }
        return pairs.sorted { ($1.similarity, $0.first.code, $0.second.code, $0.first.place)
            < ($0.similarity, $1.first.code, $1.second.code, $1.first.place) }
    }

    /// The passage's 64 minima, or none when it is too short to judge.
    static func signature(_ passage: Passage) -> [UInt64] {
        let characters = passage.text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
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

    /// 64 fixed seeds, one per permutation (splitmix64 of 1…64), so the fingerprints never change between runs.
    static let seeds: [UInt64] = (1...hashes).map { mix(UInt64($0)) }

    /// splitmix64's finaliser: a fast, well-spread 64-bit mix.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A department's passages: each paragraph of its 部门概况 and of its written report sections (named by
    /// `heading`), where it stands.
    public static func passages(code: String, name: String, overview: String, narrative: [NarrativeSection: String],
                                heading: (NarrativeSection) -> String) -> [Passage] {
        let sections: [(String, String)] = [("部门概况", overview)]
            + NarrativeSection.allCases.compactMap { section in narrative[section].map { (heading(section), $0) } }
        return sections.flatMap { title, text in
            text.split(whereSeparator: \.isNewline).enumerated().map { index, paragraph in
                Passage(code: code, name: name, place: "\(title)第 \(index + 1) 段", text: String(paragraph))
            }
        }
    }
}
