//! `treaty show PROVISION`.

use std::fmt::Write as _;

use treaty_model::dataset::ProvisionView;
use treaty_model::ids::SourceId;
use treaty_model::model::Sources;
use treaty_model::query::ProvisionInfo;
use treaty_model::{Dataset, Modality, ProvisionRef, Quote, Verification};

use crate::args::{ShowArgs, ShowFormat};
use crate::exit;
use crate::output::{Failure, note, print};
use crate::render::text::{counterpart, version_words, words};

pub fn run(args: ShowArgs) -> Result<u8, Failure> {
    let asked: ProvisionRef = args.provision.parse().map_err(|e| format!("{e}"))?;
    let dataset = match crate::load::dataset(args.data.as_deref()) {
        Ok(d) => d,
        Err(stop) => return Ok(stop.exit()?),
    };
    match dataset.describe(&asked) {
        Ok(info) => {
            match args.format {
                ShowFormat::Json => print(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&info).map_err(|e| e.to_string())?
                ))?,
                ShowFormat::Human => print(&human(&dataset, &info))?,
            }
            Ok(exit::OK)
        }
        Err(_)
            if asked
                .version()
                .is_some_and(|v| dataset.text_version(v).is_none()) =>
        {
            let known: Vec<String> = dataset
                .instrument()
                .into_iter()
                .flat_map(|i| &i.text_versions)
                .map(|v| format!("`{}`", v.id))
                .collect();
            let version = asked.version().map(ToString::to_string).unwrap_or_default();
            note(&format!(
                "treaty: no text version `{version}` in this dataset"
            ));
            note(&format!("  known: {}", known.join(", ")));
            Ok(exit::INVALID)
        }
        Err(nf) => {
            let near: Vec<String> = nf.nearest.iter().map(|p| format!("`{p}`")).collect();
            note(&format!("treaty: no such provision: `{asked}`"));
            if !near.is_empty() {
                note(&format!("  nearest: {}", near.join(", ")));
            }
            Ok(exit::INVALID)
        }
    }
}

fn modality(m: Option<Modality>) -> String {
    m.map(|m| format!(" [{}]", words(&m))).unwrap_or_default()
}

/// What the dataset says of the provision asked for: its point, its paragraph, or the whole
/// article. An article has no verification or note of its own beside its title's.
struct Entry<'a> {
    summary: Option<&'a str>,
    quotes: &'a [Quote],
    modality: Option<Modality>,
    sources: &'a [SourceId],
    verification: Option<Verification>,
    note: Option<&'a str>,
}

impl<'a> Entry<'a> {
    fn of(view: &ProvisionView<'a>) -> Self {
        match (view.point, view.paragraph) {
            (Some(p), _) => Self {
                summary: p.summary.as_deref(),
                quotes: &p.quotes,
                modality: p.modality,
                sources: &p.sources,
                verification: p.verification,
                note: p.note.as_deref(),
            },
            (None, Some(p)) => Self {
                summary: p.summary.as_deref(),
                quotes: &p.quotes,
                modality: p.modality,
                sources: &p.sources,
                verification: p.verification,
                note: p.note.as_deref(),
            },
            (None, None) => Self {
                summary: view.article.summary.as_deref(),
                quotes: &view.article.quotes,
                modality: view.article.modality,
                sources: &view.article.sources,
                verification: None,
                note: None,
            },
        }
    }
}

/// The parts of the provision described one level down: an article's paragraphs (or its
/// points, when it has no paragraphs), a paragraph's points, a point's subpoints.
fn parts(out: &mut String, view: &ProvisionView<'_>) {
    let mut list = |heading: &str, items: Vec<(String, Option<&str>, Option<Modality>)>| {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n  {heading} described:");
        for (label, summary, m) in items {
            let summary = summary.unwrap_or("(no summary)");
            let _ = writeln!(out, "    ({label}) {summary}{}", modality(m));
        }
    };
    if let Some(point) = view.point {
        let items = point.subpoints.iter();
        list(
            "Items",
            items
                .map(|s| (s.numeral.to_string(), s.summary.as_deref(), None))
                .collect(),
        );
        return;
    }
    if view.paragraph.is_none() {
        let items = view.article.paragraphs.iter();
        list(
            "Paragraphs",
            items
                .map(|p| (p.number.to_string(), p.summary.as_deref(), p.modality))
                .collect(),
        );
    }
    let points = view.paragraph.map_or(&view.article.points, |p| &p.points);
    list(
        "Points",
        points
            .iter()
            .map(|p| (p.letter.to_string(), p.summary.as_deref(), p.modality))
            .collect(),
    );
}

fn human(dataset: &Dataset, info: &ProvisionInfo<'_>) -> String {
    let mut out = String::new();
    let title = info.title.map(|t| format!(": {t}")).unwrap_or_default();
    let _ = writeln!(
        out,
        "{} ({}){title}",
        info.provision.unversioned(),
        version_words(dataset, &info.text_version)
    );
    if let Some(view) = &info.view {
        let _ = writeln!(
            out,
            "  Chapter {}: {}",
            view.chapter.number, view.chapter.title
        );
        let entry = Entry::of(view);
        if let Some(s) = entry.summary {
            let _ = writeln!(out, "\n  {s}{}", modality(entry.modality));
        }
        for q in entry.quotes {
            // A note says what the words are (a translation, a draft's wording): without it a
            // reader would take a translation for the official English.
            let note = q
                .note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            let _ = writeln!(out, "  quoted: \"{}\"{note}", q.text);
        }
        let _ = writeln!(out, "  sources: {}", cite(dataset, entry.sources));
        // What qualifies the entry (a number carried over from a draft) goes with it: without
        // it a reader would take the entry as checked.
        if view.article.verification != Verification::Verified {
            let _ = writeln!(out, "  the article's title: {}", view.article.verification);
        }
        let checked = entry.verification.filter(|v| *v != Verification::Verified);
        match (checked, entry.note) {
            (Some(v), Some(n)) => {
                let _ = writeln!(out, "  {v}: {n}");
            }
            (Some(v), None) => {
                let _ = writeln!(out, "  {v}");
            }
            (None, Some(n)) => {
                let _ = writeln!(out, "  note: {n}");
            }
            (None, None) => {}
        }
        parts(&mut out, view);
    }
    if !info.numbering.is_empty() {
        let _ = writeln!(out, "\nNumbering in other versions:");
        for n in &info.numbering {
            let other = n
                .provision
                .as_ref()
                .map_or("no counterpart".to_owned(), ToString::to_string);
            let rel: &str = n.relation.into();
            // Entries for provisions inside or around the one asked say which they map.
            let of = if n.of == info.provision.unversioned() {
                String::new()
            } else {
                format!("{} -> ", n.of)
            };
            let checked = if n.verification == Verification::Verified {
                String::new()
            } else {
                format!(", {}", n.verification)
            };
            let _ = writeln!(
                out,
                "  {of}{}: {other} ({rel}{checked}) [{}]",
                n.text_version,
                cite(dataset, n.sources)
            );
            if let Some(note) = n.note {
                let _ = writeln!(out, "      {note}");
            }
        }
    }
    let crosswalks = dataset.crosswalk_entries(&info.provision, &info.text_version);
    if !crosswalks.is_empty() {
        let _ = writeln!(out, "\nIn other treaties:");
        for (file, e) in crosswalks
            .iter()
            .flat_map(|(f, es)| es.iter().map(move |e| (f, e)))
        {
            let here = e
                .provision
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let rel: &str = e.relation.into();
            let _ = writeln!(
                out,
                "  {here} -> {}: {} ({rel}, {}) [{}]",
                file.other.title,
                counterpart(e),
                e.verification,
                cite(dataset, &e.sources)
            );
            if let Some(note) = &e.note {
                let _ = writeln!(out, "      {}", note.trim());
            }
        }
        // What a whole file says of its matches (by subject, not an official concordance)
        // qualifies each of them, whatever an entry's own note adds.
        for (f, _) in &crosswalks {
            if let Some(note) = &f.note {
                let _ = writeln!(out, "  {}: {}", f.other.title, note.trim());
            }
        }
    }
    if !info.powers.is_empty() {
        let _ = writeln!(out, "\nPowers:");
        for p in &info.powers {
            let _ = writeln!(out, "  {} ({}): {}", p.id, p.provision, p.name);
            for s in &p.safeguards {
                let name = dataset
                    .safeguard(s.safeguard.as_str())
                    .map_or(s.safeguard.as_str(), |g| g.name.as_str());
                let status: &str = s.status.into();
                let at = s
                    .provision
                    .as_ref()
                    .map(|p| format!(" ({p})"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    {status:<14} {name}{at} [{}]",
                    cite(dataset, &s.sources)
                );
                // The note says why a source judged it so (an absence is a claim too).
                if let Some(note) = &s.note {
                    let _ = writeln!(out, "      {}", note.trim());
                }
            }
        }
    }
    if !info.citations.is_empty() {
        let _ = writeln!(out, "\nCited by:");
        for c in &info.citations {
            let _ = writeln!(
                out,
                "  {} (concern `{}`, as {} in the {}): {}",
                cite(dataset, std::slice::from_ref(&c.analysis.source)),
                c.concern.id,
                c.cited,
                version_words(dataset, &c.analysis.text_version),
                c.concern.summary.trim()
            );
        }
    }
    out
}

/// Sources as a reader cites them (`EFF, July 2024 (electronic data); CTech, August 2024`).
fn cite(dataset: &Dataset, ids: &[SourceId]) -> String {
    let files = &dataset.bundle().sources;
    ids.iter()
        .map(|id| Sources::citation_of(files, id))
        .collect::<Vec<_>>()
        .join("; ")
}
