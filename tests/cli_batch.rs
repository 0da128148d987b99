//! End-to-end tests of batch extraction at scale, over text, HTML and XML inputs together:
//! determinism across job counts, shards whose union equals a single run, `--resume` equal to a
//! full rerun, Hive partitions, gzip and standard input, and output directories that cannot be
//! written. Each test runs the binary in its own
//! temporary directory.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use polars::prelude::SerReader;

mod common;
use common::{begroting, fixtures, half_done};

/// A work directory holding a copy of the corpus pages, the seed, the HTML fixtures and the real
/// Kamerstukken in XML (so paths are relative and equal between runs, and every batch test runs
/// over every format).
fn workspace() -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    let inputs = work.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    for directory in ["corpus/pages", "text", "html", "xml"] {
        for entry in std::fs::read_dir(fixtures().join(directory)).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let target = inputs.join(format!("{}-{name}", directory.replace('/', "-")));
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
    work
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn json_lines(path: &Path) -> BTreeSet<String> {
    let cells: Vec<serde_json::Value> = serde_json::from_str(&read(path)).unwrap();
    cells.iter().map(|cell| cell.to_string()).collect()
}

/// Extracts `in` with `extra` arguments; cells.json too unless `extra` names the formats (the
/// tests compare cells as JSON).
fn extract(work: &Path, extra: &[&str]) -> Output {
    let mut arguments = vec!["extract", "in", "--quiet"];
    arguments.extend_from_slice(extra);
    if !extra.contains(&"--format") {
        arguments.extend_from_slice(&["--format", "parquet,json"]);
    }
    begroting(&arguments, work)
}

#[test]
fn same_output_with_one_job_or_two() {
    let work = workspace();
    let one = extract(work.path(), &["-o", "one", "--jobs", "1", "--format", "parquet,json,csv"]);
    assert!(matches!(one.status.code(), Some(0 | 2)), "{}", String::from_utf8_lossy(&one.stderr));
    let two = extract(work.path(), &["-o", "two", "--jobs", "2", "--format", "parquet,json,csv"]);
    assert_eq!(one.status.code(), two.status.code());
    for file in ["cells.json", "cells.csv", "tables.json"] {
        assert_eq!(
            read(&work.path().join("one").join(file)),
            read(&work.path().join("two").join(file)),
            "{file} differs"
        );
    }
    let parquet = |dir: &str| std::fs::read(work.path().join(dir).join("cells.parquet")).unwrap();
    assert_eq!(parquet("one"), parquet("two"), "cells.parquet differs");
    let cells = json_lines(&work.path().join("one/cells.json"));
    assert!(cells.len() > 2000, "the corpus gives thousands of cells, got {}", cells.len());
}

#[test]
fn shards_together_equal_a_single_run() {
    let work = workspace();
    extract(work.path(), &["-o", "all"]);
    let mut union = BTreeSet::new();
    let mut sources = Vec::new();
    // All three shards share one output folder: each writes only files named for it.
    let shared = work.path().join("shards");
    for shard in 0..3 {
        extract(work.path(), &["-o", "shards", "--shard", &format!("{shard}/3")]);
        let name = |base: &str| format!("{base}-shard-{shard:05}-of-00003.json");
        let shard_cells = json_lines(&shared.join(name("cells")));
        let overlap = union.intersection(&shard_cells).count();
        assert_eq!(overlap, 0, "shards never share a document");
        union.extend(shard_cells);
        let report: Vec<serde_json::Value> =
            serde_json::from_str(&read(&shared.join(name("report")))).unwrap();
        sources.extend(report.iter().map(|entry| entry["source"].as_str().unwrap().to_string()));
        let check = begroting(&["check", "shards"], work.path());
        let stderr = String::from_utf8_lossy(&check.stderr);
        if shard < 2 {
            assert_eq!(check.status.code(), Some(2), "{stderr}");
            let missing = if shard == 0 { "shards 1, 2 of 3" } else { "shards 2 of 3" };
            assert!(stderr.contains(&format!("{missing} have not committed")), "{stderr}");
        } else {
            assert!(!stderr.contains("not a complete committed output"), "{stderr}");
        }
    }
    assert_eq!(union, json_lines(&work.path().join("all/cells.json")));
    let all: Vec<serde_json::Value> =
        serde_json::from_str(&read(&work.path().join("all/report.json"))).unwrap();
    let mut expected: Vec<String> =
        all.iter().map(|entry| entry["source"].as_str().unwrap().to_string()).collect();
    expected.sort();
    sources.sort();
    assert_eq!(sources, expected, "every input in exactly one shard");
    let bad = extract(work.path(), &["-o", "x", "--shard", "3/3"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--shard takes I/N"));
}

#[test]
fn resume_equals_a_full_rerun() {
    let work = workspace();
    extract(work.path(), &["-o", "out", "--resume"]);
    let cache = work.path().join("out/.begroting-cache");
    let cached = std::fs::read_dir(&cache).unwrap().count();
    assert!(cached > 30, "every extracted document is cached ({cached})");
    // Change one document: its cells must change, the others are reused.
    let changed = work.path().join("in/text-veiligheidsagenda-owb-2022-VI.txt");
    let text = read(&changed).replace("1.522", "1.523");
    std::fs::write(&changed, text).unwrap();
    extract(work.path(), &["-o", "out", "--resume"]);
    extract(work.path(), &["-o", "full"]);
    assert_eq!(read(&work.path().join("out/cells.json")), read(&work.path().join("full/cells.json")));
    assert!(read(&work.path().join("out/cells.json")).contains("\"raw\":\"1.523\""));
    let report: Vec<serde_json::Value> =
        serde_json::from_str(&read(&work.path().join("out/report.json"))).unwrap();
    assert!(
        report
            .iter()
            .filter(|e| e["status"] == "ok")
            .all(|e| e["content_hash"].as_str().is_some_and(|h| h.len() == 16))
    );
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), cached, "the stale entry was pruned");
    // The Kamerstukken in XML went through the batch and the resume like every other input.
    for kamerstuk in ["in/xml-kst-37020-X-1.xml", "in/xml-kst-35470-XIV-4.xml"] {
        let entry = report.iter().find(|e| e["source"] == kamerstuk).unwrap_or_else(|| panic!("{kamerstuk}"));
        assert_eq!(entry["status"], "ok", "{entry}");
        assert!(entry["tables"].as_u64().is_some_and(|tables| tables >= 2), "{entry}");
    }
    assert!(read(&work.path().join("out/cells.json")).contains("\"dossier\":\"37020\""));
}

#[test]
fn hive_partitions_hold_every_cell() {
    let work = workspace();
    extract(work.path(), &["-o", "flat", "--format", "parquet"]);
    extract(work.path(), &["-o", "lake", "--partition-by", "year,doc_type", "--format", "parquet"]);
    let seed = work.path().join("lake/cells/year=2022/doc_type=OWB/part-00000.parquet");
    assert!(seed.is_file(), "the seed's partition exists");
    let unknown = work.path().join("lake/cells/year=__HIVE_DEFAULT_PARTITION__");
    assert!(unknown.is_dir(), "documents without a year go to Hive's null partition");
    let mut rows = 0;
    let mut stack = vec![work.path().join("lake/cells")];
    while let Some(directory) = stack.pop() {
        for entry in std::fs::read_dir(directory).unwrap().flatten() {
            if entry.path().is_dir() {
                stack.push(entry.path());
            } else {
                let file = std::fs::File::open(entry.path()).unwrap();
                let frame = polars::prelude::ParquetReader::new(file).finish().unwrap();
                assert!(frame.column("year").is_err(), "partition columns live in the path");
                rows += frame.height();
            }
        }
    }
    let flat = polars::prelude::ParquetReader::new(
        std::fs::File::open(work.path().join("flat/cells.parquet")).unwrap(),
    )
    .finish()
    .unwrap();
    assert_eq!(rows, flat.height());

    // A rerun replaces the dataset: a partition file no longer written is removed.
    let stale = work.path().join("lake/cells/year=1999/doc_type=OWB");
    std::fs::create_dir_all(&stale).unwrap();
    std::fs::copy(&seed, stale.join("part-00000.parquet")).unwrap();
    extract(work.path(), &["-o", "lake", "--partition-by", "year,doc_type", "--format", "parquet"]);
    assert!(!stale.exists(), "the stale partition and its directory are gone");
    assert!(seed.is_file());
    let refused = extract(work.path(), &["-o", "x", "--partition-by", "year", "--format", "json"]);
    assert_eq!(refused.status.code(), Some(2), "partitions need parquet");
}

#[test]
fn gzip_and_standard_input_read_like_plain_files() {
    use std::io::Write;
    let work = tempfile::tempdir().unwrap();
    let seed = read(&fixtures().join("text/veiligheidsagenda-owb-2022-VI.txt"));
    std::fs::write(work.path().join("seed.txt"), &seed).unwrap();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(seed.as_bytes()).unwrap();
    std::fs::write(work.path().join("packed.txt.gz"), encoder.finish().unwrap()).unwrap();
    begroting(&["extract", "seed.txt", "-o", "plain", "--quiet", "--format", "json"], work.path());
    begroting(&["extract", "packed.txt.gz", "-o", "packed", "--quiet", "--format", "json"], work.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_begroting"))
        .args(["extract", "-", "-o", "stdin", "--quiet", "--format", "json"])
        .current_dir(work.path())
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(seed.as_bytes()).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));
    let raw_values = |dir: &str| -> Vec<String> {
        let cells: Vec<serde_json::Value> =
            serde_json::from_str(&read(&work.path().join(dir).join("cells.json"))).unwrap();
        cells.iter().map(|c| format!("{}|{}|{}", c["row_label"], c["column_header"], c["raw"])).collect()
    };
    assert_eq!(raw_values("plain").len(), 64, "Tabel 2: 16 rows × 4 columns");
    assert_eq!(raw_values("plain"), raw_values("packed"));
    assert_eq!(raw_values("plain"), raw_values("stdin"));
    let stdin_cells: Vec<serde_json::Value> =
        serde_json::from_str(&read(&work.path().join("stdin/cells.json"))).unwrap();
    assert_eq!(stdin_cells[0]["doc_id"], "stdin");
}

#[test]
fn an_output_that_cannot_be_written_is_an_error_and_leaves_nothing() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(
        work.path().join("seed.txt"),
        read(&fixtures().join("text/veiligheidsagenda-owb-2022-VI.txt")),
    )
    .unwrap();
    std::fs::write(work.path().join("blocker"), "a file where the output directory should be").unwrap();
    let output = begroting(
        &["extract", "seed.txt", "-o", "blocker/out", "--quiet", "--format", "parquet,json"],
        work.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("blocker/out"), "the error names the directory: {stderr}");

    // A previous complete output survives a failed run: here the second run's writer fails
    // because a directory stands where report.json must go.
    begroting(&["extract", "seed.txt", "-o", "out", "--quiet", "--format", "parquet,json"], work.path());
    let before = read(&work.path().join("out/cells.json"));
    std::fs::remove_file(work.path().join("out/report.json")).unwrap();
    std::fs::create_dir(work.path().join("out/report.json")).unwrap();
    let failed =
        begroting(&["extract", "seed.txt", "-o", "out", "--quiet", "--format", "parquet,json"], work.path());
    assert_eq!(failed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("report.json"));
    let leftovers: Vec<_> = std::fs::read_dir(work.path().join("out"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left");
    assert_eq!(read(&work.path().join("out/cells.json")).len(), before.len());
}

/// Ctrl-C in the middle of a run: the run says it is stopping, stops, exits 2 saying it was
/// interrupted, and the previous complete output stays exactly as it was, with no temporary file
/// left. The second run's last input is standard input, which the test holds open until the run
/// has said it is stopping, so the signal surely comes while the run is going; it is sent once
/// the writer's temporary files exist (the handler is in place by then).
#[test]
fn ctrl_c_stops_the_run_and_keeps_the_previous_output() {
    use std::io::BufRead;
    for jobs in ["1", "2"] {
        let work = tempfile::tempdir().unwrap();
        let seed = read(&fixtures().join("text/veiligheidsagenda-owb-2022-VI.txt"));
        std::fs::write(work.path().join("seed.txt"), &seed).unwrap();
        let first = begroting(
            &["extract", "seed.txt", "-o", "out", "--quiet", "--format", "parquet,json"],
            work.path(),
        );
        assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
        let out = work.path().join("out");
        let before: Vec<(String, Vec<u8>)> = ["cells.json", "cells.parquet", "tables.json", "report.json"]
            .iter()
            .map(|name| (name.to_string(), std::fs::read(out.join(name)).unwrap()))
            .collect();

        let mut child = Command::new(env!("CARGO_BIN_EXE_begroting"))
            .args([
                "extract",
                "seed.txt",
                "-",
                "-o",
                "out",
                "--quiet",
                "--format",
                "parquet,json",
                "--jobs",
                jobs,
            ])
            .current_dir(work.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let (lines_sender, lines) = std::sync::mpsc::channel::<String>();
        let stderr = child.stderr.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = lines_sender.send(line);
            }
        });
        // The run's files are staged in OUT/.begroting-staging until its commit.
        let staging = out.join(".begroting-staging");
        let temporary_files = || std::fs::read_dir(&staging).map(|entries| entries.count()).unwrap_or(0);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while temporary_files() == 0 {
            assert!(std::time::Instant::now() < deadline, "the run never started writing");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let signal = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
        assert!(signal.success());
        let mut stderr_lines = Vec::new();
        loop {
            let line =
                lines.recv_timeout(std::time::Duration::from_secs(120)).expect("the run says it is stopping");
            let stopping = line.contains("stopping after the documents in flight");
            stderr_lines.push(line);
            if stopping {
                break;
            }
        }
        // The held document ends (empty); the run notices the stop and gives up.
        drop(child.stdin.take());
        let status = child.wait().unwrap();
        reader.join().unwrap();
        stderr_lines.extend(lines.try_iter());
        let stderr = stderr_lines.join("\n");
        assert_eq!(status.code(), Some(2), "jobs {jobs}: {stderr}");
        assert!(stderr.contains("interrupted before the run finished"), "jobs {jobs}: {stderr}");
        for (name, bytes) in &before {
            assert!(&std::fs::read(out.join(name)).unwrap() == bytes, "jobs {jobs}: {name} changed");
        }
        let left = half_done(&out);
        assert!(left.is_empty(), "jobs {jobs}: nothing half-done is left: {left:?}");
    }
}
