//! Per-stage timings on a folder of documents, without writing any output: how long decoding,
//! the reader alone, every stage of the pipeline, walking the long-format cells, and
//! serializing the cells as JSON and CSV (on documents extracted beforehand) take, in MB/s of
//! input on one core. The end-to-end figures (with writing, against pandas) come from
//! `benches/run.py`; this target tells which stage a change made faster or slower.
//!
//!     cargo bench --no-default-features --bench stages -- /tmp/begroting-bench-2000/html
//!
//! It builds without polars (seconds, not minutes). Every file is read into memory first, so the
//! disk is not timed. Each stage runs `--rounds` times (default 3) and the fastest round counts.

use std::path::PathBuf;
use std::time::Instant;

use begroting::frame::for_each_cell;
use begroting::pipeline::{self, Document, DocumentInput, ExtractOptions};
use begroting::read;
use begroting::source::{self, SourceFormat};
use begroting::write::cell_text::{self, JsonFraming};

fn main() {
    let mut folders = Vec::new();
    let mut rounds = 3;
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--bench" => {}
            "--rounds" => rounds = arguments.next().and_then(|n| n.parse().ok()).unwrap_or(3),
            _ => folders.push(PathBuf::from(argument)),
        }
    }
    if folders.is_empty() {
        eprintln!("usage: cargo bench --no-default-features --bench stages -- FOLDER... [--rounds N]");
        std::process::exit(2);
    }
    let mut documents: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for folder in &folders {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
            .unwrap_or_else(|error| panic!("cannot list {}: {error}", folder.display()))
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| SourceFormat::from_extension(path).is_some())
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
            documents.push((path, bytes));
        }
    }
    let megabytes = documents.iter().map(|(_, bytes)| bytes.len()).sum::<usize>() as f64 / 1e6;
    println!("{} documents, {megabytes:.1} MB", documents.len());

    let decoded: Vec<(DocumentInput, String)> = documents
        .iter()
        .map(|(path, bytes)| {
            let text = source::decode(path, bytes).expect("decodes").text;
            let format = SourceFormat::from_extension(path).expect("known extension");
            (DocumentInput::new(path, format), text)
        })
        .collect();
    let options = ExtractOptions::default();

    let time = |name: &str, stage: &dyn Fn() -> usize| {
        let mut best = f64::INFINITY;
        let mut count = 0;
        for _ in 0..rounds {
            let started = Instant::now();
            count = stage();
            best = best.min(started.elapsed().as_secs_f64());
        }
        println!(
            "{name:<34} {best:>7.3} s {:>8.1} MB/s {:>8.0} docs/s  ({count})",
            megabytes / best,
            documents.len() as f64 / best
        );
    };
    time("decode", &|| {
        documents.iter().map(|(path, bytes)| source::decode(path, bytes).map_or(0, |d| d.text.len())).sum()
    });
    time("reader only (tables)", &|| {
        decoded
            .iter()
            .map(|(input, text)| match input.format {
                SourceFormat::Html => read::html::read_html(text).tables.len(),
                SourceFormat::Text => read::text::read_text(text).tables.len(),
                SourceFormat::Xml => read::xml::read_official_xml(text).outcome.tables.len(),
            })
            .sum()
    });
    time("every stage (tables)", &|| {
        decoded.iter().map(|(input, text)| pipeline::extract_str(input, text, &options).tables.len()).sum()
    });
    time("every stage + cell walk (cells)", &|| {
        decoded
            .iter()
            .map(|(input, text)| {
                let document = pipeline::extract_str(input, text, &options);
                for_each_cell(&document, |_| Ok::<(), ()>(())).unwrap_or_default()
            })
            .sum()
    });
    // What writing costs on its own, on documents extracted beforehand (MB/s still of input).
    let documents: Vec<Document> =
        decoded.iter().map(|(input, text)| pipeline::extract_str(input, text, &options)).collect();
    time("JSON cells alone (bytes)", &|| {
        let mut out = Vec::new();
        documents
            .iter()
            .map(|document| {
                out.clear();
                cell_text::json_cells(document, JsonFraming::ArrayItem, &mut out);
                out.len()
            })
            .sum()
    });
    time("CSV cells alone (bytes)", &|| {
        let mut out = Vec::new();
        documents
            .iter()
            .map(|document| {
                out.clear();
                cell_text::csv_lines(document, &mut out);
                out.len()
            })
            .sum()
    });
    #[cfg(feature = "frames")]
    {
        use begroting::write::OutputFormat;
        write_alone(
            &documents,
            megabytes,
            rounds,
            "writing alone (default output)",
            &[OutputFormat::Parquet],
        );
        write_alone(
            &documents,
            megabytes,
            rounds,
            "writing alone (parquet,json)",
            &[OutputFormat::Parquet, OutputFormat::Json],
        );
    }
}

/// The whole output of a run in the given cell formats (with `tables.json` and `report.json`,
/// as always) written by the run writer on one thread from documents extracted beforehand: what
/// writing alone costs, the floor under any end-to-end figure. Needs the `frames` feature
/// (polars):
///
///     cargo bench --bench stages -- FOLDER
#[cfg(feature = "frames")]
fn write_alone(
    documents: &[Document],
    megabytes: f64,
    rounds: usize,
    name: &str,
    formats: &[begroting::write::OutputFormat],
) {
    use begroting::batch::{Outcome, Processed};
    use begroting::write::{RunLayout, RunWriter};
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let layout = RunLayout { formats: formats.to_vec(), ..RunLayout::default() };
        let inputs: Vec<Processed> = documents
            .iter()
            .map(|document| Processed {
                bytes: 0,
                outcome: Outcome::Done(Box::new(document.clone())),
                content_hash: None,
            })
            .collect();
        let started = Instant::now();
        let mut writer = RunWriter::create(directory.path(), layout).expect("the writer starts");
        for processed in inputs {
            writer.add(processed).expect("written");
        }
        writer.finish().expect("finished");
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!("{name:<34} {best:>7.3} s {:>8.1} MB/s", megabytes / best);
}
