//! The fill of a reading by column kinds (step 3 of the parent module's doc): the stream's cells
//! placed row by row in the columns of a candidate profile, with what each cell's kind may fit,
//! and the profile refined by the majority kind of each column after one fill.

use super::{CellKind, ColumnKind, Token};

/// True when a cell of `kind` may stand in a column of kind `column`.
pub(super) fn fits(kind: CellKind, column: ColumnKind) -> bool {
    match kind {
        CellKind::Empty => true,
        CellKind::Short => matches!(column, ColumnKind::Code | ColumnKind::Figure),
        CellKind::Year => matches!(column, ColumnKind::Text | ColumnKind::Figure),
        CellKind::Code => column == ColumnKind::Code,
        CellKind::Text => column == ColumnKind::Text,
        CellKind::Figure => column == ColumnKind::Figure,
    }
}

/// True for a text where a code column stands before a name column: a name printed across the
/// code column ("Intra-comptabele posten", "Totaal activa").
fn spans_into_the_name(kind: CellKind, profile: &[ColumnKind], column: usize) -> bool {
    kind == CellKind::Text
        && profile.get(column) == Some(&ColumnKind::Code)
        && profile.get(column + 1) == Some(&ColumnKind::Text)
}

/// The outcome of one fill.
pub(super) struct Fill {
    /// The rows one after another, `width` places each: per column the token placed there, if
    /// any (one vector for every row: a fill runs for every candidate profile).
    pub(super) cells: Vec<Option<Token>>,
    pub(super) width: usize,
    /// Printed cells placed in a column of their kind.
    pub(super) fitting: usize,
    /// Printed cells placed out of kind.
    pub(super) mismatches: usize,
    /// Rows closed before their last column (a group row, the input's end).
    pub(super) short: Vec<bool>,
    /// Names printed over two paragraphs: the row, the column and the paragraph that goes on.
    pub(super) continued: Vec<(usize, usize, usize)>,
}

impl Fill {
    pub(super) fn rows(&self) -> std::slice::Chunks<'_, Option<Token>> {
        self.cells.chunks(self.width)
    }

    /// Closes `row` as the fill's next row and empties it for the one after.
    fn push_row(&mut self, row: &mut [Option<Token>], short: bool) {
        self.cells.extend_from_slice(row);
        row.fill(None);
        self.short.push(short);
    }
}

/// Places the tokens row by row by `profile` (step 3 of the module doc); `None` as soon as more
/// than `most_mismatches` cells are out of kind.
pub(super) fn fill(
    tokens: &[Token],
    profile: &[ColumnKind],
    values: &[bool],
    most_mismatches: usize,
) -> Option<Fill> {
    let width = profile.len();
    let label_column = profile.iter().position(|&kind| kind == ColumnKind::Text).unwrap_or(0);
    let mut result = Fill {
        cells: Vec::new(),
        width,
        fitting: 0,
        mismatches: 0,
        short: Vec::new(),
        continued: Vec::new(),
    };
    let mut row: Vec<Option<Token>> = vec![None; width];
    let mut column = 0;
    let mut at = 0;
    while at < tokens.len() {
        let token = tokens[at];
        let opens_a_row = |token: &Token| token.kind != CellKind::Empty && fits(token.kind, profile[0]);
        // A spacer row printed as wide as the rows under it print their cells, names spanning
        // the code columns ("    " over "Totaal activa", "30 267 993", "Totaal passiva", "30 267
        // 993": four cells for six columns; wild page x2_01): a whitespace line narrower than
        // the row but wider than the empty code cells before a name, at a row's start, before a
        // name that spans the code column.
        let run = tokens[at..].iter().take_while(|t| t.paragraph == token.paragraph).count();
        if token.kind == CellKind::Empty
            && column == 0
            && run > label_column
            && run < width
            && tokens.get(at + run).is_some_and(|next| spans_into_the_name(next.kind, profile, 0))
        {
            result.push_row(&mut row, false);
            at += run;
            continue;
        }
        if token.kind == CellKind::Empty {
            column += 1;
        } else if fits(token.kind, profile[column])
            || (values[column] && matches!(token.kind, CellKind::Text | CellKind::Figure | CellKind::Short))
        {
            row[column] = Some(token);
            result.fitting += 1;
            column += 1;
        } else if spans_into_the_name(token.kind, profile, column) {
            row[column + 1] = Some(token);
            result.fitting += 1;
            column += 2;
        } else if token.kind == CellKind::Text
            && column == 0
            && tokens[at + 1..].iter().find(|t| t.kind != CellKind::Empty).is_some_and(opens_a_row)
            && tokens.get(at + 1).is_some_and(|t| t.kind != CellKind::Empty)
        {
            // A group row whose empty cells vanished: its label alone.
            row[label_column] = Some(token);
            result.fitting += 1;
            result.push_row(&mut row, false);
            at += 1;
            continue;
        } else if token.kind == CellKind::Text
            && column >= 2
            && profile[column - 1] == ColumnKind::Text
            && row[column - 1].is_some_and(|t| t.kind == CellKind::Text)
            && profile[column - 2] == ColumnKind::Code
            && row[column - 2].is_some_and(|t| t.kind != CellKind::Empty)
            && tokens
                .get(at + 1)
                .is_some_and(|next| next.kind != CellKind::Empty && fits(next.kind, profile[column]))
        {
            // A numbered item's name printed over two paragraphs ("5)", "Rekening-courant RHB",
            // "Begrotingsreserve", then its figures; wild page x2_04): the text goes on the name
            // before it. (Without a code before the name, a text there may be a group row's
            // name followed by its first item's.)
            result.continued.push((result.short.len(), column - 1, token.paragraph));
            result.fitting += 1;
        } else {
            row[column] = Some(token);
            result.mismatches += 1;
            if result.mismatches > most_mismatches {
                return None;
            }
            column += 1;
        }
        at += 1;
        if column >= width {
            // A row that prints only its name and, in its last column, a short number or a code
            // the next row's name follows: that is the next row's code (a group row whose empty
            // cells are one fewer than its width, "Intra-comptabele posten", then "1", wild page
            // w4_06).
            let next_code =
                (profile[0] == ColumnKind::Code).then(|| row[width - 1]).flatten().filter(|last| {
                    matches!(last.kind, CellKind::Short | CellKind::Code)
                        && row[..width - 1].iter().flatten().filter(|t| t.kind != CellKind::Empty).count()
                            == 1
                        && row[label_column].is_some_and(|t| t.kind == CellKind::Text)
                        && tokens.get(at).is_some_and(|next| next.kind == CellKind::Text)
                });
            if next_code.is_some() {
                row[width - 1] = None;
            }
            result.push_row(&mut row, false);
            column = 0;
            if let Some(code) = next_code {
                row[0] = Some(code);
                column = 1;
            }
        }
    }
    if column > 0 {
        result.push_row(&mut row, true);
    }
    Some(result)
}

/// The majority kind of each column after a fill, keeping `profile`'s where no printed cell
/// decides (short whole numbers side with the profile).
pub(super) fn refined(profile: &[ColumnKind], filled: &Fill) -> Vec<ColumnKind> {
    (0..profile.len())
        .map(|column| {
            let mut counts = [0usize; 3];
            for row in filled.rows() {
                match row[column].map(|t| t.kind) {
                    Some(CellKind::Code) => counts[0] += 1,
                    Some(CellKind::Text) => counts[1] += 1,
                    Some(CellKind::Figure) => counts[2] += 1,
                    _ => {}
                }
            }
            let most = *counts.iter().max().unwrap_or(&0);
            if most == 0 {
                return profile[column];
            }
            let position = counts.iter().position(|&count| count == most).unwrap_or(2);
            [ColumnKind::Code, ColumnKind::Text, ColumnKind::Figure][position]
        })
        .collect()
}
