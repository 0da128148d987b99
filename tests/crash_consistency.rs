//! A run's output is committed as one set (src/write/commit/): these tests kill the binary with
//! SIGKILL at many points of a run, fill the disk under it and take its output folder away, and
//! look at what is left. Kill points come from the library's test hook
//! (`BEGROTING_TEST_PAUSE_AT_STEP`): the run stops at step K of its durable steps (a document
//! written, a file placed, a rename), says so on standard error, and waits; the test then sends
//! SIGKILL. No timing is measured or asserted.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

mod common;
use common::{begroting, fixtures, half_done};

const BINARY: &str = env!("CARGO_BIN_EXE_begroting");

/// A work folder with two input sets: `small/` (the corpus pages) for the previous run, `all/`
/// (corpus pages, the seed, the HTML fixtures and the Kamerstukken in XML, twice over under two
/// names, so that a run of the test build takes more than a second) for the new one.
fn workspace() -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    let sets: [(&str, &[&str], &[&str]); 2] = [
        ("small", &["corpus/pages"], &["a"]),
        ("all", &["corpus/pages", "text", "html", "xml"], &["a", "b"]),
    ];
    for (set, folders, copies) in sets {
        let inputs = work.path().join(set);
        std::fs::create_dir_all(&inputs).unwrap();
        for folder in folders {
            for entry in std::fs::read_dir(fixtures().join(folder)).unwrap().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                for copy in copies {
                    let target = inputs.join(format!("{copy}-{}-{name}", folder.replace('/', "-")));
                    std::fs::copy(entry.path(), target).unwrap();
                }
            }
        }
    }
    work
}

/// The previous run: the corpus pages, with CSV too (so the new set, without CSV, must remove it).
const PREVIOUS: &[&str] = &["extract", "small", "--quiet", "--format", "parquet,json,csv"];
/// The new run, over every format. With `--resume`, so that the cache a killed run leaves is
/// read by the run after it (a reader of the output folder too), and that run is quick.
const NEW: &[&str] = &["extract", "all", "--quiet", "--format", "parquet,json", "--resume"];

/// What a reader sees of an output folder: every visible file with its bytes, except the
/// manifest, which is reduced to the files it names (its run id and time differ between runs).
#[derive(Debug, PartialEq, Eq)]
struct VisibleSet {
    files: BTreeMap<String, Vec<u8>>,
    manifest_files: Option<Vec<serde_json::Value>>,
}

fn visible_set(folder: &Path) -> VisibleSet {
    let mut files = BTreeMap::new();
    let mut manifest_files = None;
    let mut stack = vec![PathBuf::new()];
    while let Some(relative) = stack.pop() {
        for entry in std::fs::read_dir(folder.join(&relative)).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue; // staging, commit, lock and cache folders are the tool's, not the set's
            }
            let path = relative.join(&name);
            if entry.path().is_dir() {
                stack.push(path);
            } else if name == "_manifest.json" {
                let manifest: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(entry.path()).unwrap()).unwrap();
                manifest_files = Some(manifest["files"].as_array().unwrap().clone());
            } else {
                files.insert(path.to_string_lossy().into_owned(), std::fs::read(entry.path()).unwrap());
            }
        }
    }
    VisibleSet { files, manifest_files }
}

fn names(set: &VisibleSet) -> Vec<&str> {
    set.files.keys().map(String::as_str).collect()
}

/// Copies an output folder (the previous set) to `to`, hidden files included.
fn copy_folder(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A run stopped by the hook, and the rest of its standard error (read on a thread, so that the
/// child never blocks on it).
struct Paused {
    child: Child,
    stderr: std::thread::JoinHandle<String>,
}

/// Starts the new run into `out`, paused at `step`; returns it once it has paused, or `None` when
/// it finished before reaching the step.
fn run_paused_at(work: &Path, out: &str, jobs: &str, step: usize) -> Option<Paused> {
    let mut child = Command::new(BINARY)
        .args(NEW)
        .args(["-o", out, "--jobs", jobs])
        .current_dir(work)
        .env("BEGROTING_TEST_PAUSE_AT_STEP", step.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let paused = format!("begroting-test: paused at step {step}:");
    loop {
        match lines.next() {
            Some(Ok(line)) if line.starts_with(&paused) => {
                let stderr =
                    std::thread::spawn(move || lines.map_while(Result::ok).collect::<Vec<_>>().join("\n"));
                return Some(Paused { child, stderr });
            }
            Some(Ok(_)) => {}
            _ => {
                child.wait().unwrap();
                return None;
            }
        }
    }
}

/// The steps of the new run over the previous set, in order, as the hook names them.
fn traced_steps(work: &Path, previous: &Path, jobs: &str) -> Vec<String> {
    let out = work.join("traced");
    copy_folder(previous, &out);
    let output = Command::new(BINARY)
        .args(NEW)
        .args(["-o", "traced", "--jobs", jobs])
        .current_dir(work)
        .env("BEGROTING_TEST_TRACE_STEPS", "1")
        .output()
        .unwrap();
    assert!(matches!(output.status.code(), Some(0 | 2)), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter_map(|line| line.strip_prefix("begroting-test: step "))
        .map(|rest| rest.split_once(": ").expect("step N: what").1.to_string())
        .collect()
}

/// At least 50 kill points: every step of the commit (from the last file staged on) and the
/// document steps spread evenly over the rest of the run.
fn kill_points(steps: &[String]) -> Vec<usize> {
    let commit_from = steps.iter().position(|what| what == "files staged").expect("the run stages its files");
    let mut points: Vec<usize> = (commit_from + 1..=steps.len()).collect();
    let wanted_before = 55usize.saturating_sub(points.len()).max(1);
    for i in 0..wanted_before {
        points.push(1 + i * commit_from / wanted_before);
    }
    points.sort_unstable();
    points.dedup();
    points
}

fn kill_at_many_points(jobs: &str) {
    let work = workspace();
    let previous = work.path().join("previous");
    let first = begroting(&[PREVIOUS, &["-o", "previous"]].concat(), work.path());
    assert!(matches!(first.status.code(), Some(0 | 2)), "{}", String::from_utf8_lossy(&first.stderr));
    let reference = begroting(&[NEW, &["-o", "reference", "--jobs", jobs]].concat(), work.path());
    assert!(matches!(reference.status.code(), Some(0 | 2)), "{}", String::from_utf8_lossy(&reference.stderr));
    let old_set = visible_set(&previous);
    let new_set = visible_set(&work.path().join("reference"));
    assert!(names(&old_set).contains(&"cells.csv") && !names(&new_set).contains(&"cells.csv"));
    assert_ne!(old_set.files.get("cells.json"), new_set.files.get("cells.json"));

    let steps = traced_steps(work.path(), &previous, jobs);
    let points = kill_points(&steps);
    assert!(points.len() >= 50, "{} kill points", points.len());
    let (mut found_old, mut found_new, mut finished_by_reader) = (0, 0, 0);
    let commit_from = steps.iter().position(|what| what == "files staged").unwrap() + 1;
    let mut following_runs = 0;
    for (position, &step) in points.iter().enumerate() {
        let out = work.path().join("out");
        copy_folder(&previous, &out);
        let what = &steps[step - 1];
        let Some(mut paused) = run_paused_at(work.path(), "out", jobs, step) else {
            panic!("jobs {jobs}: the run never reached step {step} ({what})");
        };
        paused.child.kill().unwrap(); // SIGKILL
        paused.child.wait().unwrap();
        paused.stderr.join().unwrap();

        // What a reader trusting only a visible manifest sees: the old set, the new set, or
        // (killed while placing a decided commit) no manifest and a commit folder to finish.
        let seen = visible_set(&out);
        let pending_commit = out.join(".begroting-commit").is_dir();
        if seen.manifest_files.is_some() {
            assert!(seen == old_set || seen == new_set, "jobs {jobs}, step {step} ({what}): a mixed set");
        } else {
            assert!(pending_commit, "jobs {jobs}, step {step} ({what}): no manifest and nothing to finish");
        }

        // A reader (check) finishes a decided commit and reads one whole set.
        let check = begroting(&["check", "out"], work.path());
        let stderr = String::from_utf8_lossy(&check.stderr);
        assert!(
            !stderr.contains("not a complete committed output"),
            "jobs {jobs}, step {step} ({what}): {stderr}"
        );
        let after_reader = visible_set(&out);
        if after_reader == old_set {
            assert!(!pending_commit, "jobs {jobs}, step {step} ({what}): a decided commit was undone");
            found_old += 1;
        } else {
            assert!(
                after_reader == new_set,
                "jobs {jobs}, step {step} ({what}): a mixed set after the reader"
            );
            found_new += 1;
            finished_by_reader += usize::from(pending_commit);
        }

        // The next run succeeds and leaves exactly the new set and nothing half-done: after every
        // kill in the commit, and after every fourth kill before it (a run killed early takes as
        // long again to redo, and the test would take minutes).
        let commit_phase = step > commit_from;
        if !commit_phase && position % 4 != 0 {
            continue;
        }
        following_runs += 1;
        let rerun = begroting(&[NEW, &["-o", "out", "--jobs", jobs]].concat(), work.path());
        assert_eq!(
            rerun.status.code(),
            reference.status.code(),
            "{}",
            String::from_utf8_lossy(&rerun.stderr)
        );
        assert!(visible_set(&out) == new_set, "jobs {jobs}, step {step} ({what}): the rerun's set");
        let leftovers = half_done(&out);
        assert!(leftovers.is_empty(), "jobs {jobs}, step {step} ({what}): {leftovers:?} left");
    }
    // Both outcomes happen: kills before the commit point keep the old set, kills after it the
    // new one (some of them finished by the reader).
    assert!(
        found_old > 0 && found_new > 0 && finished_by_reader > 0,
        "{found_old} {found_new} {finished_by_reader}"
    );
    eprintln!(
        "jobs {jobs}: {} kill points over {} steps: {found_old} left the previous set, {found_new} the new one ({finished_by_reader} finished by the reader), 0 mixed; {following_runs} following runs, 0 failed to recover",
        points.len(),
        steps.len()
    );
}

#[test]
fn sigkill_at_any_step_leaves_the_old_set_or_the_new_one_with_one_job() {
    kill_at_many_points("1");
}

#[test]
fn sigkill_at_any_step_leaves_the_old_set_or_the_new_one_with_two_jobs() {
    kill_at_many_points("2");
}

/// A full disk (here a file-size limit, `ulimit -f`, with SIGXFSZ ignored so that the write fails
/// with EFBIG instead of killing the process) fails the run with an error naming the file, and
/// leaves the previous set and no staging.
#[test]
fn a_full_disk_fails_the_run_and_keeps_the_previous_set() {
    let work = workspace();
    let first = begroting(&[PREVIOUS, &["-o", "out"]].concat(), work.path());
    assert!(matches!(first.status.code(), Some(0 | 2)));
    let out = work.path().join("out");
    let before = visible_set(&out);
    let script = r#"trap '' XFSZ; ulimit -f 256; exec "$0" "$@""#;
    let output = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(BINARY)
        .args(NEW)
        .args(["-o", "out"])
        .current_dir(work.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write out/.begroting-staging/"), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    assert!(visible_set(&out) == before, "the previous set is kept");
    assert!(!out.join(".begroting-staging").exists(), "no staging is left");
    let check = begroting(&["check", "out"], work.path());
    assert!(!String::from_utf8_lossy(&check.stderr).contains("not a complete committed output"));
}

/// The output folder removed while the run writes: the run fails with an error naming the path,
/// and writes nothing in its place.
#[test]
fn a_vanished_output_folder_fails_the_run_clearly() {
    let work = workspace();
    let out = work.path().join("out");
    let mut paused = run_paused_at(work.path(), "out", "1", 10).expect("the run reaches step 10");
    std::fs::remove_dir_all(&out).unwrap();
    paused.child.stdin.take().unwrap().write_all(b"\n").unwrap();
    let status = paused.child.wait().unwrap();
    let stderr = paused.stderr.join().unwrap();
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write out/.begroting-staging/cells.parquet: No such file or directory"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written in its place");
}

/// `check` on a damaged set, a folder without manifest and a commit it cannot finish exits 2 and
/// names what is wrong.
#[test]
fn check_names_what_is_wrong_with_a_damaged_output() {
    let work = workspace();
    let first = begroting(&[PREVIOUS, &["-o", "out"]].concat(), work.path());
    assert!(matches!(first.status.code(), Some(0 | 2)));
    let out = work.path().join("out");
    let tables = std::fs::read(out.join("tables.json")).unwrap();
    std::fs::write(out.join("tables.json"), &tables[..tables.len() / 2]).unwrap();
    let check = begroting(&["check", "out"], work.path());
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(2), "{stderr}");
    let half = tables.len() / 2;
    let expected = format!(
        "out/tables.json differs from _manifest.json: {half} bytes, the manifest says {}",
        tables.len()
    );
    assert!(stderr.contains(&expected), "{stderr}");

    std::fs::remove_file(out.join("_manifest.json")).unwrap();
    let check = begroting(&["check", "out"], work.path());
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("but no manifest (_manifest.json) commits them"), "{stderr}");

    // A stray partition file beside a committed set: a glob reader would read it.
    let rerun = begroting(&[PREVIOUS, &["-o", "out"]].concat(), work.path());
    assert!(matches!(rerun.status.code(), Some(0 | 2)));
    std::fs::create_dir_all(out.join("cells/year=2020")).unwrap();
    std::fs::write(out.join("cells/year=2020/part-00000.parquet"), b"PAR1").unwrap();
    let check = begroting(&["check", "out"], work.path());
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("part-00000.parquet is not part of any committed set"), "{stderr}");
}

/// `--resume` reuses its cache of documents, never the previous set's files, and says so when the
/// set it replaces is not whole; the new set is whole again.
#[test]
fn resume_says_when_the_set_it_replaces_is_not_whole() {
    let work = workspace();
    let first = begroting(&["extract", "small", "-o", "out", "--resume"], work.path());
    assert!(matches!(first.status.code(), Some(0 | 2)));
    let out = work.path().join("out");
    std::fs::remove_file(out.join("report.json")).unwrap();
    let rerun = begroting(&["extract", "small", "-o", "out", "--resume"], work.path());
    let stderr = String::from_utf8_lossy(&rerun.stderr);
    assert!(stderr.contains("note: the previous output is replaced by a whole new set"), "{stderr}");
    assert!(stderr.contains("out/report.json is named by _manifest.json but missing"), "{stderr}");
    let check = begroting(&["check", "out"], work.path());
    assert!(!String::from_utf8_lossy(&check.stderr).contains("not a complete committed output"));
}

/// Shards running at once into one folder and one partitioned dataset: each commits its own files
/// only, and together they hold every cell of a single run.
#[test]
fn shards_committing_at_once_share_one_folder() {
    let work = workspace();
    let single = begroting(&["extract", "all", "-o", "single", "--quiet", "--format", "json"], work.path());
    assert!(matches!(single.status.code(), Some(0 | 2)));
    let cells_of = |path: PathBuf| -> usize {
        let cells: Vec<serde_json::Value> = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        cells.len()
    };
    let expected = cells_of(work.path().join("single/cells.json"));
    let children: Vec<Child> = (0..3)
        .map(|shard| {
            Command::new(BINARY)
                .args(["extract", "all", "-o", "shared", "--quiet", "--format", "parquet,json"])
                .args(["--partition-by", "year", "--shard", &format!("{shard}/3")])
                .current_dir(work.path())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(matches!(output.status.code(), Some(0 | 2)), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let shared = work.path().join("shared");
    let total: usize =
        (0..3).map(|shard| cells_of(shared.join(format!("cells-shard-{shard:05}-of-00003.json")))).sum();
    assert_eq!(total, expected);
    let mut manifest_cells = 0;
    for shard in 0..3 {
        let manifest: serde_json::Value = serde_json::from_slice(
            &std::fs::read(shared.join(format!("_manifest-shard-{shard:05}-of-00003.json"))).unwrap(),
        )
        .unwrap();
        manifest_cells += manifest["cells"].as_u64().unwrap() as usize;
        let parts = manifest["files"].as_array().unwrap().iter().filter(|file| {
            file["path"].as_str().unwrap().ends_with(&format!("part-{shard:05}-of-00003.parquet"))
        });
        assert!(parts.count() > 0, "shard {shard} wrote partition files of its own");
    }
    assert_eq!(manifest_cells, expected);
    let check = begroting(&["check", "shared"], work.path());
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(!stderr.contains("not a complete committed output"), "{stderr}");
}
