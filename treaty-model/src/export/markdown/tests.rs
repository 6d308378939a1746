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

- **Provision:** [Article 25](#provision-final-art_25) (`final`); obligation: mandatory
- **Data categories:** [Electronic data](#data-category-electronic-data) (`electronic-data`)
- **Who can be compelled:** person with data, service provider
- **Offence scope:** not recorded
- **Duration:** up to 90 days; renewable: yes; renewals limited: unknown ([Article 25(2)](#provision-final-art_25__para_2)). [eff-2024-07-electronic-data]
- **Confidentiality:** mandatory; bound: service provider; time limit: left to domestic law ([Article 25(3)](#provision-final-art_25__para_3)). [eff-2024-07-electronic-data]

| Safeguard | Status | Provision | Why | Source |
| --- | --- | --- | --- | --- |
| [Prior judicial authorisation](#safeguard-prior-judicial-authorisation) (`prior-judicial-authorisation`) | absent | — | No judge, says \"eff-2024-07-electronic-data\", before preservation | [eff-2024-07-electronic-data] |

";
    assert_eq!(section(&md, "#### <a id=\"power-", "## Analyses"), expected);
}

#[test]
fn an_article_shows_markers_modalities_and_quotes() {
    let md = markdown(&fixture::dataset()).expect("exportable");
    let expected = "\
### <a id=\"provision-final-art_25\"></a>Article 25: Expedited preservation of stored electronic data *(title unverified)*

*(shall)* Quick preservation of specified electronic data. [eff-2024-07-electronic-data]

- <a id=\"provision-final-art_25__para_2\"></a>**25(2)** *(shall)* Keep the data for up to 90 days, renewable. [eff-2024-07-electronic-data]
  > “up to a maximum of 90 days”
- <a id=\"provision-final-art_25__para_3\"></a>**25(3)** *(shall as appropriate)* Keep the order secret. Cross-references: [24](#provision-final-art_24). [eff-2024-07-electronic-data]
  - <a id=\"provision-final-art_25__para_3__point_a\"></a>**25(3)(a)** *(partly verified)* For a period set by domestic law. [eff-2024-07-electronic-data]

See also: power [Expedited preservation](#power-expedited-preservation).

";
    assert_eq!(
        section(&md, "### <a id=\"provision-final-art_25\">", "## Powers"),
        expected
    );
}

#[test]
fn contents_lists_chapters_and_sections() {
    let md = markdown(&fixture::dataset()).expect("exportable");
    let expected = "\
## Contents

- [Chapter IV: Procedural measures and law enforcement](#chapter-final-iv) (`final`, Articles 24–25)
- [Powers](#powers)
- [Analyses](#analyses)
- [Vocabulary](#vocabulary)
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

- **Provisions** (numbering of `final`): [25(2)](#provision-final-art_25__para_2)
- **Powers:** [Expedited preservation](#power-expedited-preservation) (`expedited-preservation`)
- **Missing safeguards:** [Prior judicial authorisation](#safeguard-prior-judicial-authorisation) (`prior-judicial-authorisation`)
- **Recommendations:**
  - *make mandatory:* Require prior judicial authorisation. Safeguards: [Prior judicial authorisation](#safeguard-prior-judicial-authorisation) (`prior-judicial-authorisation`). [eff-2024-07-electronic-data]

";
    assert_eq!(section(&md, "#### Concern", "## Vocabulary"), expected);
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
        md.ends_with("\n\n[eff-2024-07-electronic-data]: #source-eff-2024-07-electronic-data\n")
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
        "| [Prior \\| judicial\\_authorisation](#safeguard-prior-judicial-authorisation) \
         (`prior-judicial-authorisation`) | absent | — \
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

/// Article 2, where the fixture's terms are defined.
const CHAPTER_I: &str = r#"# yaml-language-server: $schema=../schemas/chapter.schema.json
kind: chapter
schema_version: "1.0"
text_version: final
number: I
title: General provisions
verification: verified
articles:
  - number: 2
    title: Use of terms
    verification: verified
    points:
      - letter: b
        summary: Electronic data.
        sources: [eff-2024-07-electronic-data]
      - letter: e
        summary: Service provider.
        sources: [eff-2024-07-electronic-data]
    sources: [eff-2024-07-electronic-data]
sources: [eff-2024-07-electronic-data]
"#;

/// Articles 7 and 17, which establish the fixture's offences.
const CHAPTER_II: &str = r#"# yaml-language-server: $schema=../schemas/chapter.schema.json
kind: chapter
schema_version: "1.0"
text_version: final
number: II
title: Criminalization
verification: verified
articles:
  - number: 7
    title: Illegal access
    verification: verified
    paragraphs:
      - number: 2
        summary: States may require dishonest intent.
        sources: [eff-2024-07-electronic-data]
    sources: [eff-2024-07-electronic-data]
  - number: 17
    title: Laundering of proceeds of crime
    verification: verified
    sources: [eff-2024-07-electronic-data]
sources: [eff-2024-07-electronic-data]
"#;

/// `text` without its `allow(unknown-provision)` lines, which silence nothing once the
/// chapters it cites are in.
fn known(text: &str) -> String {
    text.lines()
        .filter(|l| !l.contains("allow(unknown-provision)"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The fixture with every part the edition shows: milestones, the articles that define terms
/// and establish an offence, terms, offences, a crosswalk, safeguards of two families with
/// their standards, a data category's definition and a sensitive category, which the power
/// reaches.
fn full() -> crate::Dataset {
    let (offences, definitions) = (known(fixture::OFFENCES), known(fixture::DEFINITIONS));
    fixture::dataset_edited_with(
        &[
            (
                "instrument.yaml",
                "    summary: The text adopted by the General Assembly.\n",
                "    summary: The text adopted by the General Assembly.\n    milestones:\n      \
                 - event: adopted-by-general-assembly\n        date: \"2024-12-24\"\n        \
                 symbol: A/RES/79/243\n        verification: verified\n        \
                 sources: [eff-2024-07-electronic-data]\n      - event: opened-for-signature\n        \
                 date: \"2025-10\"\n        note: In Hanoi | Viet Nam.\n        \
                 verification: partly\n        sources: [eff-2024-07-electronic-data]\n",
            ),
            (
                "safeguards.yaml",
                "    summary: A judge authorises the measure before it is used.\n",
                "    summary: A judge authorises the measure before it is used.\n    standards:\n      \
                 - standard: necessary-and-proportionate\n        \
                 principle: Competent judicial authority\n      \
                 - standard: international-human-rights-law\n        principle: Due process\n",
            ),
            (
                "safeguards.yaml",
                "    sources: [eff-2024-07-electronic-data]\n",
                "    sources: [eff-2024-07-electronic-data]\n  - id: purpose-limitation\n    \
                 name: Purpose limitation\n    family: data-protection\n    \
                 summary: Data used only for the purpose it was obtained for.\n    \
                 sources: [eff-2024-07-electronic-data]\n  - id: user-notification\n    \
                 name: User notification\n    family: surveillance-principle\n    \
                 summary: The person is told, once it no longer harms the inquiry.\n    \
                 sources: [eff-2024-07-electronic-data]\n",
            ),
            (
                "powers.yaml",
                "    data_categories: [electronic-data]\n",
                "    data_categories: [electronic-data]\n    sensitive_data: [location]\n",
            ),
            (
                "data-categories.yaml",
                "    name: Electronic data\n",
                "    name: Electronic data\n    defined_by: 2(b)\n",
            ),
        ],
        &[
            ("chapter-01.yaml", CHAPTER_I),
            ("chapter-02.yaml", CHAPTER_II),
            ("offences.yaml", &offences),
            ("definitions.yaml", &definitions),
            ("crosswalk.yaml", fixture::CROSSWALK),
            (
                "sensitivity-categories.yaml",
                fixture::SENSITIVITY_CATEGORIES,
            ),
        ],
    )
}

#[test]
fn milestones_follow_the_table_of_text_versions() {
    let md = markdown(&full()).expect("exportable");
    let expected = "\
### Milestones

| Version | Event | Date | Symbol | Verification | Note | Sources |
| --- | --- | --- | --- | --- | --- | --- |
| `final` | Adopted by general assembly | 2024-12-24 | A/RES/79/243 | verified | — | [eff-2024-07-electronic-data] |
| `final` | Opened for signature | 2025-10 | — | partly | In Hanoi \\| Viet Nam. | [eff-2024-07-electronic-data] |

";
    assert_eq!(section(&md, "### Milestones", "## Contents"), expected);
}

#[test]
fn contents_lists_every_section_the_dataset_has_data_for() {
    let md = markdown(&full()).expect("exportable");
    let expected = "\
## Contents

- [Chapter IV: Procedural measures and law enforcement](#chapter-final-iv) (`final`, Articles 24–25)
- [Chapter I: General provisions](#chapter-final-i) (`final`, Article 2)
- [Chapter II: Criminalization](#chapter-final-ii) (`final`, Articles 7–17)
- [Defined terms](#defined-terms)
- [Offences](#offences)
- [Powers](#powers)
- [Other treaties](#other-treaties)
- [Analyses](#analyses)
- [Vocabulary](#vocabulary)
- [Sources](#sources)

";
    assert_eq!(section(&md, "## Contents", "## <a id"), expected);
    // Each entry has its section: the contents and the document are written from one list.
    for title in [
        "Defined terms",
        "Offences",
        "Powers",
        "Other treaties",
        "Analyses",
        "Vocabulary",
        "Sources",
    ] {
        assert!(
            md.contains(&format!("\n## {title}\n")),
            "no section {title}"
        );
    }
}

#[test]
fn sections_without_data_are_left_out() {
    let md = markdown(&fixture::dataset()).expect("exportable");
    for absent in [
        "### Milestones",
        "## Defined terms",
        "## Offences",
        "## Other treaties",
        "### Sensitive data categories",
        "Defined terms](",
        "Offences](",
        "Other treaties](",
    ] {
        assert!(!md.contains(absent), "{absent:?} in:\n{md}");
    }
}

#[test]
fn defined_terms_show_their_quotes_data_category_and_verification() {
    let md = markdown(&full()).expect("exportable");
    let expected = "\
## Defined terms

Text version `final` (Final text).

- <a id=\"term-electronic-data\"></a>**electronic data** ([Article 2(b)](#provision-final-art_2__point_b)): Any representation of facts that an ICT system can process. Data category: [Electronic data](#data-category-electronic-data) (`electronic-data`). [eff-2024-07-electronic-data]
  > “any representation of facts” (as EFF quotes the draft) [eff-2024-07-electronic-data]
- <a id=\"term-service-provider\"></a>**service provider** ([Article 2(e)](#provision-final-art_2__point_e)) *(unverified)*. [eff-2024-07-electronic-data]

";
    assert_eq!(section(&md, "## Defined terms", "## Offences"), expected);
}

#[test]
fn an_offence_shows_its_requirements_with_their_notes_and_sources() {
    let md = markdown(&full()).expect("exportable");
    let expected = "\
## Offences

Text version `final` (Final text).

### <a id=\"offence-illegal-access\"></a>Illegal access (`illegal-access`)

Access to an ICT system without right; security research at risk. [eff-2024-07-electronic-data]

- **Provision:** [Article 7](#provision-final-art_7); core cybercrime: yes
- **Intent requirement:** discretionary ([Article 7(2)](#provision-final-art_7__para_2)). States may add a requirement of dishonest intent. [eff-2024-07-electronic-data]
- **Public-interest exemption:** absent. No exemption for security research, says EFF. [eff-2024-07-electronic-data]

### <a id=\"offence-laundering\"></a>Laundering of proceeds of crime (`laundering`)

Sources: [eff-2024-07-electronic-data]

- **Provision:** [Article 17](#provision-final-art_17); core cybercrime: no
- **Intent requirement:** not recorded
- **Public-interest exemption:** not recorded

";
    assert_eq!(section(&md, "## Offences", "## Powers"), expected);
}

#[test]
fn other_treaties_keep_the_crosswalks_own_note() {
    let md = markdown(&full()).expect("exportable");
    let expected = "\
## Other treaties

### <a id=\"treaty-budapest-convention\"></a>Convention on Cybercrime, ETS No. 185

Text version `final` (Final text). Matched by subject; not an official concordance.

| Convention | Other treaty | Relation | Verification | Note | Sources |
| --- | --- | --- | --- | --- | --- |
| <a id=\"treaty-budapest-convention-art_25-art_16\"></a>[Article 25](#provision-final-art_25) | Article 16: Expedited preservation of stored computer data | corresponds | partly | — | [eff-2024-07-electronic-data] |
| — | Article 22: Jurisdiction | no counterpart | unverified | Fixture entry. | [eff-2024-07-electronic-data] |

";
    assert_eq!(section(&md, "## Other treaties", "## Analyses"), expected);
}

#[test]
fn the_vocabulary_groups_safeguards_by_family_with_their_standards() {
    let md = markdown(&full()).expect("exportable");
    let expected = "\
## Vocabulary

### Safeguards

#### Surveillance principle

- <a id=\"safeguard-prior-judicial-authorisation\"></a>**Prior judicial authorisation** (`prior-judicial-authorisation`): A judge authorises the measure before it is used. In the standards: Competent judicial authority (necessary and proportionate); Due process (international human rights law). [eff-2024-07-electronic-data]
- <a id=\"safeguard-user-notification\"></a>**User notification** (`user-notification`): The person is told, once it no longer harms the inquiry. [eff-2024-07-electronic-data]

#### Data protection

- <a id=\"safeguard-purpose-limitation\"></a>**Purpose limitation** (`purpose-limitation`): Data used only for the purpose it was obtained for. [eff-2024-07-electronic-data]

### Data categories

- <a id=\"data-category-electronic-data\"></a>**Electronic data** (`electronic-data`), defined in [Article 2(b)](#provision-final-art_2__point_b) (`final`): Any data an ICT system can process. [eff-2024-07-electronic-data]

### Sensitive data categories

- <a id=\"sensitive-category-location\"></a>**Location data** (`location`): Where a person is or was. [eff-2024-07-electronic-data]

";
    assert_eq!(section(&md, "## Vocabulary", "## Sources"), expected);
}

#[test]
fn a_power_links_its_data_and_safeguards_to_the_vocabulary() {
    let md = markdown(&full()).expect("exportable");
    let power = section(&md, "#### <a id=\"power-", "## Other treaties");
    let vocabulary = section(&md, "## Vocabulary", "## Sources");
    for (named, entry) in [
        (
            "\n- **Data categories:** [Electronic data](#data-category-electronic-data) \
             (`electronic-data`)\n",
            "\n- <a id=\"data-category-electronic-data\"></a>**Electronic data** \
             (`electronic-data`), defined in",
        ),
        (
            "\n| [Prior judicial authorisation](#safeguard-prior-judicial-authorisation) \
             (`prior-judicial-authorisation`) | absent |",
            "\n- <a id=\"safeguard-prior-judicial-authorisation\"></a>**Prior judicial \
             authorisation** (`prior-judicial-authorisation`): ",
        ),
        (
            "\n- **Sensitive data:** [Location data](#sensitive-category-location) (`location`)\n",
            "\n- <a id=\"sensitive-category-location\"></a>**Location data** (`location`): ",
        ),
    ] {
        assert!(power.contains(named), "no {named:?} in:\n{power}");
        assert!(vocabulary.contains(entry), "no {entry:?} in:\n{vocabulary}");
    }
}

#[test]
fn an_article_links_to_what_the_other_sections_say_of_it() {
    let md = markdown(&full()).expect("exportable");
    for (article, line) in [
        (
            "Article 2: Use of terms\n",
            "See also: terms [electronic data](#term-electronic-data), \
             [service provider](#term-service-provider).",
        ),
        (
            "Article 7: Illegal access\n",
            "See also: offence [Illegal access](#offence-illegal-access).",
        ),
        (
            "Article 17: ",
            "See also: offence [Laundering of proceeds of crime](#offence-laundering).",
        ),
        (
            "Article 25: ",
            "See also: power [Expedited preservation](#power-expedited-preservation); \
             Convention on Cybercrime [Article 16](#treaty-budapest-convention-art_25-art_16).",
        ),
    ] {
        let text = section(&md, article, "\n#");
        assert!(
            text.ends_with(&format!("\n\n{line}\n")),
            "no line {line:?} at the end of:\n{text}"
        );
    }
    // Article 24 is matched to nothing, and has no line.
    assert!(!section(&md, "Article 24: ", "\n#").contains("See also"));
}

#[test]
fn a_power_links_its_provisions_to_the_article_or_the_paragraph_listed() {
    // The chapter lists no point (b) of 25(2): the duration links to the paragraph.
    let md = markdown(&fixture::dataset_edited(&[(
        "powers.yaml",
        "      provision: 25(2)\n",
        "      # treaty: allow(undescribed-provision) the fixture lists no point (b)\n      \
         provision: 25(2)(b)\n",
    )]))
    .expect("exportable");
    let lines: Vec<&str> = md.lines().collect();
    for expected in [
        "### <a id=\"provision-final-art_25\"></a>Article 25: Expedited preservation of stored \
         electronic data *(title unverified)*",
        "- <a id=\"provision-final-art_25__para_2\"></a>**25(2)** *(shall)* Keep the data for up \
         to 90 days, renewable. [eff-2024-07-electronic-data]",
        "- **Provision:** [Article 25](#provision-final-art_25) (`final`); obligation: mandatory",
        "- **Duration:** up to 90 days; renewable: yes; renewals limited: unknown \
         ([Article 25(2)(b)](#provision-final-art_25__para_2)). [eff-2024-07-electronic-data]",
    ] {
        assert!(lines.contains(&expected), "no line {expected:?} in:\n{md}");
    }
}

#[test]
fn a_term_links_to_its_point_of_article_2() {
    let md = markdown(&full()).expect("exportable");
    let lines: Vec<&str> = md.lines().collect();
    for expected in [
        "- <a id=\"provision-final-art_2__point_b\"></a>**2(b)** Electronic data. \
         [eff-2024-07-electronic-data]",
        "- <a id=\"term-electronic-data\"></a>**electronic data** \
         ([Article 2(b)](#provision-final-art_2__point_b)): Any representation of facts that an \
         ICT system can process. Data category: [Electronic data](#data-category-electronic-data) \
         (`electronic-data`). [eff-2024-07-electronic-data]",
    ] {
        assert!(lines.contains(&expected), "no line {expected:?} in:\n{md}");
    }
}

#[test]
fn a_provision_the_document_does_not_show_stays_plain() {
    // An analysis of a draft, whose Article 25 has no chapter in the document although the
    // final text's has.
    let md = markdown(&fixture::dataset_edited(&[
        (
            "instrument.yaml",
            "text_versions:\n",
            "text_versions:\n  - id: zero-draft\n    label: Zero draft\n    stage: draft\n    \
             verification: verified\n    summary: The first draft.\n    \
             sources: [eff-2024-07-electronic-data]\n",
        ),
        (
            "analysis.yaml",
            "text_version: final",
            "text_version: zero-draft",
        ),
        (
            "analysis.yaml",
            "    provisions: [25(2)]\n",
            "    # treaty: allow(unknown-provision) the fixture has no concordance of the draft\n    \
             provisions: [25(2)]\n",
        ),
    ]))
    .expect("exportable");
    let expected = "\
#### Concern `preservation-without-judge`

Preservation needs no prior judicial authorisation. [eff-2024-07-electronic-data]

- **Provisions** (numbering of `zero-draft`): 25(2)
";
    assert_eq!(section(&md, "#### Concern", "- **Powers:**"), expected);
    // Nor an article of the final text the dataset does not describe (Chapter IX).
    assert!(
        md.contains("accession (Article 65(1)). [eff-2024-07-electronic-data]"),
        "{md}"
    );
}

/// What is wrong with the links inside `md`: a `](#x)` link or a `[id]: #x` definition with no
/// anchor `x`, and an anchor written twice. An anchor is an `id="x"` the document writes, or
/// the one GitHub makes of a heading without one (`## Defined terms` is `#defined-terms`),
/// which the contents link to; an `id` that is also such a heading's would be written twice.
fn broken_links(md: &str) -> Vec<String> {
    let ids: Vec<&str> = md
        .split("id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let headings: Vec<String> = md
        .lines()
        .filter(|l| l.starts_with('#') && !l.contains("<a id="))
        .map(|l| {
            l.trim_start_matches('#')
                .trim()
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
                .map(|c| if c == ' ' { '-' } else { c })
                .collect()
        })
        .collect();
    let mut problems = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) || headings.iter().any(|h| h == id) {
            problems.push(format!("anchor {id:?} written twice"));
        }
    }
    // Escaped text (`\](#x)`) is not a link.
    let links = md
        .match_indices("](#")
        .filter(|(i, _)| !md[..*i].ends_with('\\'))
        .filter_map(|(i, _)| md[i + 3..].split(')').next());
    let definitions = md
        .lines()
        .filter_map(|l| l.split_once("]: #").map(|(_, to)| to));
    for to in links.chain(definitions) {
        if !ids.contains(&to) && !headings.iter().any(|h| h == to) {
            problems.push(format!("link to {to:?}, which is no anchor"));
        }
    }
    problems
}

#[test]
fn every_link_inside_the_document_has_its_anchor() {
    let bundled = crate::bundled().expect("the bundled dataset is valid");
    for (name, md) in [
        ("the fixture", markdown(&full())),
        ("the bundled dataset", markdown(bundled)),
    ] {
        let md = md.expect("exportable");
        assert!(md.matches("](#").count() > 10, "{name} has few links");
        assert_eq!(broken_links(&md), Vec::<String>::new(), "in {name}");
    }
    // The walk finds what it looks for.
    assert_eq!(
        broken_links("[a](#b) [d](#z) <a id=\"c\"></a> <a id=\"c\"></a>\n## B\n\n[x]: #y\n"),
        [
            "anchor \"c\" written twice",
            "link to \"z\", which is no anchor",
            "link to \"y\", which is no anchor",
        ]
    );
}
