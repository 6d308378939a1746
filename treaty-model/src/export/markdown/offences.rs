//! The offences the convention requires states to establish, with the claims a reader of an
//! offence looks for: whether intent is required, whether public-interest work is exempt. They
//! are a section of their own rather than under their articles, so that one offences file
//! converted alone, without its chapter, shows them too.

use super::Doc;
use super::text::{anchor, cited, inline, label, note, offence_anchor, opening};
use crate::ids::TextVersionId;
use crate::model::{Offence, Requirement};

impl Doc<'_> {
    pub(super) fn offences(&mut self) {
        for f in &self.dataset.bundle().offences {
            self.block([format!("Text version {}.", self.version(&f.text_version))]);
            for o in &f.offences {
                self.offence(&f.text_version, o);
            }
        }
    }

    fn offence(&mut self, version: &TextVersionId, o: &Offence) {
        self.block([format!(
            "### {}{} (`{}`)",
            anchor(&offence_anchor(o.id.as_str())),
            inline(&o.name),
            o.id
        )]);
        // The facts listed without sources of their own rest on these.
        let lead = o
            .summary
            .as_deref()
            .map_or_else(|| "Sources:".to_owned(), opening);
        self.block([cited(&lead, &o.sources)]);
        let core = if o.core_cybercrime { "yes" } else { "no" };
        self.block([
            format!(
                "- **Provision:** {}; core cybercrime: {core}",
                self.provisions.article(&o.provision, version)
            ),
            format!(
                "- **Intent requirement:** {}",
                self.requirement(version, o.intent_requirement.as_ref())
            ),
            format!(
                "- **Public-interest exemption:** {}",
                self.requirement(version, o.public_interest_exemption.as_ref())
            ),
        ]);
    }

    /// A requirement's status, the provision that sets it, and the note that says whose claim
    /// it is. One not recorded is said to be so: left out, it would read as absent.
    fn requirement(&self, version: &TextVersionId, r: Option<&Requirement>) -> String {
        let Some(r) = r else {
            return "not recorded".to_owned();
        };
        let mut text = label(&r.status);
        if let Some(p) = &r.provision {
            text.push_str(&format!(" ({})", self.provisions.article(p, version)));
        }
        text.push('.');
        text.push_str(&note(r.note.as_deref()));
        cited(&text, &r.sources)
    }
}
