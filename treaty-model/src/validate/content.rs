//! Checks of one document that its JSON Schema does not express: what a reader needs to
//! follow a source, dates in an order that cannot be, concordances that map a text to itself or
//! prefix the versions they fix, texts with nothing in them or with a control character, an
//! author, a principle or a legal citation holding the `|` the CSV tables put between the
//! items of a cell, roman numerals the references
//! cannot cite, and items a list repeats. The last five are rules the schemas of major version
//! 1 are looser than (docs/VERSIONING.md): tightening a schema breaks its consumers, so the
//! validator enforces them until a major version can.

use serde_json::Value;

use super::locate::{Locator, pointer_token};
use super::references::{Place, Repeat};
use crate::date::{Date, PartialDate};
use crate::diagnostic::{Code, Diagnostic, Related, Severity};
use crate::model::{
    Analysis, Assessment, Chapter, Concordance, Document, LegalCitation, Participation, Point,
    Safeguards, Sources, StepKind,
};
use crate::provision::{Case, roman_in};

/// The diagnostics of `doc`'s content, placed by `locator`.
pub(super) fn check(doc: &Document, locator: &Locator<'_>) -> Vec<Diagnostic> {
    match doc {
        Document::Sources(s) => sources(s, locator),
        Document::Participation(p) => dates(p, locator),
        Document::Chapter(c) => numerals(c, locator),
        Document::Analysis(a) => analysis_name(a, locator).into_iter().collect(),
        Document::Concordance(c) => concordance(c, locator),
        Document::Safeguards(s) => standards(s, locator),
        Document::Assessment(a) => legal_bases(a, locator),
        _ => Vec::new(),
    }
}

/// An analysis in the dataset's `analyses/` folder is named after its id (`analyses/<id>.yaml`,
/// datasets/README.md): a reader who meets the id in a report opens the file of that name, and
/// an id changed without its file (or a file copied from another analysis without a new id)
/// breaks that. A file elsewhere follows no such convention.
fn analysis_name(analysis: &Analysis, locator: &Locator<'_>) -> Option<Diagnostic> {
    // The folder is read from the path made absolute (no file is opened): the path shown may
    // be a bare name, given from inside `analyses/`.
    let path = std::path::absolute(locator.file()).ok()?;
    let name = path.file_name()?.to_str()?;
    if path.parent()?.file_name()? != "analyses" {
        return None;
    }
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    let id = analysis.id.as_str();
    if stem == id {
        return None;
    }
    let expected = if extension.is_empty() {
        id.to_owned()
    } else {
        format!("{id}.{extension}")
    };
    Some(
        Diagnostic::new(
            Code::MisnamedFile,
            format!(
                "analysis `{id}` is in the file `{name}`: an analysis file is named after its id"
            ),
            Some(locator.node("/id")),
        )
        .with_help(if crate::ids::is_valid_id(stem) {
            // A file copied from another analysis keeps its id: renaming it would overwrite
            // the original, so the new id comes first.
            format!(
                "if this file holds an analysis of its own, write `id: {stem}`; if the id is \
                 right, rename the file to `{expected}`"
            )
        } else {
            format!("rename the file to `{expected}`")
        }),
    )
}

/// A concordance maps the numbering of one text to another's; from a text to itself it maps
/// nothing, and is most likely a copy whose `to` (or `from`) was not changed. Its entries are
/// read in the two texts it names, which is why the model wants their provisions without a
/// prefix: the lookups that follow a concordance (`Dataset::to_final`) compare an entry's
/// provision with the one cited as written, so a prefixed entry is missed or maps a paragraph
/// to a bare article, and a prefix naming another text contradicts the file.
fn concordance(c: &Concordance, locator: &Locator<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if c.from == c.to {
        out.push(
            Diagnostic::new(
                Code::InvalidData,
                format!("the concordance maps the `{}` text to itself", c.to),
                Some(locator.node("/to")),
            )
            .with_related(locator.node("/from"), "the same text")
            .with_help("a concordance maps the numbering of `from` to that of another text version: correct `from` or `to`"),
        );
    }
    for (i, entry) in c.entries.iter().enumerate() {
        for (field, provision, version) in [
            ("from", Some(&entry.from), &c.from),
            ("to", entry.to.as_ref(), &c.to),
        ] {
            let Some((p, prefix)) = provision.and_then(|p| Some((p, p.version()?))) else {
                continue;
            };
            let bare = p.unversioned();
            let (message, help) = if prefix == version {
                (
                    format!(
                        "`{p}` repeats the text version that the concordance's `{field}` gives"
                    ),
                    format!("write the provision without its prefix: `{bare}`"),
                )
            } else {
                (
                    format!(
                        "`{p}` names the `{prefix}` text, but an entry's `{field}` is read in `{version}`, the concordance's `{field}`"
                    ),
                    format!(
                        "write the provision of the `{version}` text without a prefix; a mapping of the `{prefix}` text belongs in a concordance of that text"
                    ),
                )
            };
            out.push(
                Diagnostic::new(
                    Code::InvalidData,
                    message,
                    Some(locator.node(&format!("/entries/{i}/{field}"))),
                )
                .with_help(help),
            );
        }
    }
    out
}

/// What is wrong with a text of the document, whatever its field.
enum TextProblem {
    /// Empty or only blanks: a title, a name, an author or a note that says nothing.
    Empty,
    /// A control character other than a tab or a line break, written as an escape (`"\e[2J"`;
    /// written as it is, the parser rejects it). Shown by a command on a terminal, or in a page
    /// or a spreadsheet, it would act rather than show: clear the screen, move the cursor,
    /// retitle the window. No text of the dataset needs one.
    Control(char),
}

impl TextProblem {
    fn of(text: &str) -> Option<Self> {
        if text.trim().is_empty() {
            return Some(Self::Empty);
        }
        if !may_hold_control(text) {
            return None;
        }
        text.chars()
            .find(|c| c.is_control() && !matches!(c, '\t' | '\n'))
            .map(Self::Control)
    }

    fn diagnostic(&self, at: crate::diagnostic::Location) -> Diagnostic {
        // Not `out-of-range`: that code says the schema rejects the value, and the 1.x
        // schemas do not (docs/VERSIONING.md).
        match self {
            Self::Empty => Diagnostic::new(Code::InvalidData, "this text is empty", Some(at))
                .with_help("write the text; an optional field with nothing to say is left out"),
            Self::Control(c) => Diagnostic::new(
                Code::InvalidData,
                format!(
                    "this text holds the control character U+{:04X}, which would act on a \
                     terminal or page rather than show",
                    u32::from(*c)
                ),
                Some(at),
            )
            .with_help(if *c == '\r' {
                "remove it; a line break is written as a new line of a block (`key: |`)"
            } else {
                "remove it: no text of the dataset needs it"
            }),
        }
    }
}

/// Whether `text` may hold a control character: a byte of C0 other than a tab or a line
/// break, DEL, or the first byte of a C1 control (`«` and `§` share it). Every text of every
/// named file is looked at, so the bytes are folded without stopping early, which compiles to
/// vector instructions: decoding each character cost 6% of a cold run's instructions.
fn may_hold_control(text: &str) -> bool {
    text.bytes().fold(false, |found, b| {
        found | (b < 0x20 && b != b'\t' && b != b'\n') | (b == 0x7F) | (b == 0xC2)
    })
}

/// Every text of the document that is empty or holds a control character ([`TextProblem`]),
/// with its pointer. Walked on the value, so that it covers every field of every kind.
pub(super) fn texts(value: &Value, locator: &Locator<'_>) -> Vec<(String, Diagnostic)> {
    /// One step of the path to a node; the pointer is written only for a text found wrong,
    /// so the walk of a valid file allocates nothing.
    enum Step<'v> {
        Key(&'v str),
        Index(usize),
    }
    fn walk<'v>(
        value: &'v Value,
        path: &mut Vec<Step<'v>>,
        found: &mut Vec<(String, TextProblem)>,
    ) {
        match value {
            Value::String(text) => {
                if let Some(problem) = TextProblem::of(text) {
                    let mut pointer = String::new();
                    for step in path.iter() {
                        match step {
                            Step::Key(k) => {
                                pointer.push('/');
                                pointer.push_str(&pointer_token(k));
                            }
                            Step::Index(i) => pointer.push_str(&format!("/{i}")),
                        }
                    }
                    found.push((pointer, problem));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    walk(item, path, found);
                    path.pop();
                }
            }
            Value::Object(fields) => {
                for (key, field) in fields {
                    path.push(Step::Key(key));
                    walk(field, path, found);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(value, &mut Vec::new(), &mut found);
    found
        .into_iter()
        .map(|(pointer, problem)| {
            let d = problem.diagnostic(locator.node(&pointer));
            (pointer, d)
        })
        .collect()
}

/// Reports the items the file's lists repeat (found by the walk of its ids: [`Repeat`]) into
/// `diagnostics`, which hold the file's errors so far. A list that holds each item once says
/// nothing more the second time; the repeat is a slip (an id pasted twice) or hides one (a
/// second entry meant for another article). The 1.x schemas have no `uniqueItems`
/// (docs/VERSIONING.md).
///
/// A repeat of which one occurrence the schema rejected (`Art. 23(2)(c)` beside `23(2)(c)`, in
/// either order) is one mistake, not two: the rejected item's error says instead that the list
/// has it already, so that following its help to correct the spelling does not end in a
/// repeat the next run reports.
pub(super) fn repeated(repeats: Vec<Repeat>, path: &str, diagnostics: &mut Vec<Diagnostic>) {
    for r in repeats {
        let error_at = |place: Place| {
            diagnostics.iter().position(|d| {
                d.severity == Severity::Error
                    && d.location.as_ref().map(|l| l.start.offset) == Some(place.start.offset)
            })
        };
        let rejected = match (error_at(r.place), error_at(r.first)) {
            (None, None) => None,
            (Some(i), None) if !r.entry => Some((i, r.first)),
            (None, Some(i)) if !r.entry => Some((i, r.place)),
            // An entry says more than its key (a paragraph with its summary): which of two to
            // keep is the user's to judge, so a rejected key has its error alone. So do two
            // rejected items: neither is the one to keep.
            _ => continue,
        };
        if let Some((i, other)) = rejected {
            let d = &mut diagnostics[i];
            d.related.push(Related {
                location: other.location(path),
                message: format!("{} is listed here too", r.what),
            });
            d.help = Some(format!(
                "remove it: corrected, it would repeat {}, which the list has already",
                r.what
            ));
            continue;
        }
        let (message, first, help) = if r.entry {
            (
                format!("{} already has an entry in this list", r.what),
                "its first entry",
                "merge the two entries, or correct this one if it is about something else",
            )
        } else {
            (
                format!("{} is already in this list", r.what),
                "first listed here",
                "remove the repeat: the list names each item once",
            )
        };
        diagnostics.push(
            Diagnostic::new(Code::RepeatedItem, message, Some(r.place.location(path)))
                .with_related(r.first.location(path), first)
                .with_help(help),
        );
    }
}

/// A chapter's number and its subpoints' numerals are roman numerals from I to XX (i to xx),
/// the range provision references read: a subpoint `(xxi)` could be described but never cited.
fn numerals(chapter: &Chapter, locator: &Locator<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut bad = |text: &str, pointer: String| {
        out.push(
            Diagnostic::new(
                Code::InvalidData,
                format!("`{text}` is not a roman numeral from i to xx"),
                Some(locator.node(&pointer)),
            )
            .with_help("write the numeral as the text does, from i to xx (I to XX for a chapter)"),
        );
    };
    // Only what the schema lets through (`[IVX]{1,5}`, `[ivxl]{1,7}`): the rest is its error.
    let letters = |text: &str, set: &[u8], max: usize| {
        (1..=max).contains(&text.len()) && text.bytes().all(|b| set.contains(&b))
    };
    let number = &chapter.number;
    if letters(number, b"IVX", 5) && roman_in(number, Case::Upper).is_none() {
        bad(number, "/number".to_owned());
    }
    let mut points = |points: &[Point], at: String| {
        for (j, point) in points.iter().enumerate() {
            for (k, sub) in point.subpoints.iter().enumerate() {
                if letters(&sub.numeral, b"ivxl", 7)
                    && roman_in(&sub.numeral, Case::Lower).is_none()
                {
                    bad(
                        &sub.numeral,
                        format!("{at}/points/{j}/subpoints/{k}/numeral"),
                    );
                }
            }
        }
    };
    for (i, article) in chapter.articles.iter().enumerate() {
        points(&article.points, format!("/articles/{i}"));
        for (p, paragraph) in article.paragraphs.iter().enumerate() {
            points(&paragraph.points, format!("/articles/{i}/paragraphs/{p}"));
        }
    }
    out
}

/// Every source can be opened by a reader: it has a web address or an official symbol, and
/// its locator is words a reader can act on, not a path to a file only its author has.
fn sources(file: &Sources, locator: &Locator<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, source) in file.sources.iter().enumerate() {
        if source.url.is_none() && source.symbol.is_none() {
            out.push(
                Diagnostic::new(
                    Code::SourceWithoutAddress,
                    format!(
                        "source `{}` has neither a web address (`url`) nor an official symbol (`symbol`)",
                        source.id
                    ),
                    Some(locator.node(&format!("/sources/{i}/id"))),
                )
                .with_help("add the address where a reader can open it, or the document symbol of an official document"),
            );
        }
        // A document cannot have been looked up before it was published.
        if let (Some(published), Some(accessed)) = (source.published, source.accessed)
            && PartialDate::from(accessed).certain_cmp(published) == Some(std::cmp::Ordering::Less)
        {
            out.push(
                Diagnostic::new(
                    Code::DatesOutOfOrder,
                    format!(
                        "source `{}` was accessed on {accessed}, before it was published ({published})",
                        source.id
                    ),
                    Some(locator.node(&format!("/sources/{i}/accessed"))),
                )
                .with_help("check both dates: `accessed` is when the project last opened it"),
            );
        }
        for (j, author) in source.authors.iter().enumerate() {
            out.extend(cell_separator(
                author,
                ("author", "authors"),
                &format!("/sources/{i}/authors/{j}"),
                locator,
            ));
        }
        if let Some(text) = source.locator.as_deref().filter(|l| looks_like_a_path(l)) {
            out.push(
                Diagnostic::new(
                    Code::LocatorIsAPath,
                    format!("the locator `{text}` is a file path, which a reader cannot open"),
                    Some(locator.node(&format!("/sources/{i}/locator"))),
                )
                .with_help("cite the publication (`url`, `symbol`) and say in words where in it the fact is (a page, a paragraph)"),
            );
        }
    }
    out
}

/// A text the CSV tables write as one item of a cell whose items they join with ` | `
/// (`what`: the item and the items, `author` and `authors`), when it holds `|`: a reader of the
/// table would split it in two. No name, title or citation needs one, so rejecting it costs no
/// real data and keeps the cell splittable by any spreadsheet, where an escape would need a
/// parser of its own.
fn cell_separator(
    text: &str,
    (item, items): (&str, &str),
    pointer: &str,
    locator: &Locator<'_>,
) -> Option<Diagnostic> {
    text.contains('|').then(|| {
        Diagnostic::new(
            Code::InvalidData,
            format!("the {item} `{text}` holds `|`, which the CSV tables put between {items}"),
            Some(locator.node(pointer)),
        )
        .with_help(format!(
            "write it without `|`; if it is two {items}, list each as an item of its own: \
             written with `|`, one could not be told from two"
        ))
    })
}

/// The texts of a safeguard's standards that the CSV tables join into one cell.
fn standards(file: &Safeguards, locator: &Locator<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, safeguard) in file.safeguards.iter().enumerate() {
        for (j, standard) in safeguard.standards.iter().enumerate() {
            out.extend(cell_separator(
                &standard.principle,
                ("principle", "standards"),
                &format!("/safeguards/{i}/standards/{j}/principle"),
                locator,
            ));
        }
    }
    out
}

/// The texts of an assessment's legal bases that the CSV tables join into one cell, on a
/// power's entry and on each of its safeguards'.
fn legal_bases(file: &Assessment, locator: &Locator<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut cite = |citations: &[LegalCitation], at: &str| {
        for (j, c) in citations.iter().enumerate() {
            let texts = [("law", Some(&c.law)), ("provision", c.provision.as_ref())];
            for (field, text) in texts {
                let Some(text) = text else { continue };
                out.extend(cell_separator(
                    text,
                    (field, "legal bases"),
                    &format!("{at}/legal_basis/{j}/{field}"),
                    locator,
                ));
            }
        }
    };
    for (i, power) in file.powers.iter().enumerate() {
        cite(&power.legal_basis, &format!("/powers/{i}"));
        for (k, safeguard) in power.safeguards.iter().enumerate() {
            cite(
                &safeguard.legal_basis,
                &format!("/powers/{i}/safeguards/{k}"),
            );
        }
    }
    out
}

/// The signature period closes after it opens, a state signs within it, a state deposits
/// its ratification, acceptance or approval after it signs, and denounces after it deposits.
fn dates(p: &Participation, locator: &Locator<'_>) -> Vec<Diagnostic> {
    use std::cmp::Ordering;
    let mut out = Vec::new();
    if let Some(sig) = &p.signature
        && let Some(closes) = sig.closes
        && closes < sig.opened
    {
        out.push(
            Diagnostic::new(
                Code::DatesOutOfOrder,
                format!(
                    "signature closes on {closes}, before it opens on {}",
                    sig.opened
                ),
                Some(locator.node("/signature/closes")),
            )
            .with_related(locator.node("/signature/opened"), "opens here"),
        );
    }
    // Signatures before the period opens, and after it closes.
    let mut outside_period: [(Vec<Diagnostic>, Option<Date>); 2] = Default::default();
    for (si, state) in p.states.iter().enumerate() {
        // A state denounces a convention it is bound by: not before its first deposit.
        let deposit = state
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.step.is_consent_to_be_bound())
            .filter_map(|(i, s)| Some((i, s.date?)))
            .min_by_key(|(_, d)| d.earliest());
        for (i, step) in state.steps.iter().enumerate() {
            if step.step == StepKind::Denunciation
                && let (Some(date), Some((dep_i, dep_date))) = (step.date, deposit)
                && date.certain_cmp(dep_date) == Some(Ordering::Less)
            {
                out.push(
                    Diagnostic::new(
                        Code::DatesOutOfOrder,
                        format!(
                            "{} denounces on {date}, before its deposit on {dep_date}",
                            state.state
                        ),
                        Some(locator.node(&format!("/states/{si}/steps/{i}/date"))),
                    )
                    .with_related(
                        locator.node(&format!("/states/{si}/steps/{dep_i}/date")),
                        "deposit date",
                    )
                    .with_help("a state denounces a convention it is bound by; check the dates against the source"),
                );
            }
        }
        let signature = state
            .steps
            .iter()
            .enumerate()
            .find(|(_, s)| s.step == StepKind::Signature)
            .and_then(|(i, s)| Some((i, s.date?)));
        let Some((sig_i, sig_date)) = signature else {
            continue;
        };
        // A period that closes before it opens is reported above; every signature would
        // fall outside it.
        if let Some(period) = p
            .signature
            .as_ref()
            .filter(|p| p.closes.is_none_or(|c| c >= p.opened))
        {
            let at = locator.node(&format!("/states/{si}/steps/{sig_i}/date"));
            let outside = if sig_date.certain_cmp(period.opened.into()) == Some(Ordering::Less) {
                Some((0, period.opened))
            } else {
                period
                    .closes
                    .filter(|c| sig_date.certain_cmp((*c).into()) == Some(Ordering::Greater))
                    .map(|c| (1, c))
            };
            if let Some((side, day)) = outside {
                let (when, field) = SIDES[side];
                outside_period[side].1 = Some(day);
                outside_period[side].0.push(
                    Diagnostic::new(
                        Code::DatesOutOfOrder,
                        format!("{} signs on {sig_date}, {when} {day}", state.state),
                        Some(at),
                    )
                    .with_related(locator.node(&format!("/signature/{field}")), "the signature period")
                    .with_help("check the date against the source; a state that did not sign in the period accedes"),
                );
            }
        }
        for (i, step) in state.steps.iter().enumerate() {
            let Some(date) = step.date else { continue };
            if step.step.is_consent_to_be_bound()
                && step.step != StepKind::Accession
                && date.certain_cmp(sig_date) == Some(Ordering::Less)
            {
                out.push(
                    Diagnostic::new(
                        Code::DatesOutOfOrder,
                        format!(
                            "{} deposits on {date}, before signing on {sig_date}",
                            state.state
                        ),
                        Some(locator.node(&format!("/states/{si}/steps/{i}/date"))),
                    )
                    .with_related(
                        locator.node(&format!("/states/{si}/steps/{sig_i}/date")),
                        "signature date",
                    )
                    .with_help("ratification, acceptance and approval follow signature; a state that did not sign accedes"),
                );
            }
        }
    }
    // One signature outside the period is that date's mistake; several point at the period's
    // own date, reported once there rather than once per state.
    for (side, (found, day)) in outside_period.into_iter().enumerate() {
        let (when, field) = SIDES[side];
        match found.len() {
            0 => {}
            1 => out.extend(found),
            n => {
                let first = found[0].location.clone();
                let day = day.map(|d| d.to_string()).unwrap_or_default();
                let mut d = Diagnostic::new(
                    Code::DatesOutOfOrder,
                    format!("{n} states' signatures are dated {when} {day}"),
                    Some(locator.node(&format!("/signature/{field}"))),
                )
                .with_help("check this date against the source, or the signatures' dates");
                if let Some(first) = first {
                    d = d.with_related(first, "the first of them");
                }
                out.push(d);
            }
        }
    }
    out
}

/// How a signature outside the signature period is described, and the period's field it
/// falls outside of: before it opens, after it closes.
const SIDES: [(&str, &str); 2] = [
    ("before the signature period opened on", "opened"),
    ("after the signature period closed on", "closes"),
];

/// A locator that names a file: relative or absolute path segments ending in a file name with
/// an extension (`notes/copy-of-article.txt`, `../notes.md`, `/home/me/a.pdf`, `C:\docs\a.pdf`).
/// Words such as `paragraph 182` or an official symbol like `A/RES/79/243` are not paths.
fn looks_like_a_path(text: &str) -> bool {
    let text = text.trim();
    if text.contains(char::is_whitespace) {
        return false;
    }
    let starts_like_a_path = text.starts_with('/')
        || text.starts_with("./")
        || text.starts_with("../")
        || text.starts_with('~')
        || text.get(1..3) == Some(":\\");
    let last = text.rsplit(['/', '\\']).next().unwrap_or(text);
    let has_extension = last.rsplit_once('.').is_some_and(|(stem, ext)| {
        // `Rev.3` in a document symbol is a revision number, not a file type.
        !stem.is_empty()
            && (1..=5).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
            && ext.chars().any(|c| c.is_ascii_alphabetic())
    });
    let has_separator = text.contains(['/', '\\']);
    starts_like_a_path || (has_separator && has_extension)
}

#[cfg(test)]
mod tests {
    use super::{TextProblem, looks_like_a_path};

    #[test]
    fn control_characters_are_found_and_signs_that_share_their_first_byte_are_not() {
        let control = |t: &str| match TextProblem::of(t) {
            Some(TextProblem::Control(c)) => Some(c),
            _ => None,
        };
        for (text, c) in [
            ("a\u{1b}[2J", '\u{1b}'),
            ("line\r", '\r'),
            ("del\u{7f}", '\u{7f}'),
            ("csi \u{9b}", '\u{9b}'),
            ("nel \u{85}", '\u{85}'),
        ] {
            assert_eq!(control(text), Some(c), "{text:?}");
        }
        for text in ["«quoted» § 5, 10 °C", "a\tb\nc", "plain"] {
            assert_eq!(control(text), None, "{text:?}");
        }
    }

    #[test]
    fn paths_are_told_from_words_and_symbols() {
        for path in [
            "notes/copy-of-the-article.txt",
            "../notes.md",
            "/home/me/report.pdf",
            "~/a",
            "C:\\docs\\a.pdf",
        ] {
            assert!(looks_like_a_path(path), "{path}");
        }
        for words in [
            "paragraph 182 of the explanatory report",
            "A/RES/79/243",
            "A/AC.291/22/Rev.3",
            "C.N.196.2025.TREATIES-XVIII.16",
            "chapter XVIII, entry 16",
        ] {
            assert!(!looks_like_a_path(words), "{words}");
        }
    }
}
