//! The totals of a [`ScoreReport`] over its pages and their rendering as the text `score`
//! prints: each page's line, the totals against the targets, the wrong cells by kind, and the
//! first differences per page.

use std::fmt::Write as _;

use super::wrong_cells::WRONG_CELL_KIND_NAMES;
use super::{PageScore, ScoreReport, targets};

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
}

impl ScoreReport {
    fn sum(&self, field: impl Fn(&PageScore) -> usize) -> usize {
        self.pages.iter().map(field).sum()
    }

    /// Matched truth tables over all truth tables.
    pub fn table_recall(&self) -> f64 {
        ratio(self.sum(|p| p.tables_matched), self.sum(|p| p.tables_truth))
    }

    /// Found truth rows over all truth rows (data, total, waarvan).
    pub fn row_recall(&self) -> f64 {
        ratio(self.sum(|p| p.rows_found), self.sum(|p| p.rows_truth))
    }

    /// Right cells over all cells of unambiguous truth rows.
    pub fn cell_accuracy(&self) -> f64 {
        ratio(self.sum(|p| p.cells_right), self.sum(|p| p.cells_truth))
    }

    /// Wrong cells the extraction did not flag: wrong in silence.
    pub fn silently_wrong_cells(&self) -> usize {
        self.sum(|p| p.cells_truth - p.cells_right - p.wrong_cells_flagged)
    }

    /// Flagged ambiguous rows over all ambiguous truth rows.
    pub fn ambiguous_flagged_share(&self) -> f64 {
        ratio(self.sum(|p| p.ambiguous_flagged), self.sum(|p| p.ambiguous_rows))
    }

    /// Pages whose metadata matched.
    pub fn meta_pages_right(&self) -> usize {
        self.pages.iter().filter(|p| p.meta_right).count()
    }

    /// Pages that could not be extracted (or whose truth could not be read).
    pub fn failed_pages(&self) -> usize {
        self.pages.iter().filter(|p| p.error.is_some()).count()
    }

    /// True when every target holds: cell accuracy and table recall at least their targets, every
    /// ambiguous row flagged, no page failed, metadata right on every page.
    pub fn targets_met(&self) -> bool {
        self.cell_accuracy() >= targets::CELL_ACCURACY
            && self.table_recall() >= targets::TABLE_RECALL
            && self.sum(|p| p.ambiguous_flagged) == self.sum(|p| p.ambiguous_rows)
            && self.failed_pages() == 0
            && self.meta_pages_right() == self.pages.len()
    }

    /// A readable text table: one line per page, totals, the targets, then the first
    /// mismatches of each page.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<10} {:>7} {:>9} {:>11} {:>6} {:>9} {:<5} note",
            "page", "tables", "rows", "cells", "silent", "ambig.", "meta"
        );
        for page in &self.pages {
            let note = page.error.clone().or_else(|| page.meta_detail.clone()).unwrap_or_default();
            let _ = writeln!(
                out,
                "{:<10} {:>7} {:>9} {:>11} {:>6} {:>9} {:<5} {}",
                page.page,
                format!("{}/{}", page.tables_matched, page.tables_truth),
                format!("{}/{}", page.rows_found, page.rows_truth),
                format!("{}/{}", page.cells_right, page.cells_truth),
                page.cells_truth - page.cells_right - page.wrong_cells_flagged,
                format!("{}/{}", page.ambiguous_flagged, page.ambiguous_rows),
                if page.meta_right { "ok" } else { "MISS" },
                note
            );
        }
        let _ = writeln!(
            out,
            "{:<10} {:>7} {:>9} {:>11} {:>6} {:>9} {:<5}",
            "total",
            format!("{}/{}", self.sum(|p| p.tables_matched), self.sum(|p| p.tables_truth)),
            format!("{}/{}", self.sum(|p| p.rows_found), self.sum(|p| p.rows_truth)),
            format!("{}/{}", self.sum(|p| p.cells_right), self.sum(|p| p.cells_truth)),
            self.silently_wrong_cells(),
            format!("{}/{}", self.sum(|p| p.ambiguous_flagged), self.sum(|p| p.ambiguous_rows)),
            format!("{}/{}", self.meta_pages_right(), self.pages.len()),
        );
        let mark = |ok: bool| if ok { "met" } else { "MISSED" };
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "table recall     {:6.2}%  (target ≥ {:.0}%: {})",
            100.0 * self.table_recall(),
            100.0 * targets::TABLE_RECALL,
            mark(self.table_recall() >= targets::TABLE_RECALL)
        );
        let _ = writeln!(out, "row recall       {:6.2}%", 100.0 * self.row_recall());
        let _ = writeln!(
            out,
            "headers right    {:>3}/{:<3}  (matched tables whose column headers equal the truth; no target; {} wrong in silence)",
            self.sum(|p| p.headers_right),
            self.sum(|p| p.tables_matched),
            self.sum(|p| p.tables_matched - p.headers_right - p.headers_wrong_flagged)
        );
        let _ = writeln!(
            out,
            "cell accuracy    {:6.2}%  (target ≥ {:.0}%: {})",
            100.0 * self.cell_accuracy(),
            100.0 * targets::CELL_ACCURACY,
            mark(self.cell_accuracy() >= targets::CELL_ACCURACY)
        );
        let wrong = self.sum(|p| p.cells_truth - p.cells_right);
        let _ = writeln!(
            out,
            "wrong flagged   {:>5}/{:<5} (wrong cells the output flags as doubtful; {} wrong in silence)",
            wrong - self.silently_wrong_cells(),
            wrong,
            self.silently_wrong_cells()
        );
        let not_found = self.sum(|p| p.cells_in_rows_not_found);
        let _ = writeln!(
            out,
            "  of the wrong  {:>5} in rows not found by label or tables not found ({} in silence), {} in rows found ({} in silence)",
            not_found,
            not_found - self.sum(|p| p.flagged_in_rows_not_found),
            wrong - not_found,
            self.silently_wrong_cells() - (not_found - self.sum(|p| p.flagged_in_rows_not_found)),
        );
        for (kind, name) in WRONG_CELL_KIND_NAMES.iter().enumerate() {
            let all = self.sum(|p| p.wrong_by_kind[kind].0);
            let silent = self.sum(|p| p.wrong_by_kind[kind].1);
            let _ = writeln!(out, "    {name:<28} {all:>5} ({silent} in silence)");
        }
        let right = self.sum(|p| p.cells_right);
        let _ = writeln!(
            out,
            "right flagged   {:>5}/{:<5} (right cells the output flags all the same: review work on good data)",
            self.sum(|p| p.right_cells_flagged),
            right
        );
        let all_flagged = self.sum(|p| p.ambiguous_flagged) == self.sum(|p| p.ambiguous_rows);
        let _ = writeln!(
            out,
            "ambiguous flagged{:6.2}%  (target 100%: {})",
            100.0 * self.ambiguous_flagged_share(),
            mark(all_flagged)
        );
        let _ = writeln!(
            out,
            "pages failed     {:>6}   (target 0: {})",
            self.failed_pages(),
            mark(self.failed_pages() == 0)
        );
        let _ = writeln!(
            out,
            "metadata right   {:>3}/{:<3}  (target all: {})",
            self.meta_pages_right(),
            self.pages.len(),
            mark(self.meta_pages_right() == self.pages.len())
        );
        let with_mismatches: Vec<&PageScore> =
            self.pages.iter().filter(|p| !p.mismatches.is_empty()).collect();
        if !with_mismatches.is_empty() {
            let _ = writeln!(out, "\nfirst differences per page:");
            for page in with_mismatches {
                for mismatch in &page.mismatches {
                    let _ = writeln!(out, "  {}: {mismatch}", page.page);
                }
            }
        }
        out
    }
}
