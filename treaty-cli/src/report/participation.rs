//! The participation page: the computed entry-into-force status, the signature period, the
//! counts sources report, and one row per state (who signed when, who deposited what).

use std::fmt::Write as _;

use treaty_model::model::{ParticipationStep, StateParticipation, StepKind};
use treaty_model::{Dataset, Verification};

use super::html::{dt_dd, esc, p, sources};
use super::page::Nav;
use super::{Ctx, links};
use crate::render::text::{entry_into_force, words};

pub fn page(ctx: &Ctx<'_>) -> String {
    let d = ctx.dataset;
    let files = &d.bundle().participation;
    let states = d.participants();
    let mut out = String::from("<h1>Participation: signatures and ratifications</h1>\n");
    out.push_str("<dl class=\"facts\">\n");
    if let Some(e) = d.entry_into_force() {
        out.push_str(&dt_dd(
            "Entry into force",
            &esc(&entry_into_force(&e, ctx.today)),
        ));
    }
    if let Some(rule) = d.instrument().map(|i| &i.entry_into_force) {
        let text = format!(
            "the {}th day after the deposit of the {}th instrument of ratification, acceptance, \
             approval or accession",
            rule.days_after_deposit, rule.instruments_required
        );
        out.push_str(&dt_dd(
            "Rule",
            &format!(
                "{} ({}){}",
                esc(&text),
                links::provision(
                    d,
                    &rule.provision,
                    &treaty_model::ids::TextVersionId::final_text()
                ),
                sources(d, &rule.sources)
            ),
        ));
    }
    for sig in files.iter().filter_map(|p| p.signature.as_ref()) {
        let mut text = format!("opened {}", sig.opened);
        if let Some(place) = &sig.place {
            let _ = write!(text, " in {place}");
        }
        if let Some(closes) = sig.closes {
            let _ = write!(text, "; closes {closes}");
        }
        out.push_str(&dt_dd(
            "Signature",
            &format!("{}{}", esc(&text), sources(d, &sig.sources)),
        ));
    }
    let signed = count(&states, |s| s == StepKind::Signature);
    let deposited = count(&states, StepKind::is_consent_to_be_bound);
    out.push_str(&dt_dd(
        "States recorded",
        &esc(&format!(
            "{}: {signed} with a signature, {deposited} with a deposit of ratification, \
             acceptance, approval or accession",
            states.len()
        )),
    ));
    out.push_str("</dl>\n");
    out.push_str(&p(
        "Each state is listed because a source the project read names it, with the date that \
         source gives; a step without a date is shown as \"date not known\". Entry into force \
         is computed from the deposits: one dated only to the month or year counts for each day \
         it may stand for, which can leave the date of entry into force a range.",
    ));
    counts(ctx, &mut out);
    table(d, &states, &mut out);
    for n in files.iter().filter_map(|p| p.note.as_deref()) {
        out.push_str(&p(n));
    }
    ctx.page("Participation", Nav::Participation, &out)
}

fn count(states: &[&StateParticipation], pick: impl Fn(StepKind) -> bool) -> usize {
    states
        .iter()
        .filter(|s| s.steps.iter().any(|st| pick(st.step)))
        .count()
}

fn counts(ctx: &Ctx<'_>, out: &mut String) {
    let counts: Vec<_> = ctx
        .dataset
        .bundle()
        .participation
        .iter()
        .flat_map(|p| &p.reported_counts)
        .collect();
    if counts.is_empty() {
        return;
    }
    out.push_str(
        "<h2 id=\"counts\">Reported counts</h2>\n<table class=\"list\">\n<thead><tr><th scope=\"col\">Count</th><th scope=\"col\">As of</th><th scope=\"col\">Checked</th><th scope=\"col\">Details</th></tr></thead>\n<tbody>\n",
    );
    for c in counts {
        let _ = writeln!(
            out,
            "<tr><td>{} {}</td><td>{}</td><td>{}</td><td>{}{}</td></tr>",
            c.count,
            esc(&words(&c.counted)),
            c.as_of.map_or(String::new(), |d| d.to_string()),
            esc(&words(&c.verification)),
            esc(c.note.as_deref().unwrap_or_default()),
            sources(ctx.dataset, &c.sources)
        );
    }
    out.push_str("</tbody></table>\n");
}

fn table(d: &Dataset, states: &[&StateParticipation], out: &mut String) {
    out.push_str(
        "<h2 id=\"states\">States</h2>\n<table class=\"list\">\n<thead><tr><th scope=\"col\">State</th><th scope=\"col\">Signature</th><th scope=\"col\">Ratification, acceptance, approval or accession</th><th scope=\"col\">Other steps</th></tr></thead>\n<tbody>\n",
    );
    for s in states {
        let cell = |pick: &dyn Fn(StepKind) -> bool| -> String {
            s.steps
                .iter()
                .filter(|st| pick(st.step))
                .map(|st| step(d, st))
                .collect::<Vec<_>>()
                .join("<br>\n")
        };
        let signature = cell(&|k| k == StepKind::Signature);
        let deposit = cell(&|k| k.is_consent_to_be_bound());
        let other = cell(&|k| k != StepKind::Signature && !k.is_consent_to_be_bound());
        let _ = writeln!(
            out,
            "<tr id=\"state-{code}\"><th scope=\"row\">{code}</th><td>{signature}</td><td>{deposit}</td><td>{other}</td></tr>",
            code = esc(s.state.as_str())
        );
    }
    out.push_str("</tbody></table>\n");
}

/// One step in a cell: its date (or that none is known), its kind when the column holds
/// several, how far it was checked, its note and its sources.
fn step(d: &Dataset, st: &ParticipationStep) -> String {
    let mut out = match st.date {
        Some(d) => d.to_string(),
        None => "date not known".to_owned(),
    };
    if st.step != StepKind::Signature {
        out = format!("{}: {out}", words(&st.step));
    }
    if st.verification != Verification::Verified {
        let _ = write!(out, " ({})", words(&st.verification));
    }
    let mut html = esc(&out);
    if let Some(n) = &st.note {
        let _ = write!(html, " <span class=\"note\">{}</span>", esc(n));
    }
    html.push_str(&sources(d, &st.sources));
    html
}
