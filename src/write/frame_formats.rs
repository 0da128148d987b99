//! The output formats of the long-format cells, and what each needs from a polars frame.

/// An output format for the long-format cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutputFormat {
    /// `cells.parquet`: typed columns, lists as Parquet lists.
    Parquet,
    /// `cells.json`: one JSON array of objects.
    Json,
    /// `cells.ndjson`: one JSON object per line.
    Ndjson,
    /// `cells.csv`: list columns written as JSON arrays in a text cell.
    Csv,
}

impl OutputFormat {
    /// The file name this format is written to.
    pub fn file_name(self) -> &'static str {
        match self {
            OutputFormat::Parquet => "cells.parquet",
            OutputFormat::Json => "cells.json",
            OutputFormat::Ndjson => "cells.ndjson",
            OutputFormat::Csv => "cells.csv",
        }
    }

    /// The format's name on the command line and in the manifest.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Parquet => "parquet",
            OutputFormat::Json => "json",
            OutputFormat::Ndjson => "ndjson",
            OutputFormat::Csv => "csv",
        }
    }

    /// Reads a format name as given on the command line.
    pub fn parse(name: &str) -> Option<OutputFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "parquet" => Some(OutputFormat::Parquet),
            "json" => Some(OutputFormat::Json),
            "ndjson" | "jsonl" => Some(OutputFormat::Ndjson),
            "csv" => Some(OutputFormat::Csv),
            _ => None,
        }
    }
}
