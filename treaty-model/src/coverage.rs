//! The coverage matrix: which safeguard applies to which power, and how firmly.
//!
//! Rows are powers, grouped domestic (Chapter IV) then cross-border (Chapter V), each with the
//! data categories it reaches; columns are the safeguards of the taxonomy; each cell says
//! whether the convention makes the safeguard mandatory, leaves it to each state
//! (discretionary), does not provide it (absent), whether it has no meaning for the power (not
//! applicable), or whether the dataset records nothing (not recorded). A recorded cell keeps
//! the provision, note and sources of its [`SafeguardStatus`], so every cell can be traced back
//! to the text and to who says so.
//!
//! ```
//! use treaty_model::coverage::{CellStatus, Filter};
//!
//! let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
//! // Which powers lack a mandatory prior judicial authorisation?
//! let mut filter = Filter::default();
//! filter.lacking = Some("prior-judicial-authorisation".parse().unwrap());
//! let matrix = dataset.coverage(&filter).expect("known ids");
//! let lacking: Vec<&str> = matrix.rows().map(|r| r.power.as_str()).collect();
//! assert!(lacking.contains(&"production-order-electronic-data"));
//! let cell = matrix.rows().next().unwrap().cell("prior-judicial-authorisation").unwrap();
//! assert_ne!(cell.status, CellStatus::Mandatory);
//! ```

use std::fmt;

use serde::Serialize;

use crate::dataset::Dataset;
use crate::export::Table;
use crate::ids::{DataCategoryId, PowerId, SafeguardId, SourceId};
use crate::model::{
    Article24Coverage, Obligation, Power, PowerScope, Safeguard, SafeguardFamily, SafeguardStatus,
    Status,
};
use crate::provision::ProvisionRef;

/// What to include in the matrix. The default is everything.
///
/// Filters combine: `scope` and `data_category` select rows, `safeguards` selects columns, and
/// `lacking` keeps only the powers for which that safeguard is recorded as discretionary or
/// absent ("which powers lack a mandatory X?").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Filter {
    /// Only the powers of this scope.
    pub scope: Option<PowerScope>,
    /// Only the powers that reach this data category.
    pub data_category: Option<DataCategoryId>,
    /// Only these safeguards as columns (all of the taxonomy when empty), in taxonomy order.
    pub safeguards: Vec<SafeguardId>,
    /// Only the powers for which this safeguard is recorded but not mandatory (discretionary or
    /// absent). Powers with no status recorded for it, or for which it is not applicable, are
    /// left out; the former are listed in [`Matrix::lacking_not_recorded`].
    pub lacking: Option<SafeguardId>,
}

/// An id given to a filter that the dataset does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownId {
    /// What kind of id it should have been (`safeguard`, `data category`).
    pub kind: &'static str,
    /// The id given.
    pub id: String,
    /// The known id closest to it, when one is close enough to be a likely typo.
    pub suggestion: Option<String>,
}

impl fmt::Display for UnknownId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no such {}: `{}`", self.kind, self.id)?;
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownId {}

/// The power x safeguard matrix.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Matrix {
    /// The columns: safeguards in taxonomy order.
    pub safeguards: Vec<Column>,
    /// The rows, grouped by scope: domestic first, then cross-border.
    pub groups: Vec<Group>,
    /// The data categories the rows reach, in vocabulary order, for legends.
    pub data_categories: Vec<Category>,
    /// With [`Filter::lacking`]: the powers left out because nothing is recorded for that
    /// safeguard (the data cannot say whether they lack it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lacking_not_recorded: Vec<PowerId>,
}

/// A column of the matrix: one safeguard of the taxonomy.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Column {
    /// The safeguard.
    pub id: SafeguardId,
    /// Its name (`Prior judicial authorisation`).
    pub name: String,
    /// Its family.
    pub family: SafeguardFamily,
}

/// A data category reached by some row.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Category {
    /// The category.
    pub id: DataCategoryId,
    /// Its name (`Electronic data`).
    pub name: String,
}

/// The rows of one scope.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Group {
    /// Domestic or cross-border.
    pub scope: PowerScope,
    /// The powers of that scope, in dataset order.
    pub rows: Vec<Row>,
}

/// A row of the matrix: one power and its cells.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Row {
    /// The power.
    pub power: PowerId,
    /// Its name.
    pub name: String,
    /// The provision that grants it (`27(a)`), in the final text's numbering.
    pub provision: ProvisionRef,
    /// Domestic or cross-border.
    pub scope: PowerScope,
    /// Whether states must provide it.
    pub obligation: Obligation,
    /// The data categories it reaches.
    pub data_categories: Vec<DataCategoryId>,
    /// Whether Article 24 reaches it, with the provision, note and sources of that claim,
    /// when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_24: Option<Article24Coverage>,
    /// One cell per column, in column order.
    pub cells: Vec<Cell>,
}

/// One cell: the status of one safeguard for one power, with what justifies it.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Cell {
    /// The safeguard (the column).
    pub safeguard: SafeguardId,
    /// Its status for the row's power.
    pub status: CellStatus,
    /// The provision that makes it so, when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provision: Option<ProvisionRef>,
    /// Why, in the dataset's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The sources of the status; empty when not recorded.
    pub sources: Vec<SourceId>,
}

/// The value of a cell.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum CellStatus {
    /// The convention requires the safeguard.
    Mandatory,
    /// The convention mentions it but leaves it to each state.
    Discretionary,
    /// The convention does not provide it.
    Absent,
    /// The safeguard has no meaning for this power.
    NotApplicable,
    /// The dataset records no status for this power and safeguard.
    NotRecorded,
}

impl CellStatus {
    /// Every value, in legend order.
    pub const ALL: &'static [CellStatus] = <CellStatus as strum::VariantArray>::VARIANTS;

    /// The value as written in JSON and CSV (`not-applicable`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The value in words (`not applicable`).
    pub fn label(self) -> &'static str {
        match self {
            Self::NotApplicable => "not applicable",
            Self::NotRecorded => "not recorded",
            other => other.as_str(),
        }
    }

    /// True for the statuses that mean "recorded, but not required": what `--lacking` lists.
    pub fn lacks_mandate(self) -> bool {
        matches!(self, Self::Discretionary | Self::Absent)
    }
}

impl From<Status> for CellStatus {
    fn from(s: Status) -> Self {
        match s {
            Status::Mandatory => Self::Mandatory,
            Status::Discretionary => Self::Discretionary,
            Status::Absent => Self::Absent,
            Status::NotApplicable => Self::NotApplicable,
            // A validated dataset never holds an unknown status (the schema refuses it); a
            // tolerant reader of newer data shows it as not recorded rather than guessing.
            _ => Self::NotRecorded,
        }
    }
}

impl fmt::Display for CellStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Matrix {
    /// Every row, domestic then cross-border.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.groups.iter().flat_map(|g| g.rows.iter())
    }

    /// The number of rows.
    pub fn row_count(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }

    /// How many cells have this status.
    pub fn count(&self, status: CellStatus) -> usize {
        self.rows()
            .flat_map(|r| r.cells.iter())
            .filter(|c| c.status == status)
            .count()
    }

    /// One record per cell, for CSV ([`crate::export::to_csv`]): the power, its provision and
    /// data categories, the safeguard, the status, and the provision, sources and note that
    /// justify it. A pivot on `power` x `safeguard` gives the matrix back.
    pub fn to_table(&self) -> Table {
        let mut rows = Vec::new();
        for row in self.rows() {
            let categories = join(&row.data_categories);
            // The power's Article 24 claim, with its own sources: the `sources` column is the
            // cell's.
            let article_24: &str = row.article_24.as_ref().map_or("", |a| a.applies.into());
            let article_24_sources = row
                .article_24
                .as_ref()
                .map_or_else(String::new, |a| join(&a.sources));
            for cell in &row.cells {
                rows.push(vec![
                    row.scope.to_string(),
                    row.power.to_string(),
                    row.provision.to_string(),
                    categories.clone(),
                    cell.safeguard.to_string(),
                    cell.status.as_str().to_owned(),
                    cell.provision
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    join(&cell.sources),
                    cell.note.clone().unwrap_or_default(),
                    article_24.to_owned(),
                    article_24_sources.clone(),
                ]);
            }
        }
        Table {
            name: "coverage",
            columns: vec![
                "scope",
                "power",
                "power_provision",
                "data_categories",
                "safeguard",
                "status",
                "provision",
                "sources",
                "note",
                "article_24",
                "article_24_sources",
            ],
            rows,
        }
    }
}

impl Row {
    /// The cell of a safeguard, if it is a column.
    pub fn cell(&self, safeguard: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.safeguard.as_str() == safeguard)
    }
}

fn join<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl Dataset {
    /// The coverage matrix, filtered; an error names a filter id the dataset does not know.
    pub fn coverage(&self, filter: &Filter) -> Result<Matrix, UnknownId> {
        self.check_filter(filter)?;
        let columns: Vec<&Safeguard> = self
            .safeguards()
            .filter(|s| filter.safeguards.is_empty() || filter.safeguards.contains(&s.id))
            .collect();
        let mut groups: Vec<Group> = Vec::new();
        let mut lacking_not_recorded = Vec::new();
        for power in self.powers() {
            if filter.scope.is_some_and(|s| s != power.scope) {
                continue;
            }
            if filter
                .data_category
                .as_ref()
                .is_some_and(|c| !power.data_categories.contains(c))
            {
                continue;
            }
            if let Some(l) = &filter.lacking {
                match recorded(power, l).map(|s| CellStatus::from(s.status)) {
                    None => {
                        lacking_not_recorded.push(power.id.clone());
                        continue;
                    }
                    Some(s) if !s.lacks_mandate() => continue,
                    Some(_) => {}
                }
            }
            let row = row(power, &columns);
            match groups.iter_mut().find(|g| g.scope == power.scope) {
                Some(g) => g.rows.push(row),
                None => groups.push(Group {
                    scope: power.scope,
                    rows: vec![row],
                }),
            }
        }
        groups.sort_by_key(|g| g.scope);
        let reached: Vec<&DataCategoryId> = groups
            .iter()
            .flat_map(|g| g.rows.iter())
            .flat_map(|r| r.data_categories.iter())
            .collect();
        let data_categories = self
            .data_categories()
            .filter(|c| reached.contains(&&c.id))
            .map(|c| Category {
                id: c.id.clone(),
                name: c.name.clone(),
            })
            .collect();
        Ok(Matrix {
            safeguards: columns
                .iter()
                .map(|s| Column {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    family: s.family,
                })
                .collect(),
            groups,
            data_categories,
            lacking_not_recorded,
        })
    }

    fn check_filter(&self, filter: &Filter) -> Result<(), UnknownId> {
        let safeguard_ids: Vec<&str> = self.safeguards().map(|s| s.id.as_str()).collect();
        for id in filter.safeguards.iter().chain(filter.lacking.as_ref()) {
            if self.safeguard(id.as_str()).is_none() {
                return Err(unknown("safeguard", id.as_str(), &safeguard_ids));
            }
        }
        if let Some(c) = &filter.data_category {
            let ids: Vec<&str> = self.data_categories().map(|c| c.id.as_str()).collect();
            if !ids.contains(&c.as_str()) {
                return Err(unknown("data category", c.as_str(), &ids));
            }
        }
        Ok(())
    }
}

/// An [`UnknownId`] with the closest of `known` as a suggestion.
pub(crate) fn unknown(kind: &'static str, id: &str, known: &[&str]) -> UnknownId {
    UnknownId {
        kind,
        id: id.to_owned(),
        suggestion: crate::suggest::closest(id, known.iter().copied()).map(str::to_owned),
    }
}

fn recorded<'a>(power: &'a Power, safeguard: &SafeguardId) -> Option<&'a SafeguardStatus> {
    power.safeguards.iter().find(|s| &s.safeguard == safeguard)
}

fn row(power: &Power, columns: &[&Safeguard]) -> Row {
    Row {
        power: power.id.clone(),
        name: power.name.clone(),
        provision: power.provision.clone(),
        scope: power.scope,
        obligation: power.obligation,
        data_categories: power.data_categories.clone(),
        article_24: power.article_24.clone(),
        cells: columns
            .iter()
            .map(|s| match recorded(power, &s.id) {
                Some(st) => Cell {
                    safeguard: s.id.clone(),
                    status: st.status.into(),
                    provision: st.provision.clone(),
                    note: st.note.clone(),
                    sources: st.sources.clone(),
                },
                None => Cell {
                    safeguard: s.id.clone(),
                    status: CellStatus::NotRecorded,
                    provision: None,
                    note: None,
                    sources: Vec::new(),
                },
            })
            .collect(),
    }
}
