//! Markdown text for GitHub (a `treaty diff` comment, the validation step summary).

/// Text from a dataset or a diagnostic, escaped so that a pull-request comment or a step
/// summary shows it as written: a value `<!--` would otherwise open an HTML comment that
/// hides everything after it, and `*`, `_`, `[x](url)` or a backtick would format.
/// CommonMark lets a backslash escape any ASCII punctuation; only the characters that can
/// start markup inside a line are escaped, so that `28(4)` or `as-appropriate` read as they
/// are. (No crate escapes Markdown text: pulldown-cmark's escapers are for HTML.)
/// treaty-model's Markdown export keeps a private copy (`export/markdown.rs`), since sharing
/// one would make it public API there; change both together.
///
/// GitHub turns `@name` into a mention, which notifies that account, and `#12` into a link to
/// an issue, which lists the comment on it; a backslash stops neither (they are found after
/// the Markdown is read). A zero-width space after the `@` or `#` does, and reads the same.
pub fn inert(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
        if matches!(c, '@' | '#') && chars.peek().is_some_and(char::is_ascii_alphanumeric) {
            out.push('\u{200B}');
        }
    }
    out
}

/// [`inert`] text on one line, its runs of white space one space each: a line break would
/// end a list item or a table row.
pub fn inline(s: &str) -> String {
    inert(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}
