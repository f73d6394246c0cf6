//! The rule registry: every id an [`Issue`](crate::Issue) can carry in its `rule`, listed once.
//!
//! The structural ids (`shape.*`) come from the shape check every schema runs; the rule ids
//! come from each provider's `RULES` (next to its rules, compiled with the provider). The
//! TypeScript `RuleId` union is printed from [`all_rules`] (`cargo run --example ts_decls`),
//! and `tests/rule_registry.rs` ties the lists to the ids the sources report and to README.

/// The structural ids, reported by the shape check of every schema (severity error).
pub const STRUCTURAL_RULES: &[&str] = &[
    // Malformed JSON (with the 1-based line and column), and JSON that is not Unicode text:
    // a lone surrogate escape or bytes that are not UTF-8, placed at their string.
    "shape.json",
    // A required field is absent.
    "shape.required",
    // A wrong JSON type, a number that is not an integer, a non-finite number, or a number
    // beyond ±(2^53 − 1) anywhere in the document (JavaScript would change it).
    "shape.type",
    // A string that is not a real ISO-8601 date.
    "shape.date",
    // A value outside a closed enum.
    "shape.enum",
];

/// Every rule id of this build: the structural ids, then each compiled provider's rules.
pub fn all_rules() -> impl Iterator<Item = &'static str> {
    let providers: &[&[&'static str]] = &[
        #[cfg(feature = "cegos")]
        crate::cegos::rules::RULES,
        #[cfg(feature = "lara")]
        crate::lara::rules::RULES,
        #[cfg(feature = "france-travail")]
        crate::france_travail::rules::RULES,
        #[cfg(feature = "campus-skills")]
        crate::campus_skills::rules::RULES,
        #[cfg(feature = "campus-csv")]
        crate::campus_skills::csv::RULES,
    ];
    STRUCTURAL_RULES.iter().copied().chain(providers.iter().flat_map(|rules| rules.iter().copied()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for id in all_rules() {
            assert!(seen.insert(id), "{id} is registered twice");
        }
    }
}
