//! Everything the five analyses say is carried in the bundled dataset.
//!
//! Each row names a statement of one analysis, found by reading it paragraph by paragraph: the
//! concern that carries it, words its summary or recommendations must contain, and the provisions
//! (in the analysis's own numbering) it or its recommendations must cite. Deleting or gutting any one of these entries
//! makes this test fail, so a gap cannot reopen unnoticed.

use treaty_model::bundled;
use treaty_model::model::Analysis;

/// (analysis, paragraph or heading of the analysis, concern, words, provisions)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const EFF_2024_07: &str = "eff-2024-07-electronic-data";
const KEY_CONCERNS: &str = "eff-2024-key-concerns";
const ADOPTED: &str = "eff-2024-08-human-rights-risks";
const EFF_2023_08: &str = "eff-2023-08-international-cooperation";
const CTECH: &str = "ctech-2024-08-privacy-concerns";

const STATEMENTS: &[Row] = &[
    // EFF, July 2024 (electronic data), on the May 2024 draft.
    (
        EFF_2024_07,
        "introduction: any serious crime",
        "serious-crime-scope",
        &["any serious crime", "29 July"],
        &[],
    ),
    (
        EFF_2024_07,
        "joint letter of civil society and industry",
        "civil-society-and-industry-letter",
        &["joint letter", "100 NGOs"],
        &[],
    ),
    (
        EFF_2024_07,
        "background: nothing is agreed until everything is agreed",
        "negotiation-status",
        &[
            "nothing is agreed until everything is agreed",
            "ad referendum",
        ],
        &[],
    ),
    (
        EFF_2024_07,
        "background: two more sessions for more crimes",
        "supplementary-protocol",
        &["two additional sessions", "additional criminal offenses"],
        &[],
    ),
    (
        EFF_2024_07,
        "definition of electronic data",
        "electronic-data-definition",
        &["ever communicated"],
        &["2(b)", "25", "27", "28"],
    ),
    (
        EFF_2024_07,
        "emerging technologies and sensors",
        "sensitive-device-data",
        &["eye movements", "heart rate"],
        &["2(b)"],
    ),
    (
        EFF_2024_07,
        "missing safeguards: privilege",
        "privilege",
        &["priest", "trade secrets", "journalists"],
        &[],
    ),
    (
        EFF_2024_07,
        "self-incrimination",
        "self-incrimination",
        &["against themselves"],
        &[],
    ),
    (
        EFF_2024_07,
        "criminal defence",
        "defence-rights",
        &["exculpatory evidence"],
        &[],
    ),
    (
        EFF_2024_07,
        "Article 24(2) as appropriate",
        "article-24-discretionary",
        &["as appropriate"],
        &["24(2)"],
    ),
    (
        EFF_2024_07,
        "Article 23(4) and Chapter V",
        "article-24-chapter-v-coverage",
        &["24/7 network"],
        &["23(4)", "41", "47"],
    ),
    (
        EFF_2024_07,
        "Article 28(1)",
        "search-without-limits",
        &["cloud account"],
        &["28(1)"],
    ),
    (
        EFF_2024_07,
        "Article 28(2) and the Fourth Amendment",
        "extended-search-no-judicial-authorisation",
        &["Fourth Amendment", "place to be searched"],
        &["28(2)"],
    ),
    (
        EFF_2024_07,
        "Article 28(3) takedown",
        "seizure-takedown",
        &["freedom of expression"],
        &["28(3)"],
    ),
    (
        EFF_2024_07,
        "Article 28(4)",
        "compelled-technical-assistance",
        &["signing keys", "Privacy International"],
        &["28(4)"],
    ),
    (
        EFF_2024_07,
        "tech companies' secrets",
        "tech-company-secrets",
        &["uncompensated"],
        &[],
    ),
    (
        EFF_2024_07,
        "Article 25 without grounds",
        "preservation-without-grounds",
        &["factual justification"],
        &["25"],
    ),
    (
        EFF_2024_07,
        "Article 25(2) renewals",
        "preservation-renewals",
        &["90 days", "indefinitely"],
        &["25(2)"],
    ),
    (
        EFF_2024_07,
        "Article 25(3) gag orders",
        "preservation-gag-orders",
        &["domestic law", "independent oversight"],
        &["25(3)"],
    ),
    (
        EFF_2024_07,
        "Orin Kerr on 18 U.S.C. 2703(f)",
        "kerr-preservation-critique",
        &[
            "Orin S. Kerr",
            "18 U.S.C. § 2703(f)",
            "reasonable suspicion",
        ],
        &["25"],
    ),
    (
        EFF_2024_07,
        "Article 27(a)",
        "production-order-judicial-authorisation",
        &["prior judicial authorisation"],
        &["27(a)"],
    ),
    (
        EFF_2024_07,
        "data protection principles",
        "production-order-data-protection",
        &["purpose limitation", "storage limitation"],
        &["27(a)"],
    ),
    (
        EFF_2024_07,
        "Articles 42(1) and 44(1)",
        "cross-border-electronic-data",
        &["not yet agreed ad referendum"],
        &["42(1)", "44(1)"],
    ),
    (
        EFF_2024_07,
        "conclusion",
        "race-to-the-bottom",
        &["refugees", "Reject"],
        &[],
    ),
    // EFF's key concerns, final numbering.
    (
        KEY_CONCERNS,
        "origins: a Russian proposal",
        "origins-russian-proposal",
        &["2022", "Russian Federation"],
        &[],
    ),
    (
        KEY_CONCERNS,
        "the appeal to EU delegates",
        "appeal-to-eu-delegates",
        &["European Union"],
        &[],
    ),
    (
        KEY_CONCERNS,
        "misleading title",
        "misleading-title",
        &["core cybercrimes"],
        &[],
    ),
    (
        KEY_CONCERNS,
        "over-criminalisation and Article 4",
        "over-criminalisation",
        &["Article 102 of the UN Charter", "two more"],
        &["4"],
    ),
    (
        KEY_CONCERNS,
        "evidence gathering beyond cybercrime",
        "evidence-gathering-scope",
        &["OHCHR", "reasonable suspicion"],
        &["23(2)(c)", "23(2)(b)", "35(1)(c)"],
    ),
    (
        KEY_CONCERNS,
        "Interpol red notices",
        "interpol-red-notice-abuse",
        &["Interpol red notices", "transnational repression"],
        &["23(2)(c)"],
    ),
    (
        KEY_CONCERNS,
        "Article 24(1) principles",
        "article-24-1-principles",
        &["non-discrimination"],
        &["24(1)"],
    ),
    (
        KEY_CONCERNS,
        "Article 24(2) discretionary",
        "article-24-2-discretionary",
        &["independent oversight"],
        &["24(2)"],
    ),
    (
        KEY_CONCERNS,
        "direct police cooperation",
        "direct-police-cooperation",
        &["without a mutual legal assistance request"],
        &["47(2)", "40(21)", "40(22)"],
    ),
    (
        KEY_CONCERNS,
        "24/7 network",
        "24-7-network",
        &["locate a suspect"],
        &["41"],
    ),
    (
        KEY_CONCERNS,
        "delete Article 28(4)",
        "compelled-technical-assistance",
        &["Delete Article 28(4)"],
        &["28(4)"],
    ),
    (
        KEY_CONCERNS,
        "Article 47 and deletion of 47(1)(b), (c), (f)",
        "law-enforcement-cooperation",
        &[
            "Delete Articles 47(1)(b), (c) and (f)",
            "Articles 24 and 36",
        ],
        &["47(1)(c)"],
    ),
    (
        KEY_CONCERNS,
        "security research",
        "security-research",
        &["authorised testing"],
        &[],
    ),
    (
        KEY_CONCERNS,
        "LGBTQ and gender rights",
        "lgbtq-and-gender-rights",
        &["sexual orientation"],
        &[],
    ),
    // EFF on the text adopted in August 2024, final numbering.
    (
        ADOPTED,
        "adoption on 8 August",
        "adoption-by-committee",
        &["8 August 2024", "unanimously"],
        &[],
    ),
    (
        ADOPTED,
        "what the convention defines",
        "scope-of-offences-and-cooperation",
        &["four years", "no link to cybercrime"],
        &["2(h)"],
    ),
    (
        ADOPTED,
        "a landmark step, and who objected",
        "broad-opposition",
        &[
            "landmark step",
            "special rapporteur",
            "security researchers",
        ],
        &[],
    ),
    (
        ADOPTED,
        "next steps and entry into force",
        "next-steps",
        &["90 days", "fortieth", "parliamentary approval"],
        &[],
    ),
    (
        ADOPTED,
        "Article 6(2)",
        "general-human-rights-clause",
        &["sovereignty"],
        &["6(2)"],
    ),
    (
        ADOPTED,
        "culture of secrecy",
        "culture-of-secrecy",
        &["exculpatory"],
        &["29(3)", "40(20)", "42(3)(g)", "25(4)", "40(5)"],
    ),
    (
        ADOPTED,
        "blanket data retention and encryption",
        "article-24-limited-reach",
        &["blanket data-retention", "encryption-breaking"],
        &["24"],
    ),
    (
        ADOPTED,
        "predictive policing",
        "predictive-policing",
        &["predictive policing"],
        &["47(1)(c)"],
    ),
    (
        ADOPTED,
        "biometric databases",
        "biometric-databases",
        &["facial-recognition"],
        &["47(1)(c)", "36"],
    ),
    (
        ADOPTED,
        "refusal grounds",
        "optional-refusal-grounds",
        &["sovereignty"],
        &["40(22)", "37(15)", "40(21)"],
    ),
    (
        ADOPTED,
        "optional dual criminality",
        "optional-dual-criminality",
        &["content offences"],
        &["40(8)"],
    ),
    (
        ADOPTED,
        "political offences",
        "political-offences",
        &["rejected"],
        &[],
    ),
    (
        ADOPTED,
        "substantial grounds",
        "substantial-grounds",
        &["substantial grounds", "LGBTQ+"],
        &["40(22)"],
    ),
    (
        ADOPTED,
        "the protocol's offences",
        "supplementary-protocol",
        &["paragraph 5", "blasphemy", "drug and terrorism"],
        &[],
    ),
    (
        ADOPTED,
        "the protocol's timeline",
        "protocol-timeline",
        &["60 states", "193", "no later than two years"],
        &[],
    ),
    // EFF, August 2023, zero-draft numbering.
    (
        EFF_2023_08,
        "the sixth session",
        "sixth-session",
        &["145", "60 hours", "June"],
        &[],
    ),
    (
        EFF_2023_08,
        "informals",
        "closed-informals",
        &["informals", "observers"],
        &[],
    ),
    (
        EFF_2023_08,
        "Articles 24 and 17",
        "articles-24-and-17-in-scope",
        &["infamous"],
        &["24", "17"],
    ),
    (
        EFF_2023_08,
        "Article 24 not reaching Chapter V",
        "article-24-scope",
        &["earlier draft"],
        &["24"],
    ),
    (
        EFF_2023_08,
        "Article 2 and ARTICLE 19's analysis",
        "undefined-data-and-information",
        &["ARTICLE 19", "plenary"],
        &["2"],
    ),
    (
        EFF_2023_08,
        "footnote 1: undefined terms",
        "undefined-terms-in-cooperation",
        &["expert evaluations", "government records"],
        &["40(3)(d)", "40(3)(h)", "40(4)", "40(30)(b)"],
    ),
    (
        EFF_2023_08,
        "Article 35 scope",
        "article-35-scope",
        &["Articles 6-16"],
        &["35"],
    ),
    (
        EFF_2023_08,
        "Article 35 dual criminality",
        "article-35-dual-criminality",
        &["mandatory"],
        &["35"],
    ),
    (
        EFF_2023_08,
        "Article 35 bulk sharing and the Budapest report",
        "article-35-bulk-sharing",
        &["paragraph 182", "explanatory report", "data mining"],
        &["35"],
    ),
    (
        EFF_2023_08,
        "Article 36(1)",
        "article-36-data-protection",
        &["international human rights law", "trade law"],
        &["36(1)"],
    ),
    (
        EFF_2023_08,
        "Article 40(1) and serious crime",
        "article-40-1-scope",
        &["at least four years"],
        &["40(1)"],
    ),
    (
        EFF_2023_08,
        "Article 40(3)",
        "article-40-3-intrusive-measures",
        &["evidentiary items"],
        &["40(3)", "40(3)(h)"],
    ),
    (
        EFF_2023_08,
        "Article 40(4)",
        "article-40-4-spontaneous-sharing",
        &["without a request"],
        &["40(4)"],
    ),
    (
        EFF_2023_08,
        "Articles 40(6) and (7)",
        "article-40-6-7-mla-treaties",
        &["fewer safeguards"],
        &["40(6)", "40(7)"],
    ),
    (
        EFF_2023_08,
        "Article 40(8)",
        "article-40-8-dual-criminality",
        &["Mandate dual criminality"],
        &["40(8)"],
    ),
    (
        EFF_2023_08,
        "Article 40(21)",
        "article-40-21-refusal-grounds",
        &["political offence"],
        &["40(21)"],
    ),
    (
        EFF_2023_08,
        "Article 41",
        "article-41-24-7-network",
        &["central authorities"],
        &["41"],
    ),
    (
        EFF_2023_08,
        "Articles 45-46",
        "articles-45-46-real-time-surveillance",
        &["Delete Articles 45 and 46"],
        &["45", "46", "29", "30"],
    ),
    (
        EFF_2023_08,
        "Article 47(1)",
        "article-47-1-scope",
        &["Article 17"],
        &["47(1)", "23(1)"],
    ),
    (
        EFF_2023_08,
        "Article 47(1)(b) and (f)",
        "article-47-1-b-f-personal-data",
        &["asylum seekers"],
        &["47(1)(b)", "47(1)(f)"],
    ),
    (
        EFF_2023_08,
        "Article 47(1)(c): delete AI, inferences, databases",
        "article-47-1-c-analytical-data",
        &[
            "Delete artificial intelligence, inferences, databases",
            "opposition leaders",
        ],
        &["47(1)(c)"],
    ),
    // CTech, August 2024: no article numbers.
    (
        CTECH,
        "October 2017 and the 2019 resolution",
        "origins-and-backers",
        &[
            "October 2017",
            "November 2019",
            "Belarus",
            "Cambodia",
            "China",
            "Iran",
            "Myanmar",
            "Nicaragua",
            "Venezuela",
            "Syria",
        ],
        &[],
    ),
    (
        CTECH,
        "first session, China's proposal, Ukraine",
        "drafting-history",
        &["56 countries", "spreading false information", "Ukraine"],
        &[],
    ),
    (
        CTECH,
        "final session",
        "final-session",
        &["seven times", "ransomware"],
        &[],
    ),
    (
        CTECH,
        "a loose definition of cybercrime",
        "broad-definition-of-cybercrime",
        &["digital trace"],
        &[],
    ),
    (
        CTECH,
        "justifiable reasons; defraud or abuse trust",
        "low-threshold-for-action",
        &["justifiable reasons", "defraud or abuse trust"],
        &[],
    ),
    (
        CTECH,
        "biometric and smartwatch data",
        "electronic-data-and-biometrics",
        &["smartwatches"],
        &[],
    ),
    (
        CTECH,
        "back doors, as a claim about the draft",
        "provider-data-and-monitoring",
        &["back doors", "no power or article"],
        &[],
    ),
    (
        CTECH,
        "engineers",
        "compelled-technical-assistance",
        &["engineers"],
        &[],
    ),
    (
        CTECH,
        "eight secrecy clauses",
        "secrecy-clauses",
        &["Eight clauses"],
        &[],
    ),
    (
        CTECH,
        "OHCHR and the coalition of 22",
        "human-rights-standards",
        &["OHCHR", "22"],
        &[],
    ),
    (
        CTECH,
        "little scrutiny; the EU law on AI",
        "limited-scrutiny",
        &["artificial intelligence", "Russia"],
        &[],
    ),
];

fn analysis(id: &str) -> &'static Analysis {
    let dataset = bundled().unwrap_or_else(|r| panic!("bundled dataset invalid: {r:?}"));
    dataset
        .bundle()
        .analyses
        .iter()
        .find(|a| a.id.as_str() == id)
        .unwrap_or_else(|| panic!("analysis `{id}` is missing"))
}

#[test]
fn every_known_statement_of_the_analyses_is_carried() {
    let mut gaps = Vec::new();
    for (analysis_id, paragraph, concern_id, words, provisions) in STATEMENTS {
        let a = analysis(analysis_id);
        let Some(c) = a.concerns.iter().find(|c| c.id.as_str() == *concern_id) else {
            gaps.push(format!(
                "{analysis_id}: `{concern_id}` ({paragraph}) is missing"
            ));
            continue;
        };
        let mut text = c.summary.clone();
        for r in &c.recommendations {
            text.push(' ');
            text.push_str(&r.summary);
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for w in *words {
            if !text.to_lowercase().contains(&w.to_lowercase()) {
                gaps.push(format!(
                    "{analysis_id}: `{concern_id}` ({paragraph}) does not say \"{w}\""
                ));
            }
        }
        let cited: Vec<String> = c
            .provisions
            .iter()
            .chain(c.recommendations.iter().flat_map(|r| &r.provisions))
            .map(ToString::to_string)
            .collect();
        for p in *provisions {
            if !cited.iter().any(|c| c == p) {
                gaps.push(format!(
                    "{analysis_id}: `{concern_id}` ({paragraph}) does not cite {p} (cites {cited:?})"
                ));
            }
        }
        if !c.sources.contains(&a.source) {
            gaps.push(format!(
                "{analysis_id}: `{concern_id}` does not cite the analysis itself ({})",
                a.source
            ));
        }
    }
    assert!(gaps.is_empty(), "gaps:\n{}", gaps.join("\n"));
}

#[test]
fn the_table_covers_every_analysis() {
    for id in [EFF_2024_07, KEY_CONCERNS, ADOPTED, EFF_2023_08, CTECH] {
        let rows = STATEMENTS.iter().filter(|r| r.0 == id).count();
        assert!(rows >= 10, "only {rows} statements checked for {id}");
        let _ = analysis(id);
    }
}

/// Two statements the data once attributed to the wrong analysis (issue 15, part 3, points 7
/// and 8): each recommendation belongs to the analysis that makes it.
#[test]
fn recommendations_are_attributed_to_what_each_analysis_says() {
    let old = analysis(EFF_2023_08);
    let c = old
        .concerns
        .iter()
        .find(|c| c.id.as_str() == "article-47-1-c-analytical-data")
        .expect("concern");
    assert!(
        c.recommendations
            .iter()
            .all(|r| r.summary != "Delete Article 47(1)(c)."),
        "the August 2023 analysis asks to delete AI, inferences and databases, not 47(1)(c) as such"
    );
    let key = analysis(KEY_CONCERNS);
    assert!(key.concerns.iter().any(|c| {
        c.recommendations
            .iter()
            .any(|r| r.provisions.iter().any(|p| p.to_string() == "47(1)(c)"))
    }));

    let adopted = analysis(ADOPTED);
    let dual = adopted
        .concerns
        .iter()
        .find(|c| c.id.as_str() == "optional-dual-criminality")
        .expect("concern");
    assert!(
        dual.recommendations.is_empty(),
        "the 2024 analysis calls optional dual criminality concerning but does not ask for it"
    );
}

/// Issue 15, part 3, point 11: the four-year threshold of Article 2(h) is stated by the August
/// 2023 analysis too (for the zero draft), so both the article and the term cite it.
#[test]
fn serious_crime_cites_every_analysis_that_states_the_threshold() {
    let dataset = bundled().unwrap_or_else(|r| panic!("bundled dataset invalid: {r:?}"));
    let final_text = treaty_model::ids::TextVersionId::final_text();
    let point = dataset
        .article(&final_text, 2)
        .and_then(|a| a.points.iter().find(|p| p.letter == "h"))
        .expect("Article 2(h)");
    let term = dataset
        .bundle()
        .definitions
        .iter()
        .flat_map(|f| &f.terms)
        .find(|t| t.id.as_str() == "serious-crime")
        .expect("the term serious crime");
    for source in [
        "eff-2024-07-key-concerns",
        "eff-2024-adopted-text-risks",
        "eff-2023-08-surveillance-pact",
    ] {
        assert!(
            point.sources.iter().any(|s| s.as_str() == source),
            "2(h) does not cite {source}"
        );
        assert!(
            term.sources.iter().any(|s| s.as_str() == source),
            "the term does not cite {source}"
        );
    }
}
