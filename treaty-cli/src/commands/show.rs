//! `treaty show PROVISION`.

use std::fmt::Write as _;

use treaty_model::ids::SourceId;
use treaty_model::model::Sources;
use treaty_model::query::ProvisionInfo;
use treaty_model::{Dataset, Modality, ProvisionRef, Verification};

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
        let (summary, quotes, m, sources, checked, note) = match (view.point, view.paragraph) {
            (Some(p), _) => (
                &p.summary,
                &p.quotes,
                p.modality,
                &p.sources,
                p.verification,
                &p.note,
            ),
            (None, Some(p)) => (
                &p.summary,
                &p.quotes,
                p.modality,
                &p.sources,
                p.verification,
                &p.note,
            ),
            (None, None) => (
                &view.article.summary,
                &view.article.quotes,
                view.article.modality,
                &view.article.sources,
                None,
                &None,
            ),
        };
        if let Some(s) = summary {
            let _ = writeln!(out, "\n  {s}{}", modality(m));
        }
        for q in quotes {
            // A note says what the words are (a translation, a draft's wording): without it a
            // reader would take a translation for the official English.
            let note = q
                .note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            let _ = writeln!(out, "  quoted: \"{}\"{note}", q.text);
        }
        let _ = writeln!(out, "  sources: {}", cite(dataset, sources));
        // What qualifies the entry (a number carried over from a draft) goes with it: without
        // it a reader would take the entry as checked.
        if view.article.verification != Verification::Verified {
            let _ = writeln!(out, "  the article's title: {}", view.article.verification);
        }
        match (checked.filter(|v| *v != Verification::Verified), note) {
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
        if view.paragraph.is_none() && view.point.is_none() && !view.article.paragraphs.is_empty() {
            let _ = writeln!(out, "\n  Paragraphs described:");
            for p in &view.article.paragraphs {
                let _ = writeln!(
                    out,
                    "    ({}) {}{}",
                    p.number,
                    p.summary.as_deref().unwrap_or("(no summary)"),
                    modality(p.modality)
                );
            }
        }
        match (view.point, view.paragraph) {
            (Some(point), _) if !point.subpoints.is_empty() => {
                let _ = writeln!(out, "\n  Items described:");
                for sp in &point.subpoints {
                    let _ = writeln!(
                        out,
                        "    ({}) {}",
                        sp.numeral,
                        sp.summary.as_deref().unwrap_or("(no summary)")
                    );
                }
            }
            (Some(_), _) => {}
            (None, paragraph) => {
                let points = paragraph.map_or(&view.article.points, |p| &p.points);
                if !points.is_empty() {
                    let _ = writeln!(out, "\n  Points described:");
                    for p in points {
                        let _ = writeln!(
                            out,
                            "    ({}) {}{}",
                            p.letter,
                            p.summary.as_deref().unwrap_or("(no summary)"),
                            modality(p.modality)
                        );
                    }
                }
            }
        }
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
