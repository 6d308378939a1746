//! `treaty explain`: one power in plain language, from an [`Explanation`].
//!
//! The phrases for the model's vocabularies (who can be compelled, which offences, how long,
//! secrecy) are public so that the HTML edition says the same things in the same words.

use std::fmt::Write as _;

use treaty_model::Dataset;
use treaty_model::coverage::CellStatus;
use treaty_model::explain::{Explanation, Reason};
use treaty_model::ids::SourceId;
use treaty_model::model::{
    Compellable, Confidentiality, Coverage, Duration, Obligation, OffenceClass, PowerScope, Source,
    Status, TimeLimit,
};

use super::text::{capitalise, item, join, version_words, words, wrap};

const WIDTH: usize = 100;

/// Who a power compels, in words.
pub fn compellable(c: Compellable) -> String {
    match c {
        Compellable::PersonWithData => "any person in possession or control of the data".into(),
        Compellable::ServiceProvider => "service providers".into(),
        Compellable::PersonWithKnowledge => {
            "any person who knows how the system or its security measures work".into()
        }
        Compellable::RequestedState => "the authorities of the requested state".into(),
        Compellable::LawEnforcement => "law-enforcement agencies".into(),
        other => words(&other),
    }
}

/// A class of offence, in words.
pub fn offence_class(c: OffenceClass) -> String {
    match c {
        OffenceClass::ConventionOffences => "the offences established by the convention".into(),
        OffenceClass::IctOffences => {
            "other criminal offences committed by means of an ICT system".into()
        }
        OffenceClass::AnyOffenceEvidence => {
            "collecting electronic evidence of any criminal offence".into()
        }
        OffenceClass::SeriousCrime => {
            "evidence of any serious crime (at least four years' imprisonment)".into()
        }
        other => words(&other),
    }
}

/// Scope and obligation in one sentence.
pub fn obligation(scope: PowerScope, obligation: Obligation) -> String {
    let kind = match scope {
        PowerScope::Domestic => "A domestic power (Chapter IV)",
        PowerScope::CrossBorder => "A cross-border power (Chapter V)",
        _ => "A power",
    };
    let duty = match obligation {
        Obligation::Mandatory => "every state party must provide it (\"shall\")",
        Obligation::Optional => "states may provide it (\"may\")",
        _ => "the data does not say whether states must provide it",
    };
    format!("{kind}: {duty}.")
}

/// How long a power's effects last, in words.
pub fn duration(d: &Duration) -> String {
    let mut parts = Vec::new();
    if let Some(days) = d.max_days {
        parts.push(format!("up to {days} days"));
    }
    match d.renewable {
        Some(true) => parts.push("renewable".into()),
        Some(false) => parts.push("not renewable".into()),
        None => {}
    }
    match d.renewals_limited {
        Some(true) => parts.push("with a limit on the number of renewals".into()),
        Some(false) => parts.push("with no limit on the number of renewals".into()),
        None => {}
    }
    if parts.is_empty() {
        "no period is recorded".into()
    } else {
        capitalise(&parts.join(", "))
    }
}

/// A confidentiality (gag) obligation, in words.
pub fn confidentiality(c: &Confidentiality) -> String {
    let who: Vec<String> = c.bound.iter().map(|b| compellable(*b)).collect();
    let who = if who.is_empty() {
        "those who carry it out".to_owned()
    } else {
        who.join(" and ")
    };
    let duty = match c.status {
        Status::Mandatory => format!("Secrecy is required: {who} must keep the measure secret"),
        Status::Discretionary => format!("States may require {who} to keep the measure secret"),
        Status::Absent => "The convention sets no secrecy obligation".to_owned(),
        _ => format!("Secrecy: {}", words(&c.status)),
    };
    let limit = match c.time_limit {
        TimeLimit::SetByConvention => "the convention limits how long",
        TimeLimit::LeftToDomesticLaw => "how long is left to domestic law",
        TimeLimit::None => "no time limit is mentioned",
        _ => "whether it is time-limited is not known",
    };
    format!("{duty}; {limit}.")
}

/// Whether Article 24 reaches a power, as a sentence start.
pub fn article_24(applies: Coverage) -> &'static str {
    match applies {
        Coverage::Applies => "Article 24's conditions and safeguards apply",
        Coverage::DoesNotApply => "Article 24's conditions and safeguards do not apply",
        Coverage::Unclear => "Whether Article 24's conditions and safeguards apply is unclear",
        _ => "Article 24's reach is not recorded",
    }
}

/// The heading of a group of safeguards of one status.
pub fn status_heading(status: CellStatus) -> &'static str {
    match status {
        CellStatus::Mandatory => "Mandatory: the convention requires them",
        CellStatus::Discretionary => "Discretionary: mentioned, but left to each state",
        CellStatus::Absent => "Absent: the convention does not provide them",
        CellStatus::NotApplicable => "Not applicable to this power",
        _ => "Not recorded: the dataset says nothing about them",
    }
}

/// `[EFF, July 2024 (electronic data); CTech, August 2024]`: the sources as a reader cites
/// them, in the order given; nothing for none.
fn cite(e: &Explanation<'_>, ids: &[SourceId]) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let names: Vec<String> = ids
        .iter()
        .map(|id| {
            e.source(id)
                .map_or_else(|| id.to_string(), |s| s.citation())
        })
        .collect();
    format!("[{}]", names.join("; "))
}

/// A provision as the text names it: `Article 28(4)`.
fn article(r: &impl std::fmt::Display) -> String {
    format!("Article {r}")
}

/// The explanation as readable text, wrapped at 100 columns.
pub fn human(dataset: &Dataset, e: &Explanation<'_>) -> String {
    let p = e.power;
    let mut out = String::new();
    let _ = writeln!(out, "{}", p.name);
    let mut place = format!("power `{}`, {}", p.id, article(&p.provision));
    if let Some(pl) = &e.place {
        let _ = write!(
            place,
            " (Chapter {}: {}; Article {}: {})",
            pl.chapter,
            pl.chapter_title,
            p.provision.article_number(),
            pl.article_title
        );
    }
    if e.text_version.as_str() != "final" {
        let _ = write!(
            place,
            ", numbered as in the {}",
            version_words(dataset, e.text_version)
        );
    }
    out.push_str(&wrap(&place, WIDTH, ""));
    out.push_str(&wrap(&obligation(p.scope, p.obligation), WIDTH, ""));

    section(&mut out, "What it allows");
    out.push_str(&wrap(&p.summary, WIDTH, "  "));
    out.push_str(&wrap(&cite(e, &p.sources), WIDTH, "  "));

    section(&mut out, "Which data");
    if e.data_categories.is_empty() {
        out.push_str("  No data category is recorded.\n");
    }
    for c in &e.data_categories {
        let defined = c
            .defined_by
            .as_ref()
            .map(|d| format!(" (defined in {})", article(d)))
            .unwrap_or_else(|| " (not defined by the convention)".into());
        // Cited here, where the category is named: the list of sources at the end names only
        // sources cited above it.
        out.push_str(&item(
            &format!("{}{defined} {}", c.name, cite(e, &c.sources)),
            WIDTH,
            "  ",
        ));
    }
    if !e.sensitive_data.is_empty() {
        let names: Vec<String> = e
            .sensitive_data
            .iter()
            .map(|s| s.name.to_lowercase())
            .collect();
        out.push_str(&wrap(
            &format!(
                "The analyses say it can reach sensitive data the convention does not single out: {}.",
                names.join(", ")
            ),
            WIDTH,
            "  ",
        ));
    }

    section(&mut out, "Who can be compelled");
    if p.compellable.is_empty() {
        out.push_str("  Not recorded.\n");
    } else {
        let who: Vec<String> = p.compellable.iter().map(|c| compellable(*c)).collect();
        out.push_str(&wrap(
            &capitalise(&format!("{}.", who.join("; "))),
            WIDTH,
            "  ",
        ));
    }

    section(&mut out, "For which offences");
    match &p.offence_scope {
        None => out
            .push_str("  Not recorded: no source the project has read states it for this power.\n"),
        Some(o) => {
            let classes: Vec<String> = o.covers.iter().map(|c| offence_class(*c)).collect();
            let text = format!(
                "Under {}: {}. {} {}",
                article(&o.provision),
                classes.join("; "),
                o.note.as_deref().unwrap_or(""),
                cite(e, &o.sources)
            );
            out.push_str(&wrap(&text, WIDTH, "  "));
        }
    }

    section(&mut out, "For how long");
    match &p.duration {
        None => out.push_str("  The dataset records no period for this power.\n"),
        Some(d) => {
            let text = format!(
                "{} ({}). {} {}",
                duration(d),
                article(&d.provision),
                d.note.as_deref().unwrap_or(""),
                cite(e, &d.sources)
            );
            out.push_str(&wrap(&text, WIDTH, "  "));
        }
    }
    if let Some(c) = &p.confidentiality {
        section(&mut out, "Secrecy");
        let text = format!(
            "{} ({}). {} {}",
            confidentiality(c).trim_end_matches('.'),
            article(&c.provision),
            c.note.as_deref().unwrap_or(""),
            cite(e, &c.sources)
        );
        out.push_str(&wrap(&text, WIDTH, "  "));
    }
    counterparts(&mut out, e);

    section(&mut out, "Under which safeguards");
    if let Some(a) = &p.article_24 {
        let at = a
            .provision
            .as_ref()
            .map(|r| format!(" ({})", article(r)))
            .unwrap_or_default();
        let text = format!(
            "{}{at}. {} {}",
            article_24(a.applies),
            a.note.as_deref().unwrap_or(""),
            cite(e, &a.sources)
        );
        out.push_str(&wrap(&text, WIDTH, "  "));
    }
    for status in [CellStatus::Mandatory, CellStatus::Discretionary] {
        safeguards(&mut out, e, status);
    }
    if e.with_status(CellStatus::Mandatory).next().is_none()
        && e.with_status(CellStatus::Discretionary).next().is_none()
    {
        out.push_str("  None is recorded as mandatory or discretionary.\n");
    }

    section(&mut out, "What is missing");
    // An absence is a source's claim as much as a requirement is: its note says what the
    // source found missing, so it is shown too.
    for status in [
        CellStatus::Absent,
        CellStatus::NotApplicable,
        CellStatus::NotRecorded,
    ] {
        safeguards(&mut out, e, status);
    }

    section(&mut out, "What the analyses say");
    if e.concerns.is_empty() {
        out.push_str("  No analysis in the dataset discusses this power.\n");
    }
    for c in &e.concerns {
        let why = match c.reason {
            Reason::NamesPower => "about this power".to_owned(),
            Reason::CitesProvision(r) => {
                format!(
                    "citing {} of the {}",
                    article(r),
                    version_words(dataset, &c.analysis.text_version)
                )
            }
            _ => String::new(),
        };
        let by = e
            .source(&c.analysis.source)
            .map_or_else(|| c.analysis.publisher.clone(), |s| s.citation());
        let head = format!("{by}, concern `{}`, {why}:", c.concern.id);
        out.push_str(&wrap(&head, WIDTH, "  "));
        out.push_str(&wrap(&c.concern.summary, WIDTH, "    "));
        for r in &c.concern.recommendations {
            out.push_str(&wrap(
                &format!("Recommends ({}): {}", words(&r.action), r.summary),
                WIDTH,
                "    ",
            ));
        }
        out.push_str(&wrap(&cite(e, &c.concern.sources), WIDTH, "    "));
    }

    section(&mut out, "Sources");
    for s in &e.sources {
        out.push_str(&wrap(&reference(s), WIDTH, "  "));
    }
    out
}

/// A source as a plain-text reference: `EFF, July 2024: Title. Authors. Publisher, date.
/// https://... (accessed 2026-12-02)`.
fn reference(s: &Source) -> String {
    let mut line = format!("{}: {}", s.citation(), s.title);
    if !s.authors.is_empty() {
        let _ = write!(line, ". {}", s.authors.join(", "));
    }
    if let Some(p) = &s.publisher {
        let _ = write!(line, ". {p}");
    }
    if let Some(d) = &s.published {
        let _ = write!(line, ", {d}");
    }
    if let Some(sym) = &s.symbol {
        let _ = write!(line, ". Symbol {sym}");
    }
    if let Some(u) = &s.url {
        let _ = write!(line, ". {u}");
        if let Some(d) = &s.accessed {
            let _ = write!(line, " (accessed {d})");
        }
    } else if let Some(l) = &s.locator {
        let _ = write!(line, ". {l}");
    }
    line
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}");
}

fn counterparts(out: &mut String, e: &Explanation<'_>) {
    if let Some(d) = e.domestic_counterpart {
        section(out, "Domestic counterpart");
        out.push_str(&wrap(
            &format!(
                "It relies on the domestic power `{}` ({}): {}.",
                d.id,
                article(&d.provision),
                d.name
            ),
            WIDTH,
            "  ",
        ));
    }
    if !e.cross_border_counterparts.is_empty() {
        section(out, "Used across borders by");
        for c in &e.cross_border_counterparts {
            out.push_str(&wrap(
                &format!("`{}` ({}): {}", c.id, article(&c.provision), c.name),
                WIDTH,
                "  ",
            ));
        }
    }
}

/// The safeguards of one status, each with its note (those not recorded, by name only).
fn safeguards(out: &mut String, e: &Explanation<'_>, status: CellStatus) {
    let lines: Vec<_> = e.with_status(status).collect();
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "  {} ({}):", status_heading(status), lines.len());
    if status == CellStatus::NotRecorded {
        let names: Vec<&str> = lines.iter().map(|l| l.safeguard.name.as_str()).collect();
        out.push_str(&wrap(&format!("{}.", join(&names)), WIDTH, "    "));
        return;
    }
    for l in lines {
        let Some(r) = l.recorded else { continue };
        let at = r
            .provision
            .as_ref()
            .map(|p| format!(", {}", article(p)))
            .unwrap_or_default();
        let mut text = format!("{}{at} {}", l.safeguard.name, cite(e, &r.sources));
        if let Some(n) = &r.note {
            text = format!("{text}: {n}");
        }
        out.push_str(&item(&text, WIDTH, "    "));
    }
}
