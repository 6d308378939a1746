//! The powers, domestic then cross-border, with their facts and safeguard statuses.

use super::Doc;
use super::text::{anchor, cite, cited, inline, label, note, opening, power_anchor, row};
use crate::ids::TextVersionId;
use crate::model::{Power, PowerScope};

impl Doc<'_> {
    pub(super) fn powers(&mut self) {
        // Each power with the text version of its file, whose numbering its provisions use.
        let all: Vec<(&TextVersionId, &Power)> = self
            .dataset
            .bundle()
            .powers
            .iter()
            .flat_map(|f| f.powers.iter().map(move |p| (&f.text_version, p)))
            .collect();
        let groups = [
            ("Domestic powers", PowerScope::Domestic),
            ("Cross-border powers", PowerScope::CrossBorder),
        ];
        for (title, scope) in groups {
            let group: Vec<_> = all
                .iter()
                .copied()
                .filter(|(_, p)| p.scope == scope)
                .collect();
            // The domestic powers file alone has no cross-border powers to say "none" of.
            if !group.is_empty() {
                self.power_group(title, &group);
            }
        }
        let other: Vec<_> = all
            .iter()
            .copied()
            .filter(|(_, p)| !groups.iter().any(|(_, s)| *s == p.scope))
            .collect();
        if !other.is_empty() {
            self.power_group("Other powers", &other);
        }
    }

    fn power_group(&mut self, title: &str, powers: &[(&TextVersionId, &Power)]) {
        self.block([format!("### {title}")]);
        for (version, p) in powers {
            self.power(version, p);
        }
    }

    fn power(&mut self, version: &TextVersionId, p: &Power) {
        self.block([format!(
            "#### {}{} (`{}`)",
            anchor(&power_anchor(p.id.as_str())),
            inline(&p.name),
            p.id
        )]);
        // The facts listed without sources of their own rest on these.
        self.block([cited(&opening(&p.summary), &p.sources)]);
        self.block(self.power_facts(version, p));
        self.power_safeguards(version, p);
    }

    fn power_facts(&self, version: &TextVersionId, p: &Power) -> Vec<String> {
        let mut provision = self.provisions.article(&p.provision, version);
        if p.provision.version().is_none() {
            provision.push_str(&format!(" (`{version}`)"));
        }
        let mut lines = vec![
            format!(
                "- **Provision:** {provision}; obligation: {}",
                label(&p.obligation)
            ),
            format!(
                "- **Data categories:** {}",
                or_none(
                    p.data_categories
                        .iter()
                        .map(|d| self.data_category_name(d.as_str()))
                        .collect()
                )
            ),
        ];
        if !p.sensitive_data.is_empty() {
            let names = p
                .sensitive_data
                .iter()
                .map(|s| self.sensitivity_name(s.as_str()));
            lines.push(format!(
                "- **Sensitive data:** {}",
                names.collect::<Vec<_>>().join(", ")
            ));
        }
        let compellable: Vec<String> = p.compellable.iter().map(label).collect();
        lines.push(format!(
            "- **Who can be compelled:** {}",
            or_none(compellable)
        ));
        lines.push(format!(
            "- **Offence scope:** {}",
            self.offence_scope(version, p)
        ));
        lines.push(format!("- **Duration:** {}", self.duration(version, p)));
        lines.push(format!(
            "- **Confidentiality:** {}",
            self.confidentiality(version, p)
        ));
        if let Some(c) = &p.domestic_counterpart {
            lines.push(format!(
                "- **Domestic counterpart:** {}",
                self.power_name(c.as_str())
            ));
        } else if p.scope == PowerScope::CrossBorder {
            lines.push("- **Domestic counterpart:** none recorded".to_owned());
        }
        if let Some(a) = &p.article_24 {
            let mut text = label(&a.applies);
            if let Some(r) = &a.provision {
                text.push_str(&format!(" ({})", self.provisions.article(r, version)));
            }
            text.push('.');
            text.push_str(&note(a.note.as_deref()));
            lines.push(cited(&format!("- **Article 24:** {text}"), &a.sources));
        }
        lines
    }

    fn power_safeguards(&mut self, version: &TextVersionId, p: &Power) {
        if p.safeguards.is_empty() {
            self.block(["No safeguard status recorded."]);
            return;
        }
        // The note says why a status was recorded (what the source found missing, or "as
        // appropriate"): without it, a status reads as the project's own finding.
        let mut lines = vec![
            "| Safeguard | Status | Provision | Why | Source |".to_owned(),
            "| --- | --- | --- | --- | --- |".to_owned(),
        ];
        for s in &p.safeguards {
            lines.push(row(&[
                self.safeguard_name(s.safeguard.as_str()),
                label(&s.status),
                s.provision
                    .as_ref()
                    .map_or_else(|| "—".to_owned(), |r| self.provisions.article(r, version)),
                s.note.as_deref().map_or_else(|| "—".to_owned(), inline),
                cite(&s.sources),
            ]));
        }
        self.block(lines);
    }

    fn offence_scope(&self, version: &TextVersionId, p: &Power) -> String {
        let Some(s) = &p.offence_scope else {
            return "not recorded".to_owned();
        };
        let covers: Vec<String> = s.covers.iter().map(label).collect();
        let text = format!(
            "{} ({}).{}",
            covers.join(", "),
            self.provisions.article(&s.provision, version),
            note(s.note.as_deref())
        );
        cited(&text, &s.sources)
    }

    fn duration(&self, version: &TextVersionId, p: &Power) -> String {
        let Some(d) = &p.duration else {
            return "not recorded".to_owned();
        };
        let days = d.max_days.map_or_else(
            || "maximum not recorded".to_owned(),
            |n| format!("up to {n} days"),
        );
        let text = format!(
            "{days}; renewable: {}; renewals limited: {} ({}).{}",
            yes_no(d.renewable),
            yes_no(d.renewals_limited),
            self.provisions.article(&d.provision, version),
            note(d.note.as_deref())
        );
        cited(&text, &d.sources)
    }

    fn confidentiality(&self, version: &TextVersionId, p: &Power) -> String {
        let Some(c) = &p.confidentiality else {
            return "not recorded".to_owned();
        };
        let bound: Vec<String> = c.bound.iter().map(label).collect();
        let text = format!(
            "{}; bound: {}; time limit: {} ({}).{}",
            label(&c.status),
            or_none(bound),
            label(&c.time_limit),
            self.provisions.article(&c.provision, version),
            note(c.note.as_deref())
        );
        cited(&text, &c.sources)
    }
}

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}

fn or_none(items: Vec<String>) -> String {
    if items.is_empty() {
        "none recorded".to_owned()
    } else {
        items.join(", ")
    }
}
