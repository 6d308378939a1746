//! A validated dataset with indexed lookups.

use std::collections::{BTreeMap, HashMap};

use crate::date::Date;
use crate::diagnostic::Report;
use crate::ids::{DataCategoryId, PowerId, SafeguardId, TextVersionId};
use crate::model::*;
use crate::provision::ProvisionRef;
use crate::state::StateCode;

/// A dataset that passed validation: the typed documents and indexes over them.
#[derive(Debug, Clone)]
pub struct Dataset {
    bundle: Bundle,
    files: Vec<(String, FileKind)>,
    report: Report,
    powers: HashMap<PowerId, (usize, usize)>,
    safeguards: HashMap<SafeguardId, (usize, usize)>,
    articles: HashMap<(TextVersionId, u16), (usize, usize)>,
}

/// One provision found in the structure: its article and, when the reference is that precise,
/// its paragraph and point.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ProvisionView<'a> {
    /// The chapter that contains it.
    pub chapter: &'a Chapter,
    /// The article.
    pub article: &'a Article,
    /// The paragraph, when the reference names one.
    pub paragraph: Option<&'a Paragraph>,
    /// The point, when the reference names one.
    pub point: Option<&'a Point>,
}

impl serde::Serialize for ProvisionView<'_> {
    /// The chapter by number and title only (not its every article), then the text itself.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry(
            "chapter",
            &serde_json::json!({"number": self.chapter.number, "title": self.chapter.title}),
        )?;
        match (self.point, self.paragraph) {
            (Some(p), _) => map.serialize_entry("point", p)?,
            (None, Some(p)) => map.serialize_entry("paragraph", p)?,
            (None, None) => map.serialize_entry("article", self.article)?,
        }
        map.end()
    }
}

/// Where a concern cites a provision.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Citation<'a> {
    /// The analysis.
    pub analysis: &'a Analysis,
    /// The concern.
    pub concern: &'a Concern,
    /// The provision as the analysis cites it, in its own text version.
    pub cited: &'a ProvisionRef,
}

/// Entry into force, computed from the deposits recorded and the instrument's rule.
///
/// A deposit dated only to the month or the year still counts: it stands for every day it may
/// have happened on, so the date of entry into force is exact when those days do not change
/// the day the count is completed, and a range otherwise. A state counts once, by its earliest
/// deposit, however many steps record one. Whether the convention is in
/// force on a given day is [`EntryIntoForce::in_force_on`]: the computed date may lie ahead.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EntryIntoForce {
    /// The required number of deposits is recorded.
    Reached {
        /// The earliest date entry into force can fall on; `None` when so many deposits are
        /// undated that no bound follows.
        earliest: Option<Date>,
        /// The latest; `None` when an undated deposit may be the one that completed the
        /// count. Equal to `earliest` when the date is exact.
        latest: Option<Date>,
        /// The state whose deposit completed the count, when the dates recorded make it
        /// certain: no other deposit may have fallen on a day the deciding one may have (two
        /// deposits of one day, or of one month, leave it open).
        decisive_state: Option<StateCode>,
        /// The deposits recorded.
        deposits: usize,
        /// The deposits the rule requires.
        required: u16,
    },
    /// Fewer deposits are recorded than the rule requires.
    Pending {
        /// The deposits recorded.
        deposits: usize,
        /// The deposits the rule requires.
        required: u16,
    },
}

impl EntryIntoForce {
    /// The date of entry into force, when the deposits recorded fix it to the day.
    pub fn date(&self) -> Option<Date> {
        match self {
            Self::Reached {
                earliest: Some(e),
                latest: Some(l),
                ..
            } if e == l => Some(*e),
            _ => None,
        }
    }

    /// Whether the convention is in force on `day`, as far as the deposits recorded say:
    /// `None` when the day falls where their dates leave it open.
    pub fn in_force_on(&self, day: Date) -> Option<bool> {
        match self {
            Self::Pending { .. } => Some(false),
            Self::Reached {
                earliest, latest, ..
            } => {
                if latest.is_some_and(|l| l <= day) {
                    Some(true)
                } else if earliest.is_some_and(|e| day < e) {
                    Some(false)
                } else {
                    None
                }
            }
        }
    }
}

/// One state's deposit, as the span of days its recorded date allows (`None`: unbounded).
#[derive(Clone, Copy)]
struct Deposit {
    first: Option<Date>,
    last: Option<Date>,
    state: StateCode,
}

impl Dataset {
    pub(crate) fn new(docs: Vec<(String, Document)>, report: Report) -> Self {
        let mut bundle = Bundle::default();
        let mut files = Vec::new();
        for (path, doc) in docs {
            files.push((path, doc_kind(&doc)));
            bundle.push(doc);
        }
        let mut powers = HashMap::new();
        for (f, file) in bundle.powers.iter().enumerate() {
            for (i, p) in file.powers.iter().enumerate() {
                powers.insert(p.id.clone(), (f, i));
            }
        }
        let mut safeguards = HashMap::new();
        for (f, file) in bundle.safeguards.iter().enumerate() {
            for (i, s) in file.safeguards.iter().enumerate() {
                safeguards.insert(s.id.clone(), (f, i));
            }
        }
        let mut articles = HashMap::new();
        for (c, chapter) in bundle.chapters.iter().enumerate() {
            for (i, a) in chapter.articles.iter().enumerate() {
                articles.insert((chapter.text_version.clone(), a.number), (c, i));
            }
        }
        Self {
            bundle,
            files,
            report,
            powers,
            safeguards,
            articles,
        }
    }

    /// All documents grouped by kind: the JSON bundle.
    pub fn bundle(&self) -> &Bundle {
        &self.bundle
    }

    /// The files read, with their kinds, in path order.
    pub fn files(&self) -> &[(String, FileKind)] {
        &self.files
    }

    /// The warnings (and suppressed diagnostics) of the validation that produced the dataset.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The instrument, if the dataset has one.
    pub fn instrument(&self) -> Option<&Instrument> {
        self.bundle.instrument.first()
    }

    /// A text version by id.
    pub fn text_version(&self, id: &TextVersionId) -> Option<&TextVersion> {
        self.instrument()?
            .text_versions
            .iter()
            .find(|v| &v.id == id)
    }

    /// How a reader names a text version: its label (`Updated draft of May 2024`), or its id
    /// when the instrument does not define it.
    pub fn version_label<'a>(&'a self, id: &'a TextVersionId) -> &'a str {
        self.text_version(id)
            .map_or(id.as_str(), |v| v.label.as_str())
    }

    /// An article by number in a text version.
    pub fn article(&self, version: &TextVersionId, number: u16) -> Option<&Article> {
        let (c, i) = self.articles.get(&(version.clone(), number))?;
        self.bundle.chapters.get(*c)?.articles.get(*i)
    }

    /// A provision by reference; an unqualified reference is read in the final text.
    pub fn provision(&self, r: &ProvisionRef) -> Option<ProvisionView<'_>> {
        let version = r
            .version()
            .cloned()
            .unwrap_or_else(TextVersionId::final_text);
        let (c, i) = self.articles.get(&(version, r.article_number()))?;
        let chapter = self.bundle.chapters.get(*c)?;
        let article = chapter.articles.get(*i)?;
        let paragraph = match r.paragraph() {
            Some(n) => Some(article.paragraphs.iter().find(|p| p.number == n)?),
            None => None,
        };
        let points = paragraph.map_or(&article.points, |p| &p.points);
        let point = match r.point() {
            Some(l) => Some(points.iter().find(|p| p.letter == l)?),
            None => None,
        };
        Some(ProvisionView {
            chapter,
            article,
            paragraph,
            point,
        })
    }

    /// Every power, in file order (files sorted by path), then entry order.
    pub fn powers(&self) -> impl Iterator<Item = &Power> {
        self.bundle.powers.iter().flat_map(|f| f.powers.iter())
    }

    /// A power by id.
    pub fn power(&self, id: &str) -> Option<&Power> {
        let (f, i) = self.powers.get(id)?;
        self.bundle.powers.get(*f)?.powers.get(*i)
    }

    /// The powers that reach a data category.
    pub fn powers_reaching<'a>(
        &'a self,
        category: &'a DataCategoryId,
    ) -> impl Iterator<Item = &'a Power> {
        self.powers()
            .filter(move |p| p.data_categories.contains(category))
    }

    /// A safeguard of the taxonomy by id.
    pub fn safeguard(&self, id: &str) -> Option<&Safeguard> {
        let (f, i) = self.safeguards.get(id)?;
        self.bundle.safeguards.get(*f)?.safeguards.get(*i)
    }

    /// Every safeguard of the taxonomy.
    pub fn safeguards(&self) -> impl Iterator<Item = &Safeguard> {
        self.bundle
            .safeguards
            .iter()
            .flat_map(|f| f.safeguards.iter())
    }

    /// Every data category of the vocabulary.
    pub(crate) fn data_categories(&self) -> impl Iterator<Item = &DataCategory> + Clone {
        self.bundle
            .data_categories
            .iter()
            .flat_map(|f| &f.categories)
    }

    /// Every category of sensitive data of the vocabulary.
    pub(crate) fn sensitivity_categories(
        &self,
    ) -> impl Iterator<Item = &SensitivityCategory> + Clone {
        self.bundle
            .sensitivity_categories
            .iter()
            .flat_map(|f| &f.categories)
    }

    /// The safeguard statuses recorded for a power.
    pub fn safeguards_of(&self, power: &str) -> &[SafeguardStatus] {
        self.power(power).map_or(&[], |p| p.safeguards.as_slice())
    }

    /// The concordance entry that [`Dataset::to_final`] follows for a provision of a draft:
    /// the most precise one that holds `r`. Its `verification`, `note` and `sources` say how
    /// far the mapping can be trusted; `None` for the final text itself, or when no entry
    /// holds `r`.
    pub fn final_entry(
        &self,
        r: &ProvisionRef,
        version: &TextVersionId,
    ) -> Option<&ConcordanceEntry> {
        let unversioned = r.unversioned();
        self.bundle
            .concordances
            .iter()
            .filter(|c| &c.from == version && c.to.as_str() == "final")
            .flat_map(|c| c.entries.iter())
            .filter(|e| e.from.contains(&unversioned))
            .max_by_key(|e| e.from.to_string().len())
    }

    /// Maps a provision of any text version to the final text through the concordances.
    ///
    /// When the concordances map only a provision that contains `r`, what lies below it is
    /// carried over if that entry maps like to like (an article to an article, a paragraph to a
    /// paragraph); otherwise the result is the entry's target, the smallest provision of the
    /// final text known to hold `r`.
    pub fn to_final(&self, r: &ProvisionRef, version: &TextVersionId) -> Option<ProvisionRef> {
        if version.as_str() == "final" {
            return Some(r.unversioned());
        }
        let unversioned = r.unversioned();
        let entry = self.final_entry(r, version)?;
        let to = entry.to.as_ref()?;
        // A paragraph mapped to a whole article says nothing of where its points went.
        let depth = |r: &ProvisionRef| {
            (
                r.paragraph().is_some(),
                r.point().is_some(),
                r.subpoint().is_some(),
            )
        };
        if entry.from == unversioned || depth(&entry.from) != depth(to) {
            return Some(to.unversioned());
        }
        let mut s = to.unversioned().to_string();
        let own = unversioned.to_string();
        let prefix = entry.from.to_string();
        s.push_str(own.strip_prefix(&prefix).unwrap_or_default());
        s.parse().ok()
    }

    /// Every concern that cites a provision of the final text (or a provision inside it, or
    /// one containing it), following concordances for analyses of drafts.
    pub fn analyses_citing(&self, r: &ProvisionRef) -> Vec<Citation<'_>> {
        let target = r.unversioned();
        let mut out = Vec::new();
        for analysis in &self.bundle.analyses {
            for concern in &analysis.concerns {
                for cited in &concern.provisions {
                    let version = cited.version().unwrap_or(&analysis.text_version);
                    let Some(in_final) = self.to_final(cited, version) else {
                        continue;
                    };
                    if target.contains(&in_final) || in_final.contains(&target) {
                        out.push(Citation {
                            analysis,
                            concern,
                            cited,
                        });
                        break;
                    }
                }
            }
        }
        out
    }

    /// The offences that provision `r` of text version `version`, or a provision inside it,
    /// establishes, in file order. An offence's provision is read in its file's text version
    /// unless it names its own.
    ///
    /// ```
    /// use treaty_model::{ProvisionRef, ids::TextVersionId};
    ///
    /// let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
    /// let article_7 = ProvisionRef::article(7);
    /// let offences = dataset.offences_in(&article_7, &TextVersionId::final_text());
    /// assert_eq!(offences[0].id.as_str(), "illegal-access");
    /// ```
    pub fn offences_in(&self, r: &ProvisionRef, version: &TextVersionId) -> Vec<&Offence> {
        self.bundle
            .offences
            .iter()
            .flat_map(|f| {
                f.offences
                    .iter()
                    .filter(|o| within(r, version, &o.provision, &f.text_version))
            })
            .collect()
    }

    /// The powers that provision `r` of text version `version`, or a provision inside it,
    /// grants, in file order, each provision read as in [`Dataset::offences_in`].
    pub fn powers_in(&self, r: &ProvisionRef, version: &TextVersionId) -> Vec<&Power> {
        self.bundle
            .powers
            .iter()
            .flat_map(|f| {
                f.powers
                    .iter()
                    .filter(|p| within(r, version, &p.provision, &f.text_version))
            })
            .collect()
    }

    /// The terms that provision `r` of text version `version`, or a provision inside it,
    /// defines, in file order, each provision read as in [`Dataset::offences_in`].
    pub fn terms_in(&self, r: &ProvisionRef, version: &TextVersionId) -> Vec<&Definition> {
        self.bundle
            .definitions
            .iter()
            .flat_map(|f| {
                f.terms
                    .iter()
                    .filter(|t| within(r, version, &t.provision, &f.text_version))
            })
            .collect()
    }

    /// Every crosswalk with the entries that match provision `r` of text version `version`,
    /// a provision inside it or the one around it (an article's match speaks for its
    /// paragraphs), in file order; a crosswalk without such an entry is left out. The
    /// crosswalk comes with them because its note (how the file matched, whether it is
    /// official) qualifies each.
    pub fn crosswalk_entries(
        &self,
        r: &ProvisionRef,
        version: &TextVersionId,
    ) -> Vec<(&Crosswalk, Vec<&CrosswalkEntry>)> {
        let target = r.unversioned();
        self.bundle
            .crosswalks
            .iter()
            .filter(|c| &c.text_version == version)
            .map(|c| {
                let entries = c
                    .entries
                    .iter()
                    .filter(|e| {
                        e.provision
                            .as_ref()
                            .is_some_and(|p| target.contains(p) || p.contains(&target))
                    })
                    .collect();
                (c, entries)
            })
            .filter(|(_, entries): &(_, Vec<_>)| !entries.is_empty())
            .collect()
    }

    /// What each state has done, from every participation file, ordered by state code.
    ///
    /// A state recorded in two files appears twice: merging their steps would hide which file
    /// says what, and the validator is the place to report such a duplicate.
    pub fn participants(&self) -> Vec<&StateParticipation> {
        let mut all: Vec<&StateParticipation> = self
            .bundle
            .participation
            .iter()
            .flat_map(|p| &p.states)
            .collect();
        all.sort_by_key(|s| s.state);
        all
    }

    /// Entry into force, computed from the deposits recorded and the instrument's rule (see
    /// [`EntryIntoForce`]). A denunciation does not change it: it ends one state's
    /// participation, not the convention's being in force.
    pub fn entry_into_force(&self) -> Option<EntryIntoForce> {
        let rule = &self.instrument()?.entry_into_force;
        // A state counts once, however many files or steps record its consent, on the day of
        // its earliest deposit: as early as the earliest of them may be (unbounded if one is
        // undated), and no later than the first one that certainly came.
        let mut by_state: BTreeMap<StateCode, Deposit> = BTreeMap::new();
        for s in self.bundle.participation.iter().flat_map(|p| &p.states) {
            for step in s.steps.iter().filter(|st| st.step.is_consent_to_be_bound()) {
                let (first, last) = (
                    step.date.map(|d| d.earliest()),
                    step.date.map(|d| d.latest()),
                );
                by_state
                    .entry(s.state)
                    .and_modify(|kept| {
                        kept.first = kept.first.zip(first).map(|(a, b)| a.min(b));
                        kept.last = match (kept.last, last) {
                            (Some(a), Some(b)) => Some(a.min(b)),
                            (a, b) => a.or(b),
                        };
                    })
                    .or_insert(Deposit {
                        first,
                        last,
                        state: s.state,
                    });
            }
        }
        let deposits: Vec<Deposit> = by_state.into_values().collect();
        let required = rule.instruments_required;
        let needed = usize::from(required);
        if needed == 0 || deposits.len() < needed {
            return Some(EntryIntoForce::Pending {
                deposits: deposits.len(),
                required,
            });
        }
        // The count is complete by the needed-th earliest first day at the soonest (an
        // undated deposit may be as early as any), and by the needed-th earliest last day at
        // the latest (an undated one may be as late as any).
        let mut by_first = deposits.clone();
        by_first.sort_by_key(|d| (d.first, d.last.is_none(), d.last, d.state));
        let mut by_last = deposits;
        by_last.sort_by_key(|d| (d.last.is_none(), d.last, d.first, d.state));
        let (soonest, latest) = (by_first[needed - 1], by_last[needed - 1]);
        let after = |d: Option<Date>| d?.add_days(u32::from(rule.days_after_deposit));
        // The same deposit is the needed-th at both bounds, and it completed the count for
        // certain only when no other deposit may have fallen on one of its possible days.
        let overlaps = |a: &Deposit, b: &Deposit| match (a.first, a.last, b.first, b.last) {
            (Some(af), Some(al), Some(bf), Some(bl)) => af <= bl && bf <= al,
            _ => true,
        };
        let decisive = soonest.state == latest.state
            && !by_first
                .iter()
                .any(|d| d.state != soonest.state && overlaps(d, &soonest));
        Some(EntryIntoForce::Reached {
            earliest: after(soonest.first),
            latest: after(latest.last),
            decisive_state: decisive.then_some(soonest.state),
            deposits: by_first.len(),
            required,
        })
    }
}

fn doc_kind(doc: &Document) -> FileKind {
    match doc {
        Document::Instrument(_) => FileKind::Instrument,
        Document::Sources(_) => FileKind::Sources,
        Document::Chapter(_) => FileKind::Chapter,
        Document::Definitions(_) => FileKind::Definitions,
        Document::DataCategories(_) => FileKind::DataCategories,
        Document::SensitivityCategories(_) => FileKind::SensitivityCategories,
        Document::Safeguards(_) => FileKind::Safeguards,
        Document::Powers(_) => FileKind::Powers,
        Document::Offences(_) => FileKind::Offences,
        Document::Analysis(_) => FileKind::Analysis,
        Document::Concordance(_) => FileKind::Concordance,
        Document::Crosswalk(_) => FileKind::Crosswalk,
        Document::Participation(_) => FileKind::Participation,
        Document::Assessment(_) => FileKind::Assessment,
    }
}

/// Whether provision `p`, written in a file on text version `file`, is `r` of `version` or
/// lies inside it: `p` is read in its file's version unless it names its own.
fn within(
    r: &ProvisionRef,
    version: &TextVersionId,
    p: &ProvisionRef,
    file: &TextVersionId,
) -> bool {
    p.version().unwrap_or(file) == version && r.contains(p)
}
