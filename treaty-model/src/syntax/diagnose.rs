//! What a YAML parser error most likely means, and how to fix it.
//!
//! The parser stops where the text stops making sense to it and says so in its own terms
//! ("simple key expect ':'"), often lines after the slip that caused it: a key that lost its
//! `:`, a tab or a non-breaking space in the indentation, a value that starts with a YAML
//! indicator and needed quotes. Telling these apart takes guesses about the text around the
//! error, and each guess grows by exclusions (a lone alias, a block header, a list with a
//! slip, a value already quoted are not prose to quote). They live here, apart from the
//! reader, so that the order in which they are tried is written in one place,
//! [`parser_error`], and so that they depend on nothing but the text, the place of the error,
//! the parser's message and whether brackets are open there: never on the reader's state.
//!
//! The reader keeps its own checks of text the parser accepted (a tab in the indentation of
//! a line it read, ` #word` cut off a value): those run on every file while reading, at nodes
//! the reader has in hand, and report warnings or errors beside a document that is still
//! built; a diagnosis runs once, when reading has already failed. Only the wording of the tab
//! problem is shared, [`tab_problem`], so that both say the same.

use super::source::{Source, indentation};
use super::span::{Lines, Range, Span, offset, to_usize};
use super::{Problem, ProblemKind};

/// The problem that the parser error `message`, raised at byte `at` of `src` (char column
/// `column` of its line), most likely stands for; `open_flow` is where the innermost `[` or
/// `{` still open at the error starts.
///
/// The guesses are tried from the surest to the loosest; the first that recognises the text
/// wins, and the parser's own message, in plain words, is the last resort.
pub(super) fn parser_error(
    src: Source<'_>,
    at: usize,
    column: usize,
    message: &str,
    open_flow: Option<u32>,
) -> Problem {
    let text = Text::new(src);
    // The message names the cause exactly; only its words and its span are ours.
    if message.contains("unknown anchor") {
        return unknown_alias(&text, at);
    }
    if message == "recursion limit exceeded" {
        return Problem::error(
            ProblemKind::DepthLimit,
            text.span(src.char_range(at)),
            "flow collections are nested too deeply for the YAML parser",
        )
        .with_help("flatten the structure");
    }
    if let Some(indicator) = message
        .strip_suffix("' must be followed by a valid YAML whitespace")
        .and_then(|s| s.strip_prefix('\''))
    {
        return tab_after_indicator(&text, at, indicator);
    }
    // Blanks that are not spaces, unseen in an editor: the parser complains about what
    // follows them.
    if let Some(tab) = find_tab(src, at, column, message) {
        return tab_problem(text.span(tab));
    }
    if let Some(line) = nbsp_indented(src, at) {
        return Problem::error(
            ProblemKind::Syntax,
            text.span(line),
            "this line is indented with non-breaking spaces (U+00A0), which YAML does not read as indentation",
        )
        .with_help("replace them with ordinary spaces (often pasted from a word processor)");
    }
    // Text that went on after a line starting with `#word`, which ended the value above.
    if open_flow.is_none()
        && let Some(comment) = comment_cut_value(src, at)
    {
        let written =
            String::from_utf8_lossy(&src.bytes()[to_usize(comment.start)..to_usize(comment.end)])
                .into_owned();
        return Problem::error(
            ProblemKind::Syntax,
            text.span(comment),
            format!(
                "`{written}` is a comment: the value above ends before it, and the line below \
                 is left standing alone"
            ),
        )
        .with_help("quote the whole value, or move the `#` away from the start of the line");
    }
    // A key without its `:`, or without the space after it, which the parser took for the
    // start of a value running on below. Inside brackets no line stands for a key.
    if open_flow.is_none()
        && let Some((start, end)) = keyless_line(src, at, message)
    {
        let line = String::from_utf8_lossy(&src.bytes()[start..end]).into_owned();
        let span = text.span(Range {
            start: offset(start),
            end: offset(end),
        });
        return keyless_problem(span, &line);
    }
    // Otherwise the parser's message, with quoting, a closing quote or a closing bracket as
    // the likeliest fix.
    parser_message(&text, at, message, open_flow)
}

/// The comment line that cut a plain value in two, when the error's line is the rest of it:
///
/// ```yaml
/// summary: Exclude activities that
///   #LGBTQ rights and more
///   from the treaty scope.
/// ```
///
/// The line right above the error's starts with `#` glued to a word, at the error line's
/// indentation (not at the left margin, where a comment between entries stands), and the
/// line above it holds text.
fn comment_cut_value(src: Source<'_>, rel: usize) -> Option<Range> {
    let bytes = src.bytes();
    let (start, _) = src.line_around(rel);
    let (comment, comment_end) = src.line_around(start.checked_sub(1)?);
    let indent = indentation(bytes, comment);
    let hash = comment + indent;
    if indent == 0
        || indentation(bytes, start) != indent
        || bytes.get(hash) != Some(&b'#')
        || !bytes.get(hash + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    let (above, above_end) = src.line_around(comment.checked_sub(1)?);
    let content = bytes.get(above + indentation(bytes, above)..above_end)?;
    if content.is_empty() || content.starts_with(b"#") {
        return None;
    }
    Some(Range {
        start: offset(hash),
        end: offset(comment_end),
    })
}

/// The text with its line table, to turn byte ranges into the lines and columns a problem
/// reports: built once per diagnosis, the same way the builder builds its own.
struct Text<'a> {
    src: Source<'a>,
    lines: Lines,
}

impl<'a> Text<'a> {
    fn new(src: Source<'a>) -> Self {
        Self {
            src,
            lines: Lines::build(src.bytes()),
        }
    }

    fn span(&self, range: Range) -> Span {
        let pos = |at: u32| {
            self.lines
                .pos(self.src.bytes(), self.src.base, to_usize(at))
        };
        Span {
            start: pos(range.start),
            end: pos(range.end),
        }
    }
}

/// `*name` with no `&name` before it: perhaps an alias that lost its anchor, perhaps prose
/// that starts with `*` and needed quotes.
fn unknown_alias(text: &Text<'_>, at: usize) -> Problem {
    let name = text.src.name_at(at);
    let span = text.span(Range {
        start: offset(at),
        end: offset(at + 1 + name.len()),
    });
    Problem::error(
        ProblemKind::UnknownAlias,
        span,
        format!("unknown alias `*{name}`: no anchor `&{name}` is defined before it"),
    )
    .with_help(
        quoting_fix(text.src, at).unwrap_or_else(|| {
            format!("define the anchor with `&{name}` on a node before this alias")
        }),
    )
}

/// `key:<TAB>value`: YAML 1.2 allows the tab, saphyr-parser does not, and its message says
/// the opposite of what is there. The parser stops past the blanks; the span is the blanks
/// after the indicator.
fn tab_after_indicator(text: &Text<'_>, at: usize, indicator: &str) -> Problem {
    let bytes = text.src.bytes();
    let mut start = at;
    while start > 0 && matches!(bytes.get(start - 1), Some(b'\t' | b' ')) {
        start -= 1;
    }
    let span = text.span(Range {
        start: offset(start),
        end: offset(at.max(start + 1)),
    });
    Problem::error(
        ProblemKind::Syntax,
        span,
        format!("a tab after `{indicator}` is not accepted here"),
    )
    .with_help(format!(
        "write a space after `{indicator}` instead of the tab"
    ))
}

/// For a parser error at byte `rel` (char column `col`) caused by a tab, the tab to blame:
/// the parser often reports such errors at the end of the previous token rather than at the
/// tab.
fn find_tab(src: Source<'_>, rel: usize, col: usize, info: &str) -> Option<Range> {
    let about_tabs = info.contains("tab");
    let about_indentation = matches!(
        info,
        "invalid indentation"
            | "while parsing a block mapping, did not find expected key"
            | "while parsing a block collection, did not find expected '-' indicator"
            | "mapping values are not allowed in this context"
            | "block sequence entries are not allowed in this context"
            | "did not find expected <document start>"
    );
    if !about_tabs && !about_indentation {
        return None;
    }
    let bytes = src.bytes();
    let mut line_start = src.line_start(rel, col);
    let mut first_line = true;
    loop {
        let mut i = line_start;
        let mut tab = None;
        while let Some(&b) = bytes.get(i) {
            match b {
                b' ' => {}
                b'\t' => {
                    tab.get_or_insert(i);
                }
                _ => break,
            }
            i += 1;
        }
        let has_content = !matches!(bytes.get(i), None | Some(b'\n' | b'\r' | b'#'));
        if let Some(tab) = tab
            && has_content
        {
            return Some(src.char_range(tab));
        }
        // The scanner looked no further than the first line with content after the error.
        if !about_tabs || (!first_line && has_content) {
            break;
        }
        while !matches!(bytes.get(i), None | Some(b'\n' | b'\r')) {
            i += 1;
        }
        match bytes.get(i) {
            None => break,
            Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            Some(_) => i += 1,
        }
        first_line = false;
        line_start = i;
    }
    about_tabs.then(|| src.char_range(rel))
}

/// A tab in the indentation of block content, found by the reader or blamed for an error.
pub(super) fn tab_problem(span: Span) -> Problem {
    Problem::error(
        ProblemKind::TabIndentation,
        span,
        "a tab is used for indentation; YAML indentation must be spaces",
    )
    .with_help("indent with spaces")
}

/// For a parser error at byte `rel`, the line at or just above it whose indentation holds
/// a non-breaking space: text pasted from a word processor looks indented, but YAML reads
/// U+00A0 as content, and the parser objects a line later.
fn nbsp_indented(src: Source<'_>, rel: usize) -> Option<Range> {
    const NBSP: &[u8] = "\u{a0}".as_bytes();
    let bytes = src.bytes();
    let mut end = rel.min(bytes.len());
    for _ in 0..2 {
        let (start, _) = src.line_around(end);
        let mut i = start;
        let mut seen = false;
        loop {
            if bytes[i..].starts_with(NBSP) {
                seen = true;
                i += NBSP.len();
            } else if bytes.get(i) == Some(&b' ') {
                i += 1;
            } else {
                break;
            }
        }
        if seen {
            return Some(Range {
                start: offset(start),
                end: offset(i),
            });
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
    None
}

/// For a parser error at byte `rel` that a missing `:` after a key causes, the line that
/// lacks it: `summary >-`, `scope domestic` or `duration` is read as the start of a plain
/// value that runs on into the lines below, and the parser only objects at the next `:`
/// (the next key, or a key indented under it), lines later. The line to blame is the
/// nearest one above, indented no deeper than the error's line, that is neither a
/// `key: value` entry nor a list item; with none, `None`. Only for an error outside
/// brackets, where lines may stand for keys.
fn keyless_line(src: Source<'_>, rel: usize, info: &str) -> Option<(usize, usize)> {
    if !matches!(
        info,
        "simple key expect ':'"
            | "simple key expected"
            | "mapping values are not allowed in this context"
    ) {
        return None;
    }
    let bytes = src.bytes();
    let line_start =
        |at: usize| memchr::memrchr(b'\n', bytes.get(..at)?).map_or(Some(0), |nl| Some(nl + 1));
    // The lines above byte `at` that hold something, nearest first: where each starts,
    // its indentation, and its text without a trailing comment.
    let lines_above = |mut at: usize| {
        std::iter::from_fn(move || {
            while at > 0 {
                let end = at - 1;
                let start = line_start(end)?;
                at = start;
                let line = &bytes[start..end];
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                let indent = indentation(line, 0);
                let content = &line[indent..];
                if content.is_empty() || content.starts_with(b"#") {
                    continue;
                }
                let code = memchr::memmem::find(content, b" #").map_or(content, |c| &content[..c]);
                return Some((start, indent, code.trim_ascii_end()));
            }
            None
        })
    };
    // `key: value` or `key:`; a `:` inside a word (`https://...`) is not an entry's.
    let is_entry =
        |code: &[u8]| code.ends_with(b":") || memchr::memmem::find(code, b": ").is_some();
    let error_line = line_start(rel.min(bytes.len()))?;
    let error_indent = bytes[error_line..]
        .iter()
        .take_while(|&&b| b == b' ')
        .count();
    // The line is a key only where nothing else may stand: beside a sibling entry, or
    // beside the first key of a list item. Below a `key: value`, or a `key:` whose value
    // starts on the next line, it may be that value going on (a long text over lines, one
    // of which holds `: `), and the parser's own message is the better one.
    let keyed = |(start, indent, code): (usize, usize, &[u8])| {
        if code.starts_with(b"-") || is_entry(code) {
            return false;
        }
        let mut above = lines_above(start).filter(|l| l.1 <= indent);
        loop {
            match above.next() {
                // The start of the document: a key is all that may stand there.
                None => return true,
                Some((_, _, code)) if code.starts_with(b"---") || code.starts_with(b"%") => {
                    return true;
                }
                // The items of a sibling key's list, written at the key's own indentation.
                Some((_, above, code)) if above == indent && code.starts_with(b"-") => {}
                Some((_, above, code)) if above == indent => return is_entry(code),
                Some((_, above, code)) => {
                    let item = code.strip_prefix(b"-").map(|rest| {
                        let gap = rest.iter().take_while(|&&b| b == b' ').count();
                        (above + 1 + gap, &rest[gap..])
                    });
                    return item.is_some_and(|(column, rest)| column == indent && is_entry(rest));
                }
            }
        }
    };
    // The last key of a block, just before a line indented less (or the end of the file),
    // is the line right above the error; otherwise the nearest line above indented no
    // deeper than the error's, where the value the parser took for one began.
    let last_of_block = lines_above(error_line)
        .next()
        .filter(|l| l.1 > error_indent && keyed(*l));
    let (start, indent, code) = match last_of_block {
        Some(l) => l,
        None => {
            let above = lines_above(error_line).find(|l| l.1 <= error_indent)?;
            // `- id x` above `  summary: ...`: the first key of a list item, whose
            // siblings stand at the column after the dash.
            let item = above.2.strip_prefix(b"- ").map(|rest| {
                let gap = rest.iter().take_while(|&&b| b == b' ').count();
                (above.0, above.1 + 2 + gap, &rest[gap..])
            });
            // `- personal-data` alone is an item of a list of ids; only a key with its
            // value (`- id search-without-judge`) reads as an entry that lost its `:`.
            let key_and_value = |text: &[u8]| text.iter().any(u8::is_ascii_whitespace);
            match item {
                Some(i)
                    if i.1 == error_indent
                        && !is_entry(i.2)
                        && starts_with_key(i.2)
                        && key_and_value(i.2) =>
                {
                    i
                }
                _ => Some(above).filter(|l| keyed(*l))?,
            }
        }
    };
    Some((start + indent, start + indent + code.len()))
}

/// The diagnosis of a line that stands where only a key may: a key whose `:` is missing, or
/// not followed by a space (`powers:[a, b]`, or a non-breaking space after it), or a text
/// indented too little to go on from the value above.
fn keyless_problem(span: Span, text: &str) -> Problem {
    if !starts_with_key(text.as_bytes()) {
        let shown = match text.char_indices().nth(40) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text.to_owned(),
        };
        return Problem::error(
            ProblemKind::Syntax,
            span,
            format!("`{shown}` stands where a `key: value` entry is expected"),
        )
        .with_help("if it goes on from the text above, indent it more than that text's key; if it starts an entry, write its key and `:` first");
    }
    if let Some((key, rest)) = text.split_once(':')
        && !key.contains(char::is_whitespace)
    {
        let value = rest.trim_start_matches(['\u{a0}', ' ']);
        let (message, help) = if rest.starts_with('\u{a0}') {
            (
                format!(
                    "the `:` after `{key}` is followed by a non-breaking space (U+00A0), which YAML does not read as a space"
                ),
                format!("replace it with an ordinary space: `{key}: {value}`"),
            )
        } else {
            (
                format!("the `:` after `{key}` needs a space after it"),
                format!("write `{key}: {value}`"),
            )
        };
        return Problem::error(ProblemKind::Syntax, span, message).with_help(help);
    }
    let fixed = match text.split_once(|c: char| c.is_ascii_whitespace()) {
        Some((key, rest)) => format!("{key}: {}", rest.trim_start()),
        None => format!("{text}:"),
    };
    Problem::error(
        ProblemKind::Syntax,
        span,
        format!("`{text}` has no `:` after its key"),
    )
    .with_help(format!("write `{fixed}`"))
}

/// Whether a line starts with what this format's keys look like (`summary`, `text_version`).
/// A line that lost its `:` is told apart from a value continued over lines by it: the
/// continuation of a sentence starts with a capital, a quote or a word followed by
/// punctuation. The parser itself knows nothing of the format; only this diagnosis guesses.
fn starts_with_key(code: &[u8]) -> bool {
    let word = code
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b':')
        .map_or(code, |end| &code[..end]);
    word.first()
        .is_some_and(|b| b.is_ascii_lowercase() || *b == b'_')
        && word
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-'))
}

/// The parser's `message` in plain words, at byte `at`, with the fix it most likely needs.
fn parser_message(text: &Text<'_>, at: usize, message: &str, open_flow: Option<u32>) -> Problem {
    let src = text.src;
    let span = text.span(src.char_range(at));
    let mut problem = Problem::error(ProblemKind::Syntax, span, clean_message(message));
    // Text that starts with a character YAML reads as syntax (`*Secret*`, `[Editor's
    // note] ...`, `"as appropriate" leaves...`): whatever the parser made of it,
    // quoting is the fix, unless a case below knows better.
    if let Some(help) = quoting_fix(src, at) {
        problem = problem.with_help(help);
    }
    // The parser reports an unclosed quote at the quote itself, which explains the
    // error; a bracket around it is not the cause.
    let unclosed_quote = matches!(
        message,
        "invalid indentation in quoted scalar"
            | "while scanning a quoted scalar, found unexpected end of stream"
            | "while scanning a quoted scalar, found unexpected document indicator"
    );
    let quote = char::from(src.bytes().get(at).copied().unwrap_or(b'"'));
    match open_flow {
        _ if unclosed_quote => problem.with_help(if message.starts_with("invalid indentation") {
            format!("close the string with `{quote}`; a string that goes on over several lines needs them indented more than its key")
        } else {
            format!("close the string with `{quote}`")
        }),
        // Most errors inside a flow collection come from a missing closing bracket,
        // which the parser only notices lines later.
        Some(open) => {
            let bracket = text.span(src.char_range(to_usize(open)));
            let written = src.bytes().get(to_usize(open)).copied();
            let (open, close) = if written == Some(b'{') {
                ('{', '}')
            } else {
                ('[', ']')
            };
            problem.with_related(bracket, "opened here").with_help(format!(
                "inside the `{open}` opened on line {}; check that it is closed with `{close}`",
                bracket.start.line
            ))
        }
        None => problem,
    }
}

/// For a parser error on the line of a `key: value` entry whose value starts with a YAML
/// indicator, the help that quotes the value.
fn quoting_fix(src: Source<'_>, rel: usize) -> Option<String> {
    let (start, end) = src.line_around(rel);
    let line = std::str::from_utf8(&src.bytes()[start..end])
        .ok()?
        .trim_end();
    let entry = line.trim_start().trim_start_matches("- ");
    let (key, value) = entry.split_once(": ")?;
    let value = value.trim_start();
    let first = value.chars().next()?;
    if !starts_with_key(key.as_bytes()) || !"\"'*&![{>|@`%".contains(first) {
        return None;
    }
    let code = value.split(" #").next().unwrap_or(value).trim_end();
    // `[a, b]]` is a list with a slip, not text: only a bracket followed by words is prose.
    if matches!(first, '[' | '{') && code.ends_with([']', '}']) {
        return None;
    }
    // `"1.0"` whole is a string already: the error lies elsewhere (its indentation).
    if matches!(first, '"' | '\'') && code.len() > 1 && code.ends_with(first) {
        return None;
    }
    // `*name` alone is an alias that lost its anchor; `*Secret* orders` is prose.
    if matches!(first, '*' | '&') && !value.contains(' ') {
        return None;
    }
    // `|`, `>-` or `|2` start a block of text; only words after the sign make it prose.
    if matches!(first, '|' | '>')
        && value[1..]
            .split('#')
            .next()
            .is_some_and(|header| header.trim().chars().all(|c| "+-123456789".contains(c)))
    {
        return None;
    }
    let quoted = if first == '\'' {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        format!("'{}'", value.replace('\'', "''"))
    };
    Some(if quoted.chars().count() <= 80 {
        format!(
            "a value that starts with `{first}` is read as YAML syntax; to write it as text, quote all of it: `{key}: {quoted}`"
        )
    } else {
        format!(
            "a value that starts with `{first}` is read as YAML syntax; to write it as text, put all of it in single quotes, doubling any `'` inside"
        )
    })
}

/// Turn the parser's terse messages into plain words.
fn clean_message(info: &str) -> String {
    let known = match info {
        "while parsing a node, did not find expected node content" => "expected a value here",
        "while parsing a block mapping, did not find expected key" => {
            "expected a `key: value` entry here; check the indentation of this line"
        }
        "while parsing a block collection, did not find expected '-' indicator" => {
            "expected a `- ` list item here; check the indentation of this line"
        }
        "mapping values are not allowed in this context" => {
            "unexpected `:`; quote the value if it contains `: `, or check the indentation"
        }
        "block sequence entries are not allowed in this context" => {
            "a `- ` list item is not allowed here; check the indentation"
        }
        "simple key expect ':'" | "simple key expected" => {
            "expected `:` after a key on the same line"
        }
        "invalid indentation" => "this line's indentation does not match the lines around it",
        "while parsing a flow sequence, expected ',' or ']'" => "expected `,` or `]` in this list",
        "while parsing a flow mapping, did not find expected ',' or '}'" => {
            "expected `,` or `}` in this mapping"
        }
        "while scanning a quoted scalar, found unexpected end of stream" => {
            "a quoted string is not closed before the end of the file"
        }
        "while scanning a quoted scalar, found unexpected document indicator" => {
            "a quoted string is not closed before a `---` or `...` line"
        }
        "invalid indentation in quoted scalar" => {
            "a quoted string is not closed on its line, and the next line is not indented as its continuation"
        }
        "misplaced bracket" => "a closing bracket without a matching opening bracket",
        "while parsing a quoted scalar, found unknown escape character" => {
            "unknown escape sequence in a double-quoted string; write `\\\\` for a backslash"
        }
        "did not find expected <document start>" => {
            "unexpected content after the document; check the indentation of this line"
        }
        "comments must be separated from other tokens by whitespace" => {
            "a `#` comment must be preceded by a space"
        }
        "comment intercepting the multiline text" => {
            "a comment cannot interrupt a value that continues on the next line"
        }
        "found unprintable character" => "unprintable character",
        "invalid trailing content after double-quoted scalar" => {
            "unexpected text after a closing quote"
        }
        _ => "",
    };
    if !known.is_empty() {
        return known.to_owned();
    }
    if let Some(rest) = info.strip_prefix("unexpected character: `") {
        let c = rest.trim_end_matches('\'');
        return format!("`{c}` cannot start a plain value; quote the value");
    }
    // "while scanning a plain scalar, found a tab" -> "found a tab (in a plain scalar)".
    let (context, detail) = match info.split_once(", ") {
        Some((context, detail)) if context.starts_with("while ") => {
            let what = context
                .trim_start_matches("while ")
                .trim_start_matches("parsing ")
                .trim_start_matches("scanning ");
            (Some(what.replace("scalar", "value")), detail)
        }
        _ => (None, info),
    };
    let detail = detail
        .replace("did not find expected", "expected")
        .replace("did not find the expected", "expected")
        .replace("could not find expected", "expected")
        .replace("<document start>", "`---`")
        .replace("<document-start>", "`---`");
    match context {
        Some(what) => format!("{detail} (in {what})"),
        None => detail,
    }
}
