//! A readable Markdown document of the convention and what is said about it.

use super::{NewerSchema, Node, exportable, provisions, word};
use crate::dataset::Dataset;
use crate::ids::{SourceId, TextVersionId};
use crate::model::{
    Analysis, Article, Chapter, Concern, FileKind, Power, PowerScope, Quote, Source, Verification,
};
use crate::provision::ProvisionRef;

/// Renders the dataset as one Markdown document (CommonMark with GitHub tables).
///
/// The document has the title and text versions, a table of contents by chapter, each chapter
/// with its articles and their paragraphs and points (modality, summary, quoted words), the
/// powers (domestic, then cross-border) with their data, scope, duration, confidentiality and
/// a table of safeguard statuses, the analyses with their concerns and recommendations, and
/// the sources. Every fact is followed by the ids of its sources, such as `[eff-2024-07-electronic-data]`, which
/// link to the entry in the list of sources; the facts of a power that have no sources of their
/// own (its provision, data categories, who can be compelled) rest on the power's, cited after
/// its summary. Titles and entries not checked against a primary text are marked.
///
/// ```
/// let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
/// let md = treaty_model::export::markdown(dataset)?;
/// assert!(md.contains("## Powers"));
/// # Ok::<(), treaty_model::export::NewerSchema>(())
/// ```
///
/// # Errors
///
/// [`NewerSchema`] when a file of the dataset was written for a newer schema version.
pub fn markdown(dataset: &Dataset) -> Result<String, NewerSchema> {
    exportable(dataset)?;
    let mut d = Doc::new(dataset);
    d.title();
    d.text_versions();
    d.contents();
    for c in &dataset.bundle().chapters {
        d.chapter(c);
    }
    d.powers();
    d.analyses();
    d.sources();
    Ok(d.finish())
}

/// Whether the Markdown edition has a section for files of `kind`: the instrument, chapters,
/// powers, analyses and sources. One file of another kind (a concordance, the participation
/// file...) would come out as an empty frame, so a converter should refuse it.
///
/// ```
/// use treaty_model::{FileKind, export::markdown_has_section};
/// assert!(markdown_has_section(FileKind::Powers));
/// assert!(!markdown_has_section(FileKind::Participation));
/// ```
#[must_use]
pub fn markdown_has_section(kind: FileKind) -> bool {
    matches!(
        kind,
        FileKind::Instrument
            | FileKind::Sources
            | FileKind::Chapter
            | FileKind::Powers
            | FileKind::Analysis
    )
}

/// The document being written, with the dataset for looking up names.
struct Doc<'a> {
    dataset: &'a Dataset,
    out: String,
}

impl<'a> Doc<'a> {
    fn new(dataset: &'a Dataset) -> Self {
        Self {
            dataset,
            out: String::new(),
        }
    }

    /// Writes lines as one block, followed by the blank line that separates blocks.
    fn block<S: AsRef<str>>(&mut self, lines: impl IntoIterator<Item = S>) {
        for line in lines {
            self.out.push_str(line.as_ref());
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn finish(mut self) -> String {
        let end = self.out.trim_end().len();
        self.out.truncate(end);
        self.out.push('\n');
        self.out
    }

    fn title(&mut self) {
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
            article(&r.provision)
        );
        text.push_str(&note(r.note.as_deref()));
        text.push_str(&unverified(r.verification));
        self.block([cited(&text, &r.sources)]);
    }

    fn text_versions(&mut self) {
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
    }

    fn contents(&mut self) {
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
        let b = self.dataset.bundle();
        if !b.powers.is_empty() {
            lines.push("- [Powers](#powers)".to_owned());
        }
        if !b.analyses.is_empty() {
            lines.push("- [Analyses](#analyses)".to_owned());
        }
        lines.push("- [Sources](#sources)".to_owned());
        self.block(lines);
    }

    fn chapter(&mut self, c: &Chapter) {
        self.block([format!(
            "## <a id=\"{}\"></a>Chapter {}: {}",
            chapter_anchor(c),
            c.number,
            heading(&c.title)
        )]);
        let mut intro = format!("Text version `{}`", c.text_version);
        if let Some(v) = self.dataset.text_version(&c.text_version) {
            intro.push_str(&format!(" ({})", inline(&v.label)));
        }
        intro.push('.');
        if let Some(m) = verification_marker(c.verification) {
            intro.push_str(&format!(" Number and title {m}."));
        }
        self.block([cited(&intro, &c.sources)]);
        for a in &c.articles {
            self.article(a);
        }
    }

    fn article(&mut self, a: &Article) {
        let mut line = format!("### Article {}: {}", a.number, heading(&a.title));
        if let Some(m) = verification_marker(a.verification) {
            line.push_str(&format!(" *(title {m})*"));
        }
        self.block([line]);
        let nodes = provisions(a);
        let mut lead = Vec::new();
        if let Some(m) = a.modality {
            lead.push(format!("*({})*", label(&m)));
        }
        if let Some(s) = &a.summary {
            lead.push(if lead.is_empty() {
                opening(s)
            } else {
                inline(s)
            });
        }
        if !a.cross_references.is_empty() {
            lead.push(cross_references(&a.cross_references));
        }
        if lead.is_empty() {
            lead.push("Sources:".to_owned());
        }
        self.block([cited(&lead.join(" "), &a.sources)]);
        if !a.quotes.is_empty() {
            self.block(block_quote(&a.quotes, ""));
        }
        let items: Vec<String> = nodes
            .iter()
            .filter(|n| n.depth > 0)
            .flat_map(item)
            .collect();
        if !items.is_empty() {
            self.block(items);
        }
    }

    /// Nothing when the dataset has no powers file: a document converted from one chapter
    /// would otherwise say of the powers "None recorded", which the dataset does not say.
    fn powers(&mut self) {
        if self.dataset.bundle().powers.is_empty() {
            return;
        }
        self.block(["## Powers"]);
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
            "#### <a id=\"power-{}\"></a>{} (`{}`)",
            p.id,
            inline(&p.name),
            p.id
        )]);
        // The facts listed without sources of their own rest on these.
        self.block([cited(&opening(&p.summary), &p.sources)]);
        self.block(self.power_facts(version, p));
        self.power_safeguards(p);
    }

    fn power_facts(&self, version: &TextVersionId, p: &Power) -> Vec<String> {
        let mut provision = article(&p.provision);
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
        lines.push(format!("- **Offence scope:** {}", offence_scope(p)));
        lines.push(format!("- **Duration:** {}", duration(p)));
        lines.push(format!("- **Confidentiality:** {}", confidentiality(p)));
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
                text.push_str(&format!(" ({})", article(r)));
            }
            text.push('.');
            text.push_str(&note(a.note.as_deref()));
            lines.push(cited(&format!("- **Article 24:** {text}"), &a.sources));
        }
        lines
    }

    fn power_safeguards(&mut self, p: &Power) {
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
                s.provision.as_ref().map_or_else(|| "—".to_owned(), article),
                s.note.as_deref().map_or_else(|| "—".to_owned(), inline),
                cite(&s.sources),
            ]));
        }
        self.block(lines);
    }

    fn analyses(&mut self) {
        let analyses = &self.dataset.bundle().analyses;
        if analyses.is_empty() {
            return;
        }
        self.block(["## Analyses"]);
        for a in analyses {
            self.analysis(a);
        }
    }

    fn analysis(&mut self, a: &Analysis) {
        self.block([format!(
            "### <a id=\"analysis-{}\"></a>{}",
            a.id,
            heading(&a.title)
        )]);
        let version = match self.dataset.text_version(&a.text_version) {
            Some(v) => format!("`{}` ({})", a.text_version, inline(&v.label)),
            None => format!("`{}`", a.text_version),
        };
        let source = std::slice::from_ref(&a.source);
        self.block([
            format!("- **Id:** `{}`", a.id),
            format!("- **Publisher:** {}", inline(&a.publisher)),
            format!("- **Published:** {}", a.published),
            format!("- **Genre:** {}", label(&a.genre)),
            format!("- **Text version:** {version}"),
            format!("- **Source:** {}", cite(source)),
        ]);
        self.block([cited(&opening(&a.summary), source)]);
        for c in &a.concerns {
            self.concern(&a.text_version, c);
        }
    }

    fn concern(&mut self, version: &TextVersionId, c: &Concern) {
        self.block([format!("#### Concern `{}`", c.id)]);
        self.block([cited(&opening(&c.summary), &c.sources)]);
        let mut lines = Vec::new();
        if !c.provisions.is_empty() {
            lines.push(format!(
                "- **Provisions** (numbering of `{version}`): {}",
                super::join(&c.provisions, ", ")
            ));
        }
        let powers: Vec<String> = c
            .powers
            .iter()
            .map(|p| self.power_name(p.as_str()))
            .collect();
        push_list(&mut lines, "Powers", powers);
        let missing = c
            .missing_safeguards
            .iter()
            .map(|s| self.safeguard_name(s.as_str()));
        push_list(&mut lines, "Missing safeguards", missing.collect());
        let categories = c
            .data_categories
            .iter()
            .map(|d| self.data_category_name(d.as_str()));
        push_list(&mut lines, "Data categories", categories.collect());
        let sensitive = c
            .sensitive_data
            .iter()
            .map(|s| self.sensitivity_name(s.as_str()));
        push_list(&mut lines, "Sensitive data", sensitive.collect());
        let quotes: Vec<String> = c.quotes.iter().map(quote).collect();
        push_list(&mut lines, "Quoted", quotes);
        if !c.recommendations.is_empty() {
            lines.push("- **Recommendations:**".to_owned());
        }
        for r in &c.recommendations {
            let mut text = format!("  - *{}:* {}", label(&r.action), inline(&r.summary));
            if !r.provisions.is_empty() {
                text.push_str(&format!(
                    " Provisions: {}.",
                    super::join(&r.provisions, ", ")
                ));
            }
            if !r.safeguards.is_empty() {
                let names: Vec<String> = r
                    .safeguards
                    .iter()
                    .map(|s| self.safeguard_name(s.as_str()))
                    .collect();
                text.push_str(&format!(" Safeguards: {}.", names.join(", ")));
            }
            // Recommendations have no sources of their own: they are the concern's.
            lines.push(cited(&text, &c.sources));
        }
        if !lines.is_empty() {
            self.block(lines);
        }
    }

    fn sources(&mut self) {
        self.block(["## Sources"]);
        let all: Vec<&Source> = self
            .dataset
            .bundle()
            .sources
            .iter()
            .flat_map(|f| &f.sources)
            .collect();
        if all.is_empty() {
            // A dataset cites no source it does not define, so this is a part of one.
            self.block([
                "This document was converted from part of a dataset without its sources file: \
                 the sources are cited by their ids in brackets, and the dataset's sources \
                 file gives their titles and addresses.",
            ]);
            return;
        }
        self.block(all.iter().map(|s| source_item(s)));
        // Link reference definitions make every `[eff-2024-07-electronic-data]` above a link to its entry.
        self.block(
            all.iter()
                .map(|s| format!("[{}]: #{}", s.id, source_anchor(&s.id))),
        );
    }

    fn power_name(&self, id: &str) -> String {
        match self.dataset.power(id) {
            Some(p) => format!("[{}](#power-{id}) (`{id}`)", inline(&p.name)),
            None => format!("`{id}`"),
        }
    }

    fn safeguard_name(&self, id: &str) -> String {
        named(self.dataset.safeguard(id).map(|s| s.name.as_str()), id)
    }

    fn data_category_name(&self, id: &str) -> String {
        let found = self
            .dataset
            .bundle()
            .data_categories
            .iter()
            .flat_map(|f| &f.categories)
            .find(|c| c.id.as_str() == id);
        named(found.map(|c| c.name.as_str()), id)
    }

    fn sensitivity_name(&self, id: &str) -> String {
        let found = self
            .dataset
            .bundle()
            .sensitivity_categories
            .iter()
            .flat_map(|f| &f.categories)
            .find(|c| c.id.as_str() == id);
        named(found.map(|c| c.name.as_str()), id)
    }
}

/// `Name (`id`)`, or the id alone when the name is not in the dataset.
fn named(name: Option<&str>, id: &str) -> String {
    match name {
        Some(n) => format!("{} (`{id}`)", inline(n)),
        None => format!("`{id}`"),
    }
}

/// One paragraph, point or subpoint as a list item nested by its depth, its quoted words in a
/// block quote inside the item.
fn item(n: &Node<'_>) -> Vec<String> {
    let indent = "  ".repeat(n.depth.saturating_sub(1));
    let mut parts = vec![format!("{indent}- **{}**", n.reference)];
    // An entry with its own verification differs from its article's; say so when unchecked.
    if let Some(m) = n.verification().and_then(|v| verification_marker(*v)) {
        parts.push(format!("*({m})*"));
    }
    if let Some(m) = n.modality() {
        parts.push(format!("*({})*", label(m)));
    }
    if let Some(s) = n.summary() {
        parts.push(inline(s));
    }
    if !n.cross_references().is_empty() {
        parts.push(cross_references(n.cross_references()));
    }
    if let Some(s) = n.note() {
        parts.push(format!("Note: {}", inline(s)));
    }
    parts.push(cite(n.sources()));
    parts.retain(|p| !p.is_empty());
    let mut lines = vec![parts.join(" ")];
    lines.extend(block_quote(n.quotes(), &format!("{indent}  ")));
    lines
}

/// Quoted words as a block quote, one paragraph per quote, indented into a list item if needed.
fn block_quote(quotes: &[Quote], indent: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        if i > 0 {
            lines.push(format!("{indent}>"));
        }
        lines.push(format!("{indent}> {}", quote(q)));
    }
    lines
}

fn source_item(s: &Source) -> String {
    let mut text = format!(
        "- <a id=\"{}\"></a>**{}**: {}",
        source_anchor(&s.id),
        s.id,
        sentence(&inline(&s.title))
    );
    if !s.authors.is_empty() {
        let authors: Vec<String> = s.authors.iter().map(|a| inline(a)).collect();
        text.push_str(&format!(" By {}", sentence(&authors.join(", "))));
    }
    let by: Vec<String> = [
        s.publisher.as_deref().map(inline),
        s.published.map(|d| d.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !by.is_empty() {
        text.push_str(&format!(" {}.", by.join(", ")));
    }
    if let Some(symbol) = &s.symbol {
        text.push_str(&format!(" Symbol: {}", sentence(&inline(symbol))));
    }
    text.push_str(&format!(
        " Kind: {}; verification: {}.",
        label(&s.kind),
        label(&s.verification)
    ));
    if let Some(u) = &s.url {
        // An autolink ends at `>` and cannot hold `<`; encoded, they name the same address.
        let u = u.as_str().replace('<', "%3C").replace('>', "%3E");
        text.push_str(&format!(" <{u}>"));
        if let Some(d) = s.accessed {
            text.push_str(&format!(" (accessed {d})."));
        }
    }
    if let Some(l) = &s.locator {
        // Words, not code: a code span would show the escapes and end at a backtick.
        text.push_str(&format!(" Locator: {}", sentence(&inline(l))));
    }
    if let Some(c) = &s.cite_as {
        text.push_str(&format!(" Cite as: {}", sentence(&inline(c))));
    }
    text.push_str(&note(s.note.as_deref()));
    text
}

fn offence_scope(p: &Power) -> String {
    let Some(s) = &p.offence_scope else {
        return "not recorded".to_owned();
    };
    let covers: Vec<String> = s.covers.iter().map(label).collect();
    let text = format!(
        "{} ({}).{}",
        covers.join(", "),
        article(&s.provision),
        note(s.note.as_deref())
    );
    cited(&text, &s.sources)
}

fn duration(p: &Power) -> String {
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
        article(&d.provision),
        note(d.note.as_deref())
    );
    cited(&text, &d.sources)
}

fn confidentiality(p: &Power) -> String {
    let Some(c) = &p.confidentiality else {
        return "not recorded".to_owned();
    };
    let bound: Vec<String> = c.bound.iter().map(label).collect();
    let text = format!(
        "{}; bound: {}; time limit: {} ({}).{}",
        label(&c.status),
        or_none(bound),
        label(&c.time_limit),
        article(&c.provision),
        note(c.note.as_deref())
    );
    cited(&text, &c.sources)
}

fn push_list(lines: &mut Vec<String>, name: &str, items: Vec<String>) {
    if !items.is_empty() {
        lines.push(format!("- **{name}:** {}", items.join(", ")));
    }
}

/// A vocabulary value for reading: the YAML value with spaces (`left to domestic law`).
fn label<T: Copy + Into<&'static str>>(value: &T) -> String {
    word(value).replace('-', " ")
}

/// The marker for a fact not fully checked; `None` when verified.
fn verification_marker(v: Verification) -> Option<String> {
    match v {
        Verification::Verified => None,
        Verification::Partly => Some("partly verified".to_owned()),
        other => Some(word(&other)),
    }
}

fn unverified(v: Verification) -> String {
    verification_marker(v).map_or_else(String::new, |m| format!(" *({m})*"))
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

/// `s` ended by a full stop, unless it already ends a sentence (a title ending in `?`).
fn sentence(s: &str) -> String {
    if s.ends_with(['.', '?', '!']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

fn note(n: Option<&str>) -> String {
    n.map_or_else(String::new, |n| format!(" {}", inline(n)))
}

/// `Article 28(4)`, with the text version when the reference names one.
fn article(r: &ProvisionRef) -> String {
    match r.version() {
        Some(v) => format!("Article {} (`{v}`)", r.unversioned()),
        None => format!("Article {r}"),
    }
}

fn cross_references(refs: &[ProvisionRef]) -> String {
    format!("Cross-references: {}.", super::join(refs, ", "))
}

fn quote(q: &Quote) -> String {
    let mut s = format!("“{}”", inline(&q.text));
    if let Some(n) = &q.note {
        s.push_str(&format!(" ({})", inline(n)));
    }
    cited(&s, &q.sources)
}

/// `[eff-2024-07-electronic-data], [eff-2024-07-key-concerns]`: shortcut reference links to the list of sources. The comma keeps
/// two ids from reading as one full reference link in older parsers.
fn cite(ids: &[SourceId]) -> String {
    ids.iter()
        .map(|i| format!("[{i}]"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn cited(text: &str, ids: &[SourceId]) -> String {
    if ids.is_empty() {
        text.to_owned()
    } else {
        format!("{text} {}", cite(ids))
    }
}

/// Dataset text as Markdown text on one line: a line break inside a list item or table row
/// would end it, and the text is [`inert`]. Spaces at the ends go: a leading one would end
/// the emphasis the text is written in (`*title*`).
fn inline(s: &str) -> String {
    let line = s
        .split(['\r', '\n'])
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    inert(line.trim())
}

/// Text escaped so that it reads as written: `<script>` or `<!--` would be raw HTML (the
/// comment hiding the rest of the document), `*`, `_`, `~` or a backtick would format,
/// `[l](url)` would nest a link in the exporter's own and break it, `|` would end a table
/// cell. CommonMark lets a backslash escape any ASCII punctuation; only the characters that
/// can start markup inside a line are escaped, so that `28(4)` or `as-appropriate` read as
/// they are. No crate escapes Markdown text (pulldown-cmark's escapers are for HTML), and the
/// CLI's diff renderer has its own copy for its output: a private helper cannot be shared
/// across the crates without making it public API.
fn inert(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// [`inline`] text that starts a paragraph, where a leading `#`, `-`, `+` or `1.` would make
/// a heading or a list of it (further on in a line, they are text).
fn opening(s: &str) -> String {
    let text = inline(s);
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, rest) = text.split_at(digits);
    match rest.chars().next() {
        Some('#' | '-' | '+') if number.is_empty() => format!("\\{text}"),
        Some('.' | ')') if !number.is_empty() => format!("{number}\\{rest}"),
        _ => text,
    }
}

/// [`inline`] text that may end a heading, where a final run of `#` would be taken for the
/// heading's optional closing sequence and dropped.
fn heading(s: &str) -> String {
    let text = inline(s);
    let title = text.trim_end_matches('#');
    if title.len() == text.len() {
        return text;
    }
    format!("{title}\\{}", &text[title.len()..])
}

fn row(cells: &[String]) -> String {
    format!("| {} |", cells.join(" | "))
}

fn chapter_anchor(c: &Chapter) -> String {
    format!("chapter-{}-{}", c.text_version, c.number.to_lowercase())
}

fn source_anchor(id: &SourceId) -> String {
    format!("source-{id}")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    /// The part of `text` from `start` up to (not including) `end`.
    fn section<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
        let from = text.find(start).unwrap_or_else(|| panic!("no {start:?}"));
        let len = text[from..]
            .find(end)
            .unwrap_or_else(|| panic!("no {end:?}"));
        &text[from..from + len]
    }

    #[test]
    fn a_power_shows_its_facts_and_safeguard_table_with_sources() {
        let md = markdown(&fixture::dataset()).expect("exportable");
        let expected = "\
#### <a id=\"power-expedited-preservation\"></a>Expedited preservation (`expedited-preservation`)

Orders a holder to keep data \"quickly\", for up to 90 days [eff-2024-07-electronic-data]

- **Provision:** Article 25 (`final`); obligation: mandatory
- **Data categories:** Electronic data (`electronic-data`)
- **Who can be compelled:** person with data, service provider
- **Offence scope:** not recorded
- **Duration:** up to 90 days; renewable: yes; renewals limited: unknown (Article 25(2)). [eff-2024-07-electronic-data]
- **Confidentiality:** mandatory; bound: service provider; time limit: left to domestic law (Article 25(3)). [eff-2024-07-electronic-data]

| Safeguard | Status | Provision | Why | Source |
| --- | --- | --- | --- | --- |
| Prior judicial authorisation (`prior-judicial-authorisation`) | absent | — | No judge, says \"eff-2024-07-electronic-data\", before preservation | [eff-2024-07-electronic-data] |

";
        assert_eq!(section(&md, "#### <a id=\"power-", "## Analyses"), expected);
    }

    #[test]
    fn an_article_shows_markers_modalities_and_quotes() {
        let md = markdown(&fixture::dataset()).expect("exportable");
        let expected = "\
### Article 25: Expedited preservation of stored electronic data *(title unverified)*

*(shall)* Quick preservation of specified electronic data. [eff-2024-07-electronic-data]

- **25(2)** *(shall)* Keep the data for up to 90 days, renewable. [eff-2024-07-electronic-data]
  > “up to a maximum of 90 days”
- **25(3)** *(shall as appropriate)* Keep the order secret. Cross-references: 24. [eff-2024-07-electronic-data]
  - **25(3)(a)** *(partly verified)* For a period set by domestic law. [eff-2024-07-electronic-data]

";
        assert_eq!(section(&md, "### Article 25", "## Powers"), expected);
    }

    #[test]
    fn contents_lists_chapters_and_sections() {
        let md = markdown(&fixture::dataset()).expect("exportable");
        let expected = "\
## Contents

- [Chapter IV: Procedural measures and law enforcement](#chapter-final-iv) (`final`, Articles 24–25)
- [Powers](#powers)
- [Analyses](#analyses)
- [Sources](#sources)

";
        assert_eq!(section(&md, "## Contents", "## <a id"), expected);
    }

    #[test]
    fn a_concern_shows_its_recommendations_with_sources() {
        let md = markdown(&fixture::dataset()).expect("exportable");
        let expected = "\
#### Concern `preservation-without-judge`

Preservation needs no prior judicial authorisation. [eff-2024-07-electronic-data]

- **Provisions** (numbering of `final`): 25(2)
- **Powers:** [Expedited preservation](#power-expedited-preservation) (`expedited-preservation`)
- **Missing safeguards:** Prior judicial authorisation (`prior-judicial-authorisation`)
- **Recommendations:**
  - *make mandatory:* Require prior judicial authorisation. Safeguards: Prior judicial authorisation (`prior-judicial-authorisation`). [eff-2024-07-electronic-data]

";
        assert_eq!(section(&md, "#### Concern", "## Sources"), expected);
    }

    #[test]
    fn source_ids_link_to_the_list_of_sources() {
        let md = markdown(&fixture::dataset()).expect("exportable");
        assert!(md.starts_with("# UN Convention against Cybercrime\n\n"));
        assert!(md.contains(
            "- <a id=\"source-eff-2024-07-electronic-data\"></a>**eff-2024-07-electronic-data**: UN Cybercrime Draft Convention \
             Dangerously Expands State Surveillance Powers. Electronic Frontier Foundation, \
             2024-07. Kind: analysis; verification: verified. <https://www.eff.org/deeplinks/2024/07/un-cybercrime-draft-convention-dangerously-expands-state-surveillance-powers>\n"
        ));
        assert!(
            md.ends_with(
                "\n\n[eff-2024-07-electronic-data]: #source-eff-2024-07-electronic-data\n"
            )
        );
    }

    #[test]
    fn a_source_shows_what_a_citation_needs() {
        let md = markdown(&fixture::dataset_edited(&[
            (
                "sources.yaml",
                "    publisher:",
                "    authors: [Katitza Rodriguez, A. N. Other]\n    cite_as: EFF, July 2024\n    \
                 symbol: EFF/2024/7\n    publisher:",
            ),
            (
                "sources.yaml",
                "    verification: verified",
                "    accessed: \"2025-02-01\"\n    verification: verified",
            ),
        ]))
        .expect("exportable");
        let expected = "- <a id=\"source-eff-2024-07-electronic-data\"></a>\
            **eff-2024-07-electronic-data**: UN Cybercrime Draft Convention Dangerously Expands \
            State Surveillance Powers. By Katitza Rodriguez, A. N. Other. Electronic Frontier \
            Foundation, 2024-07. Symbol: EFF/2024/7. Kind: analysis; verification: verified. \
            <https://www.eff.org/deeplinks/2024/07/un-cybercrime-draft-convention-dangerously-\
            expands-state-surveillance-powers> (accessed 2025-02-01). Cite as: EFF, July 2024.";
        assert!(
            md.lines().any(|l| l == expected),
            "no line {expected:?} in:\n{md}"
        );
    }

    #[test]
    fn text_versions_keep_their_summaries() {
        // A summary says, for example, that a symbol was inferred rather than read.
        let dataset = crate::bundled().expect("the bundled dataset is valid");
        let md = markdown(dataset).expect("exportable");
        let row = md
            .lines()
            .find(|l| l.starts_with("| `zero-draft` |"))
            .expect("a row for the zero draft");
        let summary = &dataset.instrument().expect("instrument").text_versions[..]
            .iter()
            .find(|v| v.id.as_str() == "zero-draft")
            .expect("zero draft")
            .summary;
        assert!(row.contains(&inline(summary)), "{row}");
    }

    #[test]
    fn table_cells_and_list_items_stay_on_one_line() {
        assert_eq!(inline("a | b\nc\r\nd"), "a \\| b c d");
        assert_eq!(inline("one\ntwo"), "one two");
    }

    #[test]
    fn dataset_text_is_shown_as_written_not_as_markup() {
        let name =
            r"P1 <script>alert(1)</script> *star* [l](http://e) a|b \| <!-- 28(4) as-appropriate";
        let shown = r"P1 \<script\>alert(1)\</script\> \*star\* \[l\](http://e) a\|b \\\| \<!-- 28(4) as-appropriate";
        let md = markdown(&fixture::dataset_edited(&[
            (
                "powers.yaml",
                "name: Expedited preservation",
                &format!("name: '{name}'"),
            ),
            ("powers.yaml", "summary: 'Orders", "summary: '1. Orders"),
            (
                "safeguards.yaml",
                "name: Prior judicial authorisation",
                "name: Prior | judicial_authorisation",
            ),
            (
                "analysis.yaml",
                "title: Dangerously expands state surveillance powers",
                "title: 'Expands powers ##'",
            ),
        ]))
        .expect("exportable");
        let lines: Vec<&str> = md.lines().collect();
        for expected in [
            format!(
                "#### <a id=\"power-expedited-preservation\"></a>{shown} (`expedited-preservation`)"
            ),
            "1\\. Orders a holder to keep data \"quickly\", for up to 90 days \
             [eff-2024-07-electronic-data]"
                .to_owned(),
            "| Prior \\| judicial\\_authorisation (`prior-judicial-authorisation`) | absent | — \
             | No judge, says \"eff-2024-07-electronic-data\", before preservation \
             | [eff-2024-07-electronic-data] |"
                .to_owned(),
            format!(
                "- **Powers:** [{shown}](#power-expedited-preservation) (`expedited-preservation`)"
            ),
            "### <a id=\"analysis-eff-2024-07\"></a>Expands powers \\##".to_owned(),
        ] {
            assert!(
                lines.contains(&expected.as_str()),
                "no line {expected:?} in:\n{md}"
            );
        }
    }
}
