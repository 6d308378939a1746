//! Markdown text for GitHub (a `treaty diff` comment, the validation step summary).

/// Text from a dataset or a diagnostic, escaped so that a pull-request comment or a step
/// summary shows it as written: a value `<!--` would otherwise open an HTML comment that
/// hides everything after it, and `*`, `_`, `[x](url)` or a backtick would format.
/// CommonMark lets a backslash escape any ASCII punctuation; only the characters that can
/// start markup inside a line are escaped, so that `28(4)` or `as-appropriate` read as they
/// are. (No crate escapes Markdown text: pulldown-cmark's escapers are for HTML.)
/// treaty-model's Markdown export keeps a private copy (`export/markdown.rs`), since sharing
/// one would make it public API there; change both together, but for the step below.
///
/// GitHub turns `@name` into a mention, which notifies that account, and `#12` into a link to
/// an issue, which lists the comment on it; a backslash stops neither (they are found after
/// the Markdown is read). A zero-width space after the `@` or `#` does, and reads the same.
/// It goes only where a word starts, so that `info@example.org` and `page#part` in an
/// address are left whole. (The Markdown edition's copy has no such step: a file is not a
/// comment, and nobody is notified.)
pub fn inert(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
        let starts_word =
            previous.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '"' | '\'' | ','));
        let next = chars.peek();
        let linked = match c {
            '@' => next.is_some_and(char::is_ascii_alphanumeric),
            '#' => next.is_some_and(char::is_ascii_digit),
            _ => false,
        };
        if starts_word && linked {
            out.push('\u{200B}');
        }
        previous = Some(c);
    }
    out
}

/// [`inert`] text on one line, its runs of white space one space each: a line break would
/// end a list item or a table row.
pub fn inline(s: &str) -> String {
    inert(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_and_issue_references_are_broken_where_a_word_starts() {
        assert_eq!(
            inert("ask @eff (@eff) about #12, \"#3\""),
            "ask @\u{200B}eff (@\u{200B}eff) about #\u{200B}12, \"#\u{200B}3\""
        );
        // Addresses stay whole, and so do a heading mark and a `#` before a word.
        assert_eq!(
            inert("info@eff.org https://eff.org/x#s1 https://mastodon.social/@eff #privacy"),
            "info@eff.org https://eff.org/x#s1 https://mastodon.social/@eff #privacy"
        );
    }
}
