//! Small text helpers shared by the renderers: vocabulary words, lists, wrapping.

use std::fmt::Display;

use treaty_model::coverage::Matrix;
use treaty_model::ids::SourceId;
use treaty_model::model::PowerScope;
use treaty_model::model::Sources;

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
}
