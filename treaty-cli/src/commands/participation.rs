//! `treaty participation`: who signed when, who deposited an instrument, and whether the
//! convention is in force (computed, never read from the data).

use std::fmt::Write as _;

use serde_json::json;
use treaty_model::dataset::EntryIntoForce;
use treaty_model::date::Date;
use treaty_model::model::{ParticipationStep, StateParticipation, StepKind};
use treaty_model::{Dataset, StateCode, Verification};

use crate::args::{ParticipationArgs, ShowFormat};
use crate::output::{Failure, note, print};
use crate::render::text::{cite, entry_into_force, join, words, wrap};
use crate::{exit, load};

/// Notes are wrapped to this width, as `treaty explain` wraps its prose.
const WIDTH: usize = 100;

pub fn run(args: ParticipationArgs) -> Result<u8, Failure> {
    let dataset = match load::dataset(args.data.as_deref()) {
        Ok(d) => d,
        Err(stop) => return Ok(stop.exit()?),
    };
    let states: Vec<&StateParticipation> = dataset
        .participants()
        .into_iter()
        .filter(|s| args.state.is_none_or(|code| s.state == code))
        .collect();
    if let (Some(code), true) = (args.state, states.is_empty()) {
        note(&format!("treaty: no participation is recorded for {code}"));
        note("  `treaty participation` lists every state recorded");
        return Ok(exit::INVALID);
    }
    let today = crate::clock::today()?;
    match args.format {
        ShowFormat::Human => print(&human(&dataset, &states, args.state, today))?,
        ShowFormat::Json => print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&as_json(&dataset, &states, today))
                .map_err(|e| e.to_string())?
        ))?,
    }
    Ok(exit::OK)
}

fn human(
    dataset: &Dataset,
    states: &[&StateParticipation],
    only: Option<StateCode>,
    today: Date,
) -> String {
    let sources = &dataset.bundle().sources;
    let mut out = String::new();
    if let Some(e) = dataset.entry_into_force() {
        let _ = writeln!(out, "Entry into force: {}", entry_into_force(&e, today));
    }
    if let Some(rule) = dataset.instrument().map(|i| &i.entry_into_force) {
        let text = format!(
            "rule ({}): the {}th day after the deposit of the {}th instrument of ratification, \
             acceptance, approval or accession {}",
            rule.provision,
            rule.days_after_deposit,
            rule.instruments_required,
            cite(sources, &rule.sources)
        );
        out.push_str(&wrap(&text, WIDTH, "  "));
    }
    let files = &dataset.bundle().participation;
    // The period, the counts and the notes concern the convention as a whole, not one state.
    if only.is_none() {
        for sig in files.iter().filter_map(|p| p.signature.as_ref()) {
            let place = sig
                .place
                .as_deref()
                .map_or(String::new(), |p| format!(" in {p}"));
            let closes = sig
                .closes
                .map_or(String::new(), |d| format!(", closes {d}"));
            let _ = writeln!(
                out,
                "Signature ({}): opened {}{place}{closes}{} {}",
                sig.provision,
                sig.opened,
                checked(sig.verification),
                cite(sources, &sig.sources)
            );
            if let Some(n) = &sig.note {
                out.push_str(&wrap(n, WIDTH, "  "));
            }
        }
        let counts: Vec<_> = files.iter().flat_map(|p| &p.reported_counts).collect();
        if !counts.is_empty() {
            let _ = writeln!(out, "\nReported counts:");
            for c in counts {
                let as_of = c.as_of.map_or(String::new(), |d| format!(" as of {d}"));
                let _ = writeln!(
                    out,
                    "  {} {}{as_of}{} {}",
                    c.count,
                    words(&c.counted),
                    checked(c.verification),
                    cite(sources, &c.sources)
                );
                if let Some(n) = &c.note {
                    out.push_str(&wrap(n, WIDTH, "    "));
                }
            }
        }
    }
    let signed = states
        .iter()
        .filter(|s| s.steps.iter().any(|st| st.step == StepKind::Signature))
        .count();
    let deposits = states
        .iter()
        .filter(|s| s.steps.iter().any(|st| st.step.is_consent_to_be_bound()))
        .count();
    let _ = writeln!(
        out,
        "\nStates ({} recorded: {signed} with a signature, {deposits} with a deposit of \
         ratification, acceptance, approval or accession):",
        states.len()
    );
    for s in states {
        for (i, step) in s.steps.iter().enumerate() {
            let code = if i == 0 { s.state.as_str() } else { "" };
            let _ = writeln!(
                out,
                "  {code:<4} {:<34} {}",
                step_text(step),
                cite(sources, &step.sources)
            );
            if let Some(n) = &step.note {
                out.push_str(&wrap(n, WIDTH, "         "));
            }
        }
        for st in &s.statements {
            let _ = writeln!(
                out,
                "       {} on {}: {} {}",
                words(&st.statement),
                join(&st.provisions),
                st.summary.trim(),
                cite(sources, &st.sources)
            );
        }
    }
    if only.is_none() {
        for n in files.iter().filter_map(|p| p.note.as_deref()) {
            let _ = writeln!(out);
            out.push_str(&wrap(&format!("Note: {n}"), WIDTH, ""));
        }
    }
    out
}

/// `signature 2025-10-25`, `ratification, date not known (unverified)`.
fn step_text(step: &ParticipationStep) -> String {
    let date = step
        .date
        .map_or_else(|| ", date not known".to_owned(), |d| format!(" {d}"));
    format!("{}{date}{}", words(&step.step), checked(step.verification))
}

/// Nothing for a verified fact; the status in words otherwise.
fn checked(v: Verification) -> String {
    if v == Verification::Verified {
        String::new()
    } else {
        format!(" ({})", words(&v))
    }
}

fn as_json(dataset: &Dataset, states: &[&StateParticipation], today: Date) -> serde_json::Value {
    let entry = dataset.entry_into_force().map(|e| {
        let status = match (&e, e.in_force_on(today)) {
            (EntryIntoForce::Pending { .. }, _) => "pending",
            (_, Some(true)) => "in-force",
            (_, Some(false)) => "entering-into-force",
            (_, None) => "perhaps-in-force",
        };
        let (earliest, latest, decisive_state, deposits, required) = match &e {
            EntryIntoForce::Reached {
                earliest,
                latest,
                decisive_state,
                deposits,
                required,
            } => (*earliest, *latest, *decisive_state, *deposits, *required),
            EntryIntoForce::Pending { deposits, required } => {
                (None, None, None, *deposits, *required)
            }
            _ => (None, None, None, 0, 0),
        };
        let date = |d: Option<treaty_model::date::Date>| d.map(|d| d.to_string());
        json!({
            "status": status,
            "date": date(e.date()),
            "earliest": date(earliest),
            "latest": date(latest),
            "decisive_state": decisive_state,
            "deposits": deposits,
            "required": required,
            "text": entry_into_force(&e, today),
        })
    });
    let files = &dataset.bundle().participation;
    json!({
        "entry_into_force": entry,
        "rule": dataset.instrument().map(|i| &i.entry_into_force),
        "signature": files.iter().filter_map(|p| p.signature.as_ref()).collect::<Vec<_>>(),
        "reported_counts": files.iter().flat_map(|p| &p.reported_counts).collect::<Vec<_>>(),
        "notes": files.iter().filter_map(|p| p.note.as_deref()).collect::<Vec<_>>(),
        "states": states,
    })
}
