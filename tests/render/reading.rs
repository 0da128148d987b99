//! Reading renderings back: the truth pages every rendering test prints, the scoring of one style
//! over all of them (cells, tables, group rows, metadata), its summary line and targets, and the
//! seed's Tabel 2 asserted cell by cell. The same for every format, so the HTML and the XML
//! renderings are held to the same measures.

use std::fmt::Write as _;
use std::path::PathBuf;

use begroting::pipeline::Document;
use begroting::score::{PageScore, ScoreReport, score_document};
use begroting::{CellFlag, Row, RowKind, ValueKind, WarningKind};

use super::truth::{RowRole, TruthPage, read_page};

/// The seed page's truth.
pub fn seed() -> PathBuf {
    crate::common::fixture("text/veiligheidsagenda-owb-2022-VI.json")
}

/// Every truth page: the 34 corpus pages in name order, then the seed.
pub fn truth_pages() -> Vec<TruthPage> {
    let corpus = crate::common::fixture("corpus/pages");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("the corpus folder reads")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 34, "every corpus truth file is found");
    paths.push(seed());
    paths.iter().map(|path| read_page(path)).collect()
}

/// The scores of one style over every page, and its group rows: how many the truth prints and
/// how many come back as group rows (the scorer counts rows with figures only; a group row read
/// as a header row loses the group of every row under it).
pub struct StyleResult {
    pub report: ScoreReport,
    pub groups_truth: usize,
    pub groups_found: usize,
    pub groups_missed: Vec<String>,
    /// Renderings the reader found not well-formed (a bug in the renderer).
    pub malformed: Vec<String>,
}

/// Reads every page's rendering (`extract` renders and reads one) and scores it against the
/// truth; `extension` names the pages in the report.
pub fn read_style(
    pages: &[TruthPage],
    extension: &str,
    extract: impl Fn(&TruthPage) -> Document,
) -> StyleResult {
    let mut result = StyleResult {
        report: ScoreReport::default(),
        groups_truth: 0,
        groups_found: 0,
        groups_missed: Vec::new(),
        malformed: Vec::new(),
    };
    for page in pages {
        let document = extract(page);
        for warning in document.warnings.iter().filter(|w| w.kind == WarningKind::MalformedMarkup) {
            result.malformed.push(format!("{}: {}", page.name, warning.message));
        }
        result.report.pages.push(score_document(
            &document,
            &page.scored,
            &format!("{}.{extension}", page.name),
        ));
        let mut read_groups: Vec<&str> = document
            .tables
            .iter()
            .flat_map(|table| &table.rows)
            .filter(|row| row.kind == RowKind::Group)
            .map(|row| row.label.as_str())
            .collect();
        for table in &page.tables {
            for row in table.rows.iter().filter(|row| row.role == RowRole::Group) {
                let label = row.label();
                result.groups_truth += 1;
                match read_groups.iter().position(|read| *read == label) {
                    Some(at) => {
                        read_groups.remove(at);
                        result.groups_found += 1;
                    }
                    None => result.groups_missed.push(format!("{}: {label}", page.name)),
                }
            }
        }
    }
    result
}

impl StyleResult {
    fn sum(&self, field: fn(&PageScore) -> usize) -> usize {
        self.report.pages.iter().map(field).sum()
    }

    /// One line of the summary: tables, rows, cells, groups, headers and metadata.
    pub fn summary_line(&self, style: &str, out: &mut String) {
        let _ = writeln!(
            out,
            "{style:<20} tables {:>2}/{:<2}  rows {:>3}/{:<3}  cells {:>4}/{:<4} {:6.2}%  groups {:>2}/{:<2}  headers {:>2}/{:<2}  meta {:>2}/{:<2}",
            self.sum(|p| p.tables_matched),
            self.sum(|p| p.tables_truth),
            self.sum(|p| p.rows_found),
            self.sum(|p| p.rows_truth),
            self.sum(|p| p.cells_right),
            self.sum(|p| p.cells_truth),
            100.0 * self.report.cell_accuracy(),
            self.groups_found,
            self.groups_truth,
            self.sum(|p| p.headers_right),
            self.sum(|p| p.tables_matched),
            self.report.meta_pages_right(),
            self.report.pages.len(),
        );
    }

    /// Asserts what holds for every style whatever the targets (44 truth tables, no failed page,
    /// no malformed rendering), and returns a report when a target is missed.
    pub fn missed_targets(&self, style: &str, cell_accuracy: f64, table_recall: f64) -> Option<String> {
        assert!(self.malformed.is_empty(), "{style}: renderings that do not read: {:#?}", self.malformed);
        assert_eq!(self.sum(|p| p.tables_truth), 44, "{style}");
        assert_eq!(self.report.failed_pages(), 0, "{}", self.report.render());
        let missed = self.report.cell_accuracy() < cell_accuracy
            || self.report.table_recall() < table_recall
            || self.report.meta_pages_right() < self.report.pages.len()
            || self.groups_found < self.groups_truth;
        missed.then(|| {
            format!("== {style}\ngroup rows not read: {:?}\n{}", self.groups_missed, self.report.render())
        })
    }
}

/// The seed's Tabel 2 as read from one rendering, cell by cell: numbers, markers and their
/// notes, row roles, the resolved placement of the rows the flattened text leaves ambiguous,
/// and the document's metadata. `name` names the style in failures.
pub fn assert_seed_table_2(document: &Document, name: &str) {
    assert_eq!(document.tables.len(), 1, "{name}");
    let table = &document.tables[0];
    assert_eq!(table.number.as_deref(), Some("2"), "{name}");
    assert_eq!(table.title.as_deref(), Some("Veiligheidsagenda 2019-2022"), "{name}");
    assert_eq!(table.stub_header.as_deref(), Some("Beleidsafspraken"), "{name}");
    let headers: Vec<String> = table.columns.iter().map(|c| c.header()).collect();
    assert_eq!(headers, ["Realisatie 2019", "Realisatie 2020", "Norm 2021", "Norm 2022"], "{name}");
    assert_eq!(table.columns[2].path, ["Norm", "2021"], "{name}");
    assert_eq!(table.columns[2].year(), Some(2021), "{name}");

    let row = |label: &str| -> &Row {
        table.rows.iter().find(|row| row.label == label).unwrap_or_else(|| panic!("{name}: no row {label:?}"))
    };
    let texts = |row: &Row| -> Vec<String> { row.cells.iter().map(|c| c.text.clone()).collect() };
    let unresolved =
        |row: &Row| row.cells.iter().any(|cell| cell.flags.contains(&CellFlag::UnresolvedFootnote));

    assert_eq!(row("Ondermijning").kind, RowKind::Group, "{name}");
    let comensha = row("Aantal gemelde slachtoffers bij Comensha");
    assert_eq!(texts(comensha), ["975", "490", "", ""], "{name}");
    assert_eq!(comensha.markers, ["1"], "{name}");
    assert_eq!(comensha.group.as_deref(), Some("Mensenhandel"), "{name}");
    assert_eq!(comensha.cells[1].value, Some(490.0), "{name}");
    assert!(!unresolved(comensha), "{name}: note 1 is printed");
    let note = table.notes.iter().find(|n| n.marker == "1").unwrap_or_else(|| panic!("{name}: no note 1"));
    assert!(
        note.text.starts_with("Het aantal door de politie gemelde slachtoffers bij Comensha"),
        "{name}: {note:?}"
    );
    assert_eq!(texts(row("Conservatoir beslag (in mln. euro’s)")), ["", "", "180", ""], "{name}");

    let total = row("Totaal aantal onderzoeken");
    assert_eq!(total.kind, RowKind::Total, "{name}");
    assert_eq!(texts(total), ["421", "519", "371", ""], "{name}");
    let high_tech = row("Aantal high tech crime onderzoeken");
    assert_eq!(high_tech.markers, ["*"], "{name}");
    assert!(
        high_tech.cells[0].flags.contains(&CellFlag::UnresolvedFootnote),
        "{name}: the truth prints no note *"
    );
    let waarvan: Vec<&Row> =
        table.rows.iter().filter(|r| r.label == "wrv alternatieve of aanvullende interventies").collect();
    assert_eq!(waarvan.len(), 2, "{name}");
    assert_eq!(waarvan[1].kind, RowKind::Waarvan, "{name}");
    assert_eq!(texts(waarvan[1]), ["0", "0", "20", ""], "{name}");
    let dossiers = row("Positief afgedane dossiers");
    assert_eq!(dossiers.markers, ["2"], "{name}");
    assert_eq!(
        (dossiers.cells[0].text.as_str(), dossiers.cells[0].value_kind),
        ("51%", ValueKind::Percent),
        "{name}"
    );
    assert!(!unresolved(dossiers), "{name}: note 2 is printed");
    let note = table.notes.iter().find(|n| n.marker == "2").unwrap_or_else(|| panic!("{name}: no note 2"));
    assert!(note.text.starts_with("Voor 2020 e.v. zijn met de politie nieuwe"), "{name}: {note:?}");
    assert_eq!(table.notes.len(), 2, "{name}: notes 1 and 2, no other: {:?}", table.notes);

    assert_eq!(document.meta.year, Some(2022), "{name}");
    assert_eq!(document.meta.doc_type.as_deref(), Some("OWB"), "{name}");
    assert_eq!(document.meta.chapter.as_deref(), Some("VI"), "{name}");
}
