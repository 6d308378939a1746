//! "Did you mean ...?" by edit distance.

/// Optimal string alignment distance (Levenshtein plus transpositions), on characters.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2 = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `input`, if it is close enough to be a likely typo: at most a
/// third of the input's length in edits, from one to four, letter case aside. Ids of one
/// family share most of their letters (`eff-2023-08-...`, `hrw-2024-09-...`), so a third of a
/// long id would make an unrelated one "close": a new source would be told to cite another.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (input.chars().count() / 3).clamp(1, 4);
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (distance(&input, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("summary", "sumary"), 1);
        assert_eq!(distance("mandatroy", "mandatory"), 1);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn suggests_only_close_candidates() {
        // A long id of the same family is no typo of a new one; capitals are.
        let sources = [
            "eff-2023-08-surveillance-pact",
            "hrw-2024-09-surveillance-powers",
        ];
        assert_eq!(
            closest("hrw-2024-09-surveillance-power", sources),
            Some(sources[1])
        );
        assert_eq!(
            closest("HRW-2024-09-surveillance-powers", sources),
            Some(sources[1])
        );
        assert_eq!(
            closest(
                "hrw-2024-10-surveillance-treaty",
                sources[..1].iter().copied()
            ),
            None
        );
        let c = ["mandatory", "discretionary", "absent"];
        assert_eq!(closest("mandatroy", c), Some("mandatory"));
        assert_eq!(closest("absant", c), Some("absent"));
        assert_eq!(closest("maybe", c), None);
    }
}
