//! Lists the powers that reach electronic data, from the JSON bundle written by
//! `treaty convert datasets --to json -o treaty-bundle.json`, with the status of prior judicial
//! authorisation for each. Uses treaty-model's types only (default features off).

use treaty_model::{Bundle, Power, Status};

fn status_of(power: &Power, safeguard: &str) -> String {
    match power
        .safeguards
        .iter()
        .find(|s| s.safeguard.as_str() == safeguard)
    {
        None => "not recorded".to_owned(),
        Some(s) => {
            let word = match s.status {
                Status::Mandatory => "mandatory",
                Status::Discretionary => "discretionary",
                Status::Absent => "absent",
                Status::NotApplicable => "not-applicable",
                _ => "unrecognized",
            };
            match &s.provision {
                Some(p) => format!("{word} ({p})"),
                None => word.to_owned(),
            }
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "treaty-bundle.json".to_owned());
    let bundle: Bundle = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let category = "electronic-data";
    let safeguard = "prior-judicial-authorisation";
    let all: Vec<&Power> = bundle.powers.iter().flat_map(|f| f.powers.iter()).collect();
    let mut reaching: Vec<&Power> = all
        .iter()
        .copied()
        .filter(|p| p.data_categories.iter().any(|c| c.as_str() == category))
        .collect();
    reaching.sort_by(|a, b| a.provision.cmp(&b.provision));
    println!(
        "{} of {} powers reach {category}\n",
        reaching.len(),
        all.len()
    );
    let rows: Vec<[String; 4]> = reaching
        .iter()
        .map(|p| {
            [
                p.provision.to_string(),
                p.id.to_string(),
                // Vocabulary values print as they are written in the datasets.
                p.scope.to_string(),
                status_of(p, safeguard),
            ]
        })
        .collect();
    let header = [
        "provision",
        "power",
        "scope",
        "prior judicial authorisation",
    ];
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].len())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: [&str; 4]| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i < 3 {
                s.push_str(&format!("{c:<w$}  ", w = widths[i]));
            } else {
                s.push_str(c);
            }
        }
        s
    };
    println!("{}", line(header));
    let dashes: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    println!("{}", line([&dashes[0], &dashes[1], &dashes[2], &dashes[3]]));
    for r in &rows {
        println!("{}", line([&r[0], &r[1], &r[2], &r[3]]));
    }
    let count = |word: &str| {
        reaching
            .iter()
            .filter(|p| {
                let s = status_of(p, safeguard);
                s == word || s.starts_with(&format!("{word} "))
            })
            .count()
    };
    println!(
        "\n{safeguard}: mandatory {}, discretionary {}, absent {}, not-applicable {}, not recorded {}",
        count("mandatory"),
        count("discretionary"),
        count("absent"),
        count("not-applicable"),
        count("not recorded")
    );
    Ok(())
}
