//! Cross-file checks: ids, references, provisions, powers, dates.

use std::cmp::Ordering;
use std::collections::BTreeSet;

// foldhash, not SipHash, as in `references`: these tables live for one run over the dataset's
// own ids, where flood resistance buys nothing and the hashing is on the single-threaded
// finish step.
use foldhash::{HashMap, HashMapExt, HashSet};

use super::file::FileOutcome;
use super::references::{IdKind, Named, Place, Published};
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::ids::TextVersionId;
use crate::model::{Chapter, Document, FileKind, PowerScope};
use crate::provision::{Case, ProvisionRef, roman_in};
use crate::suggest::closest;

/// What the structure files and concordances say exists in each text version.
#[derive(Debug, Default)]
pub(crate) struct Structure {
    /// Versions described by chapter files: every article, paragraph, point and subpoint.
    described: HashMap<TextVersionId, HashSet<ProvisionRef>>,
    /// Article number -> chapter number (roman), per version: the first file's, where two
    /// describe it (`check_chapters` reports that, and keeps powers from being judged by it).
    chapters: HashMap<TextVersionId, HashMap<u16, String>>,
    /// Articles of versions without chapter files, known from concordance entries.
    concorded: HashMap<TextVersionId, BTreeSet<u16>>,
}

impl Structure {
    pub(crate) fn build<'a>(docs: impl Iterator<Item = &'a Document>) -> Self {
        let mut s = Self::default();
        for doc in docs {
            match doc {
                Document::Chapter(c) => s.add_chapter(c),
                Document::Concordance(c) => {
                    s.concorded
                        .entry(c.from.clone())
                        .or_default()
                        .extend(c.entries.iter().map(|e| e.from.article_number()));
                }
                _ => {}
            }
        }
        s
    }

    fn add_chapter(&mut self, c: &Chapter) {
        let set = self.described.entry(c.text_version.clone()).or_default();
        let chapters = self.chapters.entry(c.text_version.clone()).or_default();
        for a in &c.articles {
            chapters.entry(a.number).or_insert_with(|| c.number.clone());
            let art = ProvisionRef::article(a.number);
            set.insert(art.clone());
            for p in &a.points {
                add_point(set, &art, p);
            }
            for para in &a.paragraphs {
                let pr = art.clone().with_paragraph(para.number);
                set.insert(pr.clone());
                for p in &para.points {
                    add_point(set, &pr, p);
                }
            }
        }
    }

    /// The chapter (roman numeral) of an article in a version.
    pub(crate) fn chapter_of(&self, version: &TextVersionId, article: u16) -> Option<&str> {
        self.chapters
            .get(version)?
            .get(&article)
            .map(String::as_str)
    }
}

fn add_point(set: &mut HashSet<ProvisionRef>, parent: &ProvisionRef, p: &crate::model::Point) {
    if let Some(pr) = parent.clone().with_point(&p.letter) {
        for sp in &p.subpoints {
            if let Ok(r) = format!("{pr}({})", sp.numeral).parse::<ProvisionRef>() {
                set.insert(r);
            }
        }
        set.insert(pr);
    }
}

/// Runs every cross-file check. `scope`, when only part of the dataset was named, holds the
/// shown paths of the named files: the references left unchecked are counted in them.
pub(crate) fn check(
    files: &[FileOutcome],
    scope: Option<&std::collections::HashSet<String>>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let docs = || files.iter().filter_map(|f| f.document.as_ref());
    let structure = Structure::build(docs());
    let defs = check_ids(files, &mut out);
    let has_instrument = files.iter().any(|f| f.kind == Some(FileKind::Instrument));
    let mut unresolved = Vec::new();
    check_references(files, &defs, has_instrument, scope, &mut unresolved);
    if !has_instrument && !files.is_empty() {
        out.push(
            Diagnostic::new(
                Code::MissingInstrument,
                "the dataset has no file of kind `instrument`, so no text version is defined",
                None,
            )
            .with_help("validate the whole dataset directory, or add `instrument.yaml`"),
        );
    }
    check_provisions(files, &defs, &structure, has_instrument, &mut unresolved);
    let in_doubt = check_chapters(files, &mut out);
    check_powers(files, &structure, &in_doubt, &mut out);
    check_published(files, &mut out);
    without_cascades(files, out, unresolved, scope)
}

/// A reference that resolves nowhere, with what it looks for: while a file that may hold
/// that does not load, it is withheld (see [`without_cascades`]).
struct Unresolved<'a> {
    diagnostic: Diagnostic,
    wanted: Wanted<'a>,
}

/// What an unresolved reference looks for.
#[derive(Clone, Copy)]
enum Wanted<'a> {
    /// An id of this kind (a text version too).
    Id(IdKind),
    /// A provision of this text version.
    Provision(&'a TextVersionId),
}

/// The codes of what may be withheld while a file is not read (see [`Wanted`]): an inline
/// allow of one is not called unused meanwhile.
pub(crate) const WITHHELD: [Code; 4] = [
    Code::UnknownReference,
    Code::UnknownTextVersion,
    Code::UnknownProvision,
    Code::UndescribedProvision,
];

/// A file that the typed model could not read (it does not parse, its header is wrong, or a
/// field of its own has the wrong shape) defines nothing that the checks know of, so every
/// reference into it would be reported as unknown, in files nobody touched. Likewise a
/// chapter or concordance with entries set aside, or with data the schema rejected (a
/// paragraph numbered 0), describes fewer or other provisions than it should.
/// Those unresolved references are withheld: the broken file's own error is the one to fix,
/// and a note on it says how many references were left unchecked. (An entry set aside in
/// another file still defines its id: see [`super::references::collect`].)
///
/// Only what the broken file could have defined is withheld: a source missing while an
/// analysis does not load is missing whatever the analysis holds, so it is reported. And a
/// reference an inline allow silences is not withheld either: it will never be shown, so
/// counting it as unchecked would ask for a fix nobody can make.
fn without_cascades(
    files: &[FileOutcome],
    mut out: Vec<Diagnostic>,
    unresolved: Vec<Unresolved<'_>>,
    scope: Option<&std::collections::HashSet<String>>,
) -> Vec<Diagnostic> {
    let responsible: Vec<&FileOutcome> = files
        .iter()
        .filter(|f| {
            !f.read
                || (f.in_doubt()
                    && matches!(f.kind, Some(FileKind::Chapter | FileKind::Concordance)))
        })
        .collect();
    if responsible.is_empty() {
        out.extend(unresolved.into_iter().map(|u| u.diagnostic));
        return out;
    }
    // A broken file named like the instrument file is the missing instrument.
    let instrument_broken = responsible.iter().any(|f| {
        let name = f.path.rsplit('/').next().unwrap_or_default();
        !f.read && name.starts_with("instrument.")
    });
    let allowed = |d: &Diagnostic| {
        files
            .iter()
            .flat_map(|f| &f.allows)
            .any(|a| super::suppress::covers(a, d))
    };
    // The missing instrument is not a reference: it is withheld without being counted.
    if instrument_broken {
        out.retain(|d| d.code != Code::MissingInstrument);
    }
    let (withheld, shown): (Vec<Unresolved<'_>>, Vec<Unresolved<'_>>) =
        unresolved.into_iter().partition(|u| {
            !allowed(&u.diagnostic) && responsible.iter().any(|f| may_explain(f, u.wanted))
        });
    out.extend(shown.into_iter().map(|u| u.diagnostic));
    for file in responsible.iter().copied() {
        let mine: Vec<&Unresolved<'_>> = withheld
            .iter()
            .filter(|u| may_explain(file, u.wanted))
            .collect();
        // With part of a dataset named, the note on a broken file outside it counts only the
        // named files' references: one checked beside a broken file it does not refer to has
        // nothing unchecked, and gets no note. A broken file that is named is told of them all.
        let named = scope.is_none_or(|s| s.contains(&file.path));
        let counted: Vec<&Diagnostic> = mine
            .iter()
            .map(|u| &u.diagnostic)
            .filter(|d| named || scope.is_none_or(|s| d.concerns(s)))
            .collect();
        let n = counted.len();
        // The first of them is shown, which also ties the note to the named part it speaks
        // of (a note placed in a broken file outside the part concerns the part through it).
        let Some(first) = counted.first().and_then(|d| d.location.clone()) else {
            continue;
        };
        // The other broken files that may hold what these references look for.
        let sharing = responsible
            .iter()
            .filter(|g| g.path != file.path && mine.iter().any(|u| may_explain(g, u.wanted)))
            .count();
        let others = match sharing {
            0 => String::new(),
            1 => " (this file or another that did not load)".to_owned(),
            n => format!(" (this file or one of the {n} others that did not load)"),
        };
        let (what, into) = if !file.read {
            ("the file did not load", "it")
        } else if !file.set_aside.is_empty() {
            ("some entries of the file did not load", "them")
        } else {
            ("the schema rejected some of the file's data", "it")
        };
        out.push(
            Diagnostic::new(
                Code::UncheckedReferences,
                format!(
                    "{what}, so {n} reference{} that may point into {into}{others} {} not checked",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "was" } else { "were" },
                ),
                Some(Location::file_start(file.path.clone())),
            )
            .with_related(first, "the first of them")
            .with_help("fix this file's own error; the references are checked again once it reads"),
        );
    }
    out
}

/// Whether the file `broken`, which did not load (or loaded in doubt: see
/// [`FileOutcome::in_doubt`]), may be
/// what leaves a reference unresolved: it is, or may be, of a kind that defines what the
/// reference looks for, in the text version it reads.
fn may_explain(broken: &FileOutcome, wanted: Wanted<'_>) -> bool {
    match wanted {
        Wanted::Id(id) => !broken.read && may_define(broken, id),
        // A file read in doubt defines its ids: only its text version's provisions may be
        // missing or wrong.
        Wanted::Provision(v) if broken.read => describes_version(broken, v),
        Wanted::Provision(v) => match likely_kind(broken) {
            Some(FileKind::Chapter | FileKind::Concordance) => describes_version(broken, v),
            Some(k) => k == FileKind::Instrument,
            None => true,
        },
    }
}

/// The kind a broken file most likely is: its own, else the one its modeline names; `None`
/// when neither says, and it may then be any.
fn likely_kind(f: &FileOutcome) -> Option<FileKind> {
    f.kind.or(f.modeline_kind)
}

/// Whether the broken file `f` may define ids of kind `id`.
fn may_define(f: &FileOutcome, id: IdKind) -> bool {
    likely_kind(f).is_none_or(|k| id.defined_in().contains(&k))
}

/// Whether the chapter or concordance `f` may describe provisions of `version` (the one a
/// chapter's articles are in, the one a concordance maps from); unread, it may.
fn describes_version(f: &FileOutcome, version: &TextVersionId) -> bool {
    match &f.document {
        Some(Document::Chapter(c)) => &c.text_version == version,
        Some(Document::Concordance(c)) => &c.from == version,
        _ => true,
    }
}

/// Every defined id, with where it is defined and the file that defines it.
type Defs<'a> = HashMap<(IdKind, &'a str), (&'a Named, &'a str)>;

fn check_ids<'a>(files: &'a [FileOutcome], out: &mut Vec<Diagnostic>) -> Defs<'a> {
    let mut defs: Defs<'a> = HashMap::new();
    for file in files {
        // Concern ids are unique within their analysis only.
        let path = file.path.as_str();
        let mut concerns: HashMap<&str, (&Named, &str)> = HashMap::new();
        for def in &file.references.defs {
            let first = if def.kind == IdKind::Concern {
                concerns.insert(&def.text, (def, path))
            } else {
                match defs.get(&(def.kind, &*def.text)) {
                    Some(f) => Some(*f),
                    None => {
                        defs.insert((def.kind, &def.text), (def, path));
                        None
                    }
                }
            };
            let Some((first, first_path)) = first else {
                continue;
            };
            // A state is not named by the data but by its code: nothing to rename.
            let (what, first_at, help) = if def.kind == IdKind::State {
                (
                    "has two entries",
                    "first entry here",
                    "a state has one entry in the dataset: merge the two entries' steps and statements",
                )
            } else {
                (
                    "is defined twice",
                    "first defined here",
                    "ids must be unique: rename one, or merge the two entries",
                )
            };
            out.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    format!("{} `{}` {what}", def.kind.noun(), def.text),
                    Some(def.place.location(path)),
                )
                .with_related(first.place.location(first_path), first_at)
                .with_help(help),
            );
        }
    }
    defs
}

fn check_references(
    files: &[FileOutcome],
    defs: &Defs<'_>,
    has_instrument: bool,
    scope: Option<&std::collections::HashSet<String>>,
    out: &mut Vec<Unresolved<'_>>,
) {
    let known = ids_by_kind(defs);
    // A file that did not load may define ids of some kinds: references to those are held
    // back and counted one by one (see `without_cascades`), so they are not grouped.
    let unloaded: Vec<&FileOutcome> = files.iter().filter(|f| !f.read).collect();
    let held_back = |kind: IdKind| unloaded.iter().any(|f| may_define(f, kind));
    for file in files {
        // A kind of which no id is defined at all (a file checked away from its dataset, or
        // the only file of a vocabulary gone) would fail every reference to it: one error per
        // file and kind says so, at the first of them. Not in a file that allows an unknown
        // reference inline: the allow covers its own line, and must not silence the others.
        let group = !file.allows.iter().any(|a| a.code == Code::UnknownReference);
        let mut undefined: Vec<(IdKind, Location, usize)> = Vec::new();
        for r in &file.references.refs {
            // Without an instrument every text version is unknown: one missing-instrument
            // diagnostic says so instead of one per reference. While a file that may be the
            // instrument does not load, they are held back like any reference into it, so
            // that its note counts them.
            if defs.contains_key(&(r.kind, &*r.text))
                || (r.kind == IdKind::TextVersion
                    && !has_instrument
                    && !held_back(IdKind::TextVersion))
            {
                continue;
            }
            if group && !known.contains_key(&r.kind) && !held_back(r.kind) {
                match undefined.iter_mut().find(|(kind, ..)| *kind == r.kind) {
                    Some((_, _, n)) => *n += 1,
                    None => undefined.push((r.kind, r.place.location(&file.path), 1)),
                }
                continue;
            }
            let mut d = unknown_id(r.kind, &r.text, r.place.location(&file.path), &known);
            if let Some(at) = scope.and_then(|scope| renamed_in(scope, r, defs, &known)) {
                d = d.with_related(at, "a close id, in a file being checked");
            }
            out.push(Unresolved {
                diagnostic: d,
                wanted: Wanted::Id(r.kind),
            });
        }
        out.extend(undefined.into_iter().map(|(kind, first, n)| Unresolved {
            diagnostic: none_defined(kind, first, n),
            wanted: Wanted::Id(kind),
        }));
    }
}

/// The ids defined, by kind, each list sorted (for suggestions that do not depend on the
/// order files were read in).
fn ids_by_kind<'a>(defs: &Defs<'a>) -> HashMap<IdKind, Vec<&'a str>> {
    let mut known: HashMap<IdKind, Vec<&str>> = HashMap::new();
    for (kind, id) in defs.keys() {
        known.entry(*kind).or_default().push(id);
    }
    for v in known.values_mut() {
        v.sort_unstable();
    }
    known
}

/// When part of a dataset is checked, a reference elsewhere whose likeliest meaning (the
/// closest of all ids) is an id a named file defines was most likely broken by renaming that
/// id: it concerns the named file, and is shown with it, pointing at the id as it reads. A
/// closer id elsewhere makes it a typo of that one instead.
fn renamed_in(
    scope: &std::collections::HashSet<String>,
    r: &Named,
    defs: &Defs<'_>,
    known: &HashMap<IdKind, Vec<&str>>,
) -> Option<Location> {
    let candidates = known.get(&r.kind)?.iter().copied();
    let (def, path) = defs.get(&(r.kind, closest(&r.text, candidates)?))?;
    scope.contains(*path).then(|| def.place.location(path))
}

/// The one error for the `n` references of a file to a kind of which nothing defines an id,
/// at the first of them.
fn none_defined(kind: IdKind, first: Location, n: usize) -> Diagnostic {
    let noun = kind.noun();
    let message = if n == 1 {
        format!("no {noun} is defined in the files checked, so this reference cannot resolve")
    } else {
        format!(
            "no {noun} is defined in the files checked, so none of the {n} references to one \
             in this file can resolve (this is the first)"
        )
    };
    Diagnostic::new(Code::UnknownReference, message, Some(first)).with_help(format!(
        "define them in {}, or check this file together with the dataset that does",
        kind.home()
    ))
}

fn unknown_id(
    kind: IdKind,
    id: &str,
    location: Location,
    known: &HashMap<IdKind, Vec<&str>>,
) -> Diagnostic {
    let code = if kind == IdKind::TextVersion {
        Code::UnknownTextVersion
    } else {
        Code::UnknownReference
    };
    let candidates = known.get(&kind).map(Vec::as_slice).unwrap_or_default();
    let help = match closest(id, candidates.iter().copied()) {
        Some(m) => format!(
            "did you mean `{m}`? A new {} is defined in {}",
            kind.noun(),
            kind.home()
        ),
        None if candidates.is_empty() => format!(
            "no {} is defined; define it in {}",
            kind.noun(),
            kind.home()
        ),
        None => format!(
            "define it in {}, or use a defined {}",
            kind.home(),
            kind.noun()
        ),
    };
    Diagnostic::new(
        code,
        format!("no {} has the id `{id}`", kind.noun()),
        Some(location),
    )
    .with_help(help)
}

fn check_provisions<'a>(
    files: &'a [FileOutcome],
    defs: &Defs<'_>,
    structure: &Structure,
    has_instrument: bool,
    out: &mut Vec<Unresolved<'a>>,
) {
    for file in files {
        for cited in &file.references.provisions {
            let (p, version) = (&cited.provision, &cited.version);
            let at = || cited.place.location(&file.path);
            if has_instrument && !defs.contains_key(&(IdKind::TextVersion, version.as_str())) {
                // An unqualified provision is read in the file's `text_version`, which is
                // reported once, where it is written.
                if p.version().is_none() {
                    continue;
                }
                let known: HashMap<IdKind, Vec<&str>> = HashMap::from_iter([(
                    IdKind::TextVersion,
                    defs.keys()
                        .filter(|(k, _)| *k == IdKind::TextVersion)
                        .map(|(_, id)| *id)
                        .collect(),
                )]);
                out.push(Unresolved {
                    diagnostic: unknown_id(IdKind::TextVersion, version.as_str(), at(), &known),
                    wanted: Wanted::Id(IdKind::TextVersion),
                });
                continue;
            }
            let mut unresolved = |diagnostic| {
                out.push(Unresolved {
                    diagnostic,
                    wanted: Wanted::Provision(version),
                })
            };
            let unversioned = p.unversioned();
            if let Some(described) = structure.described.get(version) {
                let article = ProvisionRef::article(p.article_number());
                if !described.contains(&article) {
                    let mut numbers: Vec<u16> = described
                        .iter()
                        .filter(|r| r.paragraph().is_none() && r.point().is_none())
                        .map(ProvisionRef::article_number)
                        .collect();
                    numbers.sort_unstable();
                    let range = match (numbers.first(), numbers.last()) {
                        (Some(a), Some(b)) => format!("it has Articles {a}-{b}"),
                        _ => "it has no articles".into(),
                    };
                    unresolved(
                        Diagnostic::new(
                            Code::UnknownProvision,
                            format!("Article {} does not exist in the `{version}` text ({range})", p.article_number()),
                            Some(at()),
                        )
                        .with_help("check the number; a provision of another text version needs its prefix, such as `zero-draft:17`"),
                    );
                } else if !described.contains(&unversioned) {
                    unresolved(
                        Diagnostic::new(
                            Code::UndescribedProvision,
                            format!("`{unversioned}` is cited but not described in the `{version}` chapter files"),
                            Some(at()),
                        )
                        .with_help(format!(
                            "check the number against the text; if the provision exists, describe it under Article {} of its chapter file, with a summary and sources",
                            p.article_number()
                        )),
                    );
                }
            } else if let Some(articles) = structure.concorded.get(version) {
                if !articles.contains(&p.article_number()) {
                    unresolved(
                        Diagnostic::new(
                            Code::UnknownProvision,
                            format!(
                                "Article {} of the `{version}` text is not in any concordance from `{version}`",
                                p.article_number()
                            ),
                            Some(at()),
                        )
                        .with_help(format!(
                            "check the number against a source; `{version}` has no chapter files, so an article it has is added to its concordance with the source that gives it",
                        )),
                    );
                }
            } else if has_instrument {
                unresolved(
                    Diagnostic::new(
                        Code::UnknownProvision,
                        format!("`{p}` cannot be resolved: the `{version}` text has no chapter files and no concordance"),
                        Some(at()),
                    )
                    .with_help(format!("add a concordance from `{version}` to the final text")),
                );
            }
        }
    }
}

fn check_powers(
    files: &[FileOutcome],
    structure: &Structure,
    in_doubt: &InDoubt<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let mut scopes: HashMap<&str, PowerScope> = HashMap::new();
    for f in files {
        if let Some(Document::Powers(p)) = &f.document {
            for power in &p.powers {
                scopes.insert(power.id.as_str(), power.scope);
            }
        }
    }
    for f in files {
        let Some(Document::Powers(doc)) = &f.document else {
            continue;
        };
        for (power, places) in doc.powers.iter().zip(&f.references.powers) {
            if let Some(c) = &power.domestic_counterpart
                && let Some(at) = places.domestic_counterpart
                && let Some(scope) = scopes.get(c.as_str())
                && *scope != PowerScope::Domestic
            {
                out.push(
                            Diagnostic::new(
                                Code::CounterpartNotDomestic,
                                format!("the domestic counterpart of `{}` is `{c}`, which is not a domestic power", power.id),
                                Some(at.location(&f.path)),
                            )
                            .with_help("name the Chapter IV power this cross-border power relies on"),
                        );
            }
            let version = power
                .provision
                .version()
                .cloned()
                .unwrap_or_else(|| doc.text_version.clone());
            let expected = match power.scope {
                PowerScope::Domestic => "IV",
                PowerScope::CrossBorder => "V",
                _ => continue,
            };
            // A chapter number the chapter file's own checks reject (`iv`, `XXI`) is that
            // file's error, and a chapter two files dispute is theirs: judging every power by
            // it would cascade into the powers files.
            let article = power.provision.article_number();
            if let Some(chapter) = structure.chapter_of(&version, article)
                && !in_doubt.contains(&(&version, article))
                && roman_in(chapter, Case::Upper).is_some()
                && chapter != expected
            {
                out.push(
                    Diagnostic::new(
                        Code::ScopeMismatch,
                        format!(
                            "`{}` has scope `{}` but Article {} is in Chapter {chapter}",
                            power.id,
                            if expected == "IV" {
                                "domestic"
                            } else {
                                "cross-border"
                            },
                            power.provision.article_number()
                        ),
                        Some(places.provision.location(&f.path)),
                    )
                    .with_help(
                        "domestic powers are in Chapter IV, cross-border powers in Chapter V",
                    ),
                );
            }
        }
    }
}

/// A text version's chapter, and each of its articles, is described by one chapter file: a
/// second would give it two titles and two chapters. A repeat within one file is that file's
/// `repeated-item`; a file whose chapter number is taken already (a copied file, or a typo in
/// either file's number) has that one error, not one more for each article it shares with
/// the first. Which of the two is wrong cannot be told (a copy may sort before its original),
/// so the messages name both and blame neither, and the articles whose chapter is in doubt are
/// returned: the powers on them are not judged by either chapter meanwhile.
fn check_chapters<'a>(files: &'a [FileOutcome], out: &mut Vec<Diagnostic>) -> InDoubt<'a> {
    let mut in_doubt = InDoubt::default();
    type Described<'a> = (&'a str, &'a str, Place);
    let mut chapters: HashMap<(&TextVersionId, &str), Described<'_>> = HashMap::new();
    let mut articles: HashMap<(&TextVersionId, u16), Described<'_>> = HashMap::new();
    for f in files {
        let (Some(Document::Chapter(c)), Some(places)) = (&f.document, &f.references.chapter)
        else {
            continue;
        };
        let v = &c.text_version;
        let first = (f.path.as_str(), c.number.as_str(), places.number);
        if let Some((path, _, at)) = chapters.get(&(v, c.number.as_str())) {
            out.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    format!("Chapter {} of the `{v}` text is described by two files", c.number),
                    Some(places.number.location(&f.path)),
                )
                .with_related(at.location(path), "also described here")
                .with_help(
                    "a chapter has one file: correct the number of the file that is wrong, or merge the two files",
                ),
            );
            // Either file may hold the typo: every article of that number is in doubt.
            in_doubt.extend(places.articles.iter().map(|(n, _)| (v, *n)));
            in_doubt.extend(
                articles
                    .iter()
                    .filter(|((version, _), (_, chapter, _))| *version == v && *chapter == c.number)
                    .map(|((_, n), _)| (v, *n)),
            );
            continue;
        }
        chapters.insert((v, c.number.as_str()), first);
        for &(n, at) in &places.articles {
            match articles.get(&(v, n)) {
                None => {
                    articles.insert((v, n), (f.path.as_str(), c.number.as_str(), at));
                }
                Some((path, chapter, first)) if *path != f.path => {
                    // Either description may be the copy.
                    in_doubt.insert((v, n));
                    out.push(Diagnostic::new(
                        Code::DuplicateId,
                        format!(
                            "Article {n} of the `{v}` text is described in two chapters: here in \
                             Chapter {}, and in Chapter {chapter}",
                            c.number
                        ),
                        Some(at.location(&f.path)),
                    )
                    .with_related(first.location(path), format!("in Chapter {chapter}"))
                    .with_help(
                        "an article is in one chapter: remove it from the chapter it is not in, or correct its number",
                    ));
                }
                Some(_) => {}
            }
        }
    }
    in_doubt
}

/// The articles, by text version, whose chapter two chapter files dispute.
type InDoubt<'a> = HashSet<(&'a TextVersionId, u16)>;

/// An analysis file and its `source` entry describe one document (datasets/README.md: the
/// analysis is added to the sources first, and its file cites that entry), so the analysis's
/// `published` and the source's are one date, each to the precision known: `2024-07` and
/// `2024-07-09` agree, `2024-07` and `2024-08` cannot both be right. Which of the two is wrong
/// only the document can tell; the analysis is where the mismatch is reported, since its date
/// is the one a reader of the analysis sees.
fn check_published(files: &[FileOutcome], out: &mut Vec<Diagnostic>) {
    // The first definition of a source id is the one references resolve to (`check_ids`).
    let mut sources: HashMap<&str, (&Published, &str)> = HashMap::new();
    for f in files.iter().filter(|f| f.kind == Some(FileKind::Sources)) {
        for p in &f.references.published {
            sources
                .entry(p.source.as_str())
                .or_insert((p, f.path.as_str()));
        }
    }
    for f in files.iter().filter(|f| f.kind == Some(FileKind::Analysis)) {
        for p in &f.references.published {
            let Some((source, path)) = sources.get(p.source.as_str()) else {
                continue;
            };
            if p.date
                .certain_cmp(source.date)
                .is_none_or(|o| o == Ordering::Equal)
            {
                continue;
            }
            out.push(
                Diagnostic::new(
                    Code::DateMismatch,
                    format!(
                        "the analysis is dated {}, but its source `{}` was published {}: they are one document",
                        p.date, p.source, source.date
                    ),
                    Some(p.place.location(&f.path)),
                )
                .with_related(source.place.location(path), "the source's date")
                .with_help("check the document's date, and give it in both places to the precision known"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Options, file};

    /// `IdKind::defined_in` is what the cascade rule trusts to know what a broken file could
    /// have defined: every id the walk finds in the bundled dataset is defined in a file of a
    /// kind it names.
    #[test]
    fn each_id_is_defined_in_a_kind_that_defined_in_names() {
        let mut seen = 0;
        for (path, text) in crate::bundled_files() {
            let o = file::check(
                path,
                None,
                text.as_bytes().into(),
                &Options::default(),
                false,
            );
            let kind = o.kind.expect("a bundled file has a kind");
            for def in &o.references.defs {
                assert!(
                    def.kind.defined_in().contains(&kind),
                    "{path}: {:?} `{}` in a {kind} file",
                    def.kind,
                    def.text
                );
                seen += 1;
            }
        }
        assert!(seen > 100, "the walk found {seen} ids");
    }
}
