//! "Did you mean": the closest valid names to a mistyped one.

/// A candidate that contains the name typed (`phone_number` in
/// `home_phone_number`) counts as this close.
const CONTAINS_SCORE: f64 = 0.85;

/// Up to three of `candidates` close to `name` (by Jaro-Winkler
/// similarity, or containing it), closest first.
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|candidate| {
            let similar = strsim::jaro_winkler(name, candidate);
            let contains = if !name.is_empty() && candidate.contains(name) {
                CONTAINS_SCORE
            } else {
                0.0
            };
            (similar.max(contains), candidate)
        })
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(3)
        .map(|(_, candidate)| candidate.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn typos_and_parts_of_names_find_the_field() {
        let fields = [
            "first_name",
            "last_name",
            "home_phone_number",
            "primary_phone",
        ];
        assert_eq!(closest("frist_name", fields)[0], "first_name");
        assert_eq!(closest("phone_number", fields), ["home_phone_number"]);
        assert!(closest("zzz", fields).is_empty());
    }
}
