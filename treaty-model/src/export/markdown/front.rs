//! The front matter: the title with the instrument's facts, the text versions with their
//! milestones, and the contents.

use super::text::{
    capitalised, chapter_anchor, cite, cited, heading, inline, label, note, opening, row,
    unverified,
};
use super::{Doc, Section};
use crate::export::word;
use crate::ids::TextVersionId;
use crate::model::{Chapter, TextVersion};

impl Doc<'_> {
    pub(super) fn title(&mut self) {
        let Some(i) = self.dataset.instrument() else {
            self.block(["# UN Convention against Cybercrime"]);
            return;
        };
        self.block([format!("# {}", heading(&i.short_title))]);
        self.block([cited(
            &format!("*{}*", inline(&i.official_title)),
            &i.sources,
        )]);
        if let Some(n) = &i.negotiated_by {
            self.block([cited(&opening(n), &i.sources)]);
        }
        let r = &i.entry_into_force;
        let mut text = format!(
            "**Entry into force:** {} days after the deposit of instrument number {} of \
             ratification, acceptance, approval or accession ({}).",
            r.days_after_deposit,
            r.instruments_required,
            // The instrument has no text version: its provision is in the final text.
            self.provisions
                .article(&r.provision, &TextVersionId::final_text())
        );
        text.push_str(&note(r.note.as_deref()));
        text.push_str(&unverified(r.verification));
        self.block([cited(&text, &r.sources)]);
    }

    pub(super) fn text_versions(&mut self) {
        let Some(i) = self.dataset.instrument() else {
            return;
        };
        self.block(["## Text versions"]);
        let mut lines = vec![
            "| Version | Label | Stage | Symbol | Date | Verification | Summary | Sources |"
                .to_owned(),
            "| --- | --- | --- | --- | --- | --- | --- | --- |".to_owned(),
        ];
        for v in &i.text_versions {
            lines.push(row(&[
                format!("`{}`", v.id),
                inline(&v.label),
                word(&v.stage),
                v.symbol.as_deref().map_or_else(|| "—".to_owned(), inline),
                v.date.map_or_else(|| "—".to_owned(), |d| d.to_string()),
                word(&v.verification),
                inline(&v.summary),
                cite(&v.sources),
            ]));
        }
        self.block(lines);
        self.milestones(&i.text_versions);
    }

    /// The dated steps of each version, under the table of versions: a version's own date is
    /// that of its text, which for the final text is not the day the General Assembly adopted
    /// it.
    fn milestones(&mut self, versions: &[TextVersion]) {
        let rows: Vec<String> = versions
            .iter()
            .flat_map(|v| v.milestones.iter().map(move |m| (v, m)))
            .map(|(v, m)| {
                row(&[
                    format!("`{}`", v.id),
                    capitalised(&label(&m.event)),
                    m.date.map_or_else(|| "—".to_owned(), |d| d.to_string()),
                    m.symbol.as_deref().map_or_else(|| "—".to_owned(), inline),
                    word(&m.verification),
                    m.note.as_deref().map_or_else(|| "—".to_owned(), inline),
                    cite(&m.sources),
                ])
            })
            .collect();
        if rows.is_empty() {
            return;
        }
        self.block(["### Milestones"]);
        let mut lines = vec![
            "| Version | Event | Date | Symbol | Verification | Note | Sources |".to_owned(),
            "| --- | --- | --- | --- | --- | --- | --- |".to_owned(),
        ];
        lines.extend(rows);
        self.block(lines);
    }

    pub(super) fn contents(&mut self) {
        self.block(["## Contents"]);
        let mut lines: Vec<String> = self
            .dataset
            .bundle()
            .chapters
            .iter()
            .map(|c| {
                format!(
                    "- [Chapter {}: {}](#{}) (`{}`, {})",
                    c.number,
                    inline(&c.title),
                    chapter_anchor(c),
                    c.text_version,
                    article_range(c)
                )
            })
            .collect();
        for s in Section::present(self.dataset.bundle()) {
            lines.push(format!("- [{}](#{})", s.title(), s.anchor()));
        }
        lines.push("- [Sources](#sources)".to_owned());
        self.block(lines);
    }
}

fn article_range(c: &Chapter) -> String {
    match (c.articles.first(), c.articles.last()) {
        (Some(a), Some(b)) if a.number != b.number => {
            format!("Articles {}–{}", a.number, b.number)
        }
        (Some(a), _) => format!("Article {}", a.number),
        _ => "no articles".to_owned(),
    }
}
