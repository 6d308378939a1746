//! Small text helpers shared by the renderers: vocabulary words, lists, wrapping.

use std::fmt::Display;

use treaty_model::Dataset;
use treaty_model::coverage::Matrix;
use treaty_model::dataset::EntryIntoForce;
use treaty_model::date::Date;
use treaty_model::ids::{SourceId, TextVersionId};
use treaty_model::model::Sources;
use treaty_model::model::{CrosswalkEntry, PowerScope};

/// A vocabulary value in words (`cross border`, `shall as appropriate`).
pub fn words<T: Display>(value: &T) -> String {
    value.to_string().replace('-', " ")
}

/// `1 error`, `2 errors`: a count with its noun (English plurals in `s` only).
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Items joined with `, `.
pub fn join<T: Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `[UN Treaty Collection, chapter XVIII-16; Trend, 10 February 2026]`: sources as a reader
/// cites them (ids are for machines), in the order given; nothing for none.
pub fn cite(files: &[Sources], ids: &[SourceId]) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let names: Vec<String> = ids
        .iter()
        .map(|id| Sources::citation_of(files, id))
        .collect();
    format!("[{}]", names.join("; "))
}

/// Wraps `text` into lines of at most `width` characters (words longer than that stay whole),
/// each starting with `indent`. Whitespace runs (YAML folding) become single spaces.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for w in text.split_whitespace() {
        let len = line.chars().count();
        if !line.is_empty() && indent.len() + len + 1 + w.chars().count() > width {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A list item: `- text` wrapped at `width` with a hanging indent, so that continuation lines
/// start under the text rather than under the dash.
pub fn item(text: &str, width: usize, indent: &str) -> String {
    let hang = format!("{indent}  ");
    let wrapped = wrap(text, width.saturating_sub(2) + 2, &hang);
    let mut out = String::new();
    for (i, line) in wrapped.lines().enumerate() {
        if i == 0 {
            out.push_str(indent);
            out.push_str("- ");
            out.push_str(line.trim_start());
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Items packed into lines of at most `width` characters, separated by `sep`, never split
/// inside an item; each line starts with `indent`.
pub fn pack<S: AsRef<str>>(items: &[S], width: usize, indent: &str, sep: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for item in items {
        let item = item.as_ref();
        if !line.is_empty()
            && indent.len() + line.chars().count() + sep.len() + item.chars().count() > width
        {
            out.push_str(indent);
            out.push_str(line.trim_end());
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push_str(sep);
        }
        line.push_str(item);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Short, unique codes for column headers: the initials of a multi-word id
/// (`prior-judicial-authorisation` -> `PJA`), the first three letters of a one-word id
/// (`legality` -> `Leg`); a code already taken is lengthened with the next letters of the
/// id's last word until it is unique.
pub fn abbreviations<S: AsRef<str>>(ids: &[S]) -> Vec<String> {
    const SMALL: [&str; 7] = ["of", "and", "the", "for", "to", "on", "in"];
    let mut taken: Vec<String> = Vec::new();
    for id in ids {
        let parts: Vec<&str> = id
            .as_ref()
            .split('-')
            .filter(|w| !w.is_empty() && !SMALL.contains(w))
            .collect();
        let base = |extra: usize| -> String {
            match parts.as_slice() {
                [] => id.as_ref().to_owned(),
                [one] => capitalise(&one.chars().take(3 + extra).collect::<String>()),
                many => {
                    let mut s: String = many
                        .iter()
                        .filter_map(|w| w.chars().next())
                        .map(|c| c.to_ascii_uppercase())
                        .collect();
                    let last = many[many.len() - 1];
                    s.extend(last.chars().skip(1).take(extra));
                    s
                }
            }
        };
        let longest = id.as_ref().chars().count();
        let mut code = base(0);
        let mut extra = 0;
        while taken.contains(&code) && extra < longest {
            extra += 1;
            code = base(extra);
        }
        if taken.contains(&code) {
            code = id.as_ref().to_owned();
        }
        taken.push(code);
    }
    taken
}

/// The text with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A text version inside a sentence: its label with a lower-case first letter (`the updated
/// draft of May 2024`, `the final text`), unless the label starts with an abbreviation.
pub fn version_words(dataset: &Dataset, id: &TextVersionId) -> String {
    let label = dataset.version_label(id);
    let mut c = label.chars();
    match (c.next(), c.next()) {
        (Some(f), Some(s)) if s.is_lowercase() => f
            .to_lowercase()
            .chain(label[f.len_utf8()..].chars())
            .collect(),
        _ => label.to_owned(),
    }
}

/// What a crosswalk entry maps to in the other treaty: `Article 19: Search and seizure of
/// stored computer data`, or `no counterpart`.
pub fn counterpart(e: &CrosswalkEntry) -> String {
    match (&e.other_provision, &e.other_title) {
        (Some(p), Some(t)) => format!("Article {p}: {t}"),
        (Some(p), None) => format!("Article {p}"),
        (None, _) => "no counterpart".to_owned(),
    }
}

/// A heading for a group of powers.
pub fn group_title(scope: PowerScope) -> &'static str {
    match scope {
        PowerScope::Domestic => "Domestic powers (Chapter IV)",
        PowerScope::CrossBorder => "Cross-border powers (Chapter V)",
        _ => "Other powers",
    }
}

/// One-letter codes for the data categories of the matrix (`E` electronic data): the first
/// letter, or more on a clash.
pub fn category_codes(matrix: &Matrix) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in &matrix.data_categories {
        let id = c.id.as_str();
        let mut n = 1;
        let mut code: String = id.chars().take(n).collect::<String>().to_uppercase();
        while out.contains(&code) && n < id.len() {
            n += 1;
            code = id.chars().take(n).collect::<String>().to_uppercase();
        }
        out.push(code);
    }
    out
}

/// Entry into force in one sentence, as of `today`: when, whether it has come, and what the
/// computation rests on.
pub fn entry_into_force(e: &EntryIntoForce, today: Date) -> String {
    let (earliest, latest, decisive_state, required) = match e {
        EntryIntoForce::Pending { deposits, required } => {
            return format!(
                "not yet in force: {} recorded of the {required} required",
                plural(*deposits, "deposit")
            );
        }
        EntryIntoForce::Reached {
            earliest,
            latest,
            decisive_state,
            required,
            ..
        } => (*earliest, *latest, *decisive_state, *required),
        _ => return String::from("not computed"),
    };
    let came = e.in_force_on(today);
    let recorded = format!(
        "the {} required {} recorded, some without a date",
        plural(usize::from(required), "deposit"),
        if required == 1 { "is" } else { "are" }
    );
    let when = match (earliest, latest) {
        (Some(a), Some(b)) if a == b => match came {
            Some(true) => format!("in force since {a}"),
            _ => format!("enters into force on {a}"),
        },
        (Some(a), Some(b)) => match came {
            Some(true) => format!("in force since a day from {a} to {b}"),
            Some(false) => format!("enters into force on a day from {a} to {b}"),
            None => {
                format!("enters into force on a day from {a} to {b}; it may already be in force")
            }
        },
        (Some(a), None) => match came {
            Some(false) => format!("{recorded}: entry into force falls on or after {a}"),
            _ => format!(
                "{recorded}: entry into force falls on or after {a}; it may already be in force"
            ),
        },
        (None, Some(b)) => match came {
            Some(true) => format!("{recorded}: in force since a day on or before {b}"),
            _ => format!(
                "{recorded}: entry into force falls on or before {b}; it may already be in force"
            ),
        },
        (None, None) => {
            // A single undated deposit can still be certain to have completed the count.
            let by = decisive_state
                .map(|s| format!(" (the deciding deposit was {s}'s)"))
                .unwrap_or_default();
            return format!("{recorded}: the date of entry into force cannot be computed{by}");
        }
    };
    let mut basis = Vec::new();
    if let Some(s) = decisive_state {
        basis.push(format!("the deciding deposit was {s}'s"));
    }
    // Which deposits leave the day open is not kept: a range may come from a month-dated
    // deposit or from an undated one that may have been among the first.
    if e.date().is_none() && earliest.is_some() && latest.is_some() {
        basis.push("deposits without a full date leave the day open".to_owned());
    } else if e.date().is_none() {
        basis.push("undated deposits leave the day open".to_owned());
    }
    if basis.is_empty() {
        format!("{when} (computed)")
    } else {
        format!("{when} (computed: {})", basis.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_and_unique() {
        let ids = [
            "legality",
            "prior-judicial-authorisation",
            "integrity-of-communications-and-systems",
            "international-cooperation-safeguards",
            "accuracy",
            "accountability",
            "a",
        ];
        assert_eq!(
            abbreviations(&ids),
            ["Leg", "PJA", "ICS", "ICSa", "Acc", "Acco", "A"]
        );
    }

    #[test]
    fn items_hang() {
        assert_eq!(item("one two three", 12, "  "), "  - one two\n    three\n");
    }

    #[test]
    fn packs_whole_items() {
        assert_eq!(
            pack(&["aa bb", "cc", "dd ee"], 12, "  ", ", "),
            "  aa bb, cc\n  dd ee\n"
        );
    }

    #[test]
    fn wraps_at_the_width() {
        assert_eq!(
            wrap("one two  three\nfour", 10, "  "),
            "  one two\n  three\n  four\n"
        );
        assert_eq!(wrap("", 10, "  "), "");
    }

    #[test]
    fn undated_deposits_bound_entry_into_force_from_one_side_or_none() {
        let day = |s: &str| s.parse::<Date>().expect("a date");
        let reached = |earliest: Option<Date>, latest: Option<Date>| EntryIntoForce::Reached {
            earliest,
            latest,
            decisive_state: None,
            deposits: 41,
            required: 40,
        };
        let e = reached(Some(day("2026-06-30")), None);
        assert_eq!(e.in_force_on(day("2026-06-29")), Some(false));
        assert_eq!(
            entry_into_force(&e, day("2026-06-29")),
            "the 40 deposits required are recorded, some without a date: entry into force falls \
             on or after 2026-06-30 (computed: undated deposits leave the day open)"
        );
        assert_eq!(e.in_force_on(day("2027-01-01")), None);
        assert_eq!(
            entry_into_force(&e, day("2027-01-01")),
            "the 40 deposits required are recorded, some without a date: entry into force falls \
             on or after 2026-06-30; it may already be in force (computed: undated deposits leave \
             the day open)"
        );
        assert_eq!(
            entry_into_force(&reached(None, None), day("2027-01-01")),
            "the 40 deposits required are recorded, some without a date: the date of entry \
             into force cannot be computed"
        );
        // So many undated deposits that no lower bound follows, but enough dated ones to
        // bound it from above: in force once that bound has passed, as the JSON says.
        let e = reached(None, Some(day("2026-06-30")));
        assert_eq!(e.in_force_on(day("2026-07-01")), Some(true));
        assert_eq!(
            entry_into_force(&e, day("2026-07-01")),
            "the 40 deposits required are recorded, some without a date: in force since a day \
             on or before 2026-06-30 (computed: undated deposits leave the day open)"
        );
        assert_eq!(
            entry_into_force(&e, day("2026-06-01")),
            "the 40 deposits required are recorded, some without a date: entry into force falls \
             on or before 2026-06-30; it may already be in force (computed: undated deposits \
             leave the day open)"
        );
        let one = EntryIntoForce::Reached {
            earliest: None,
            latest: None,
            decisive_state: None,
            deposits: 2,
            required: 1,
        };
        assert_eq!(
            entry_into_force(&one, day("2026-06-01")),
            "the 1 deposit required is recorded, some without a date: the date of entry into \
             force cannot be computed"
        );
        // One undated deposit and no other: it completed the count, as the JSON says.
        let alone = EntryIntoForce::Reached {
            earliest: None,
            latest: None,
            decisive_state: Some("AZE".parse().expect("a state code")),
            deposits: 1,
            required: 1,
        };
        assert_eq!(
            entry_into_force(&alone, day("2026-06-01")),
            "the 1 deposit required is recorded, some without a date: the date of entry into \
             force cannot be computed (the deciding deposit was AZE's)"
        );
    }
}
