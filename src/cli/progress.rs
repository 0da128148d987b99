//! Progress on stderr (indicatif), behind the library's `Observer` trait: bytes with MB/s and
//! ETA, documents done of total, and failures so far. Hidden when stderr is not a terminal or
//! with `--quiet`.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use begroting::batch::Observer;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Bars {
    bar: ProgressBar,
    documents: AtomicUsize,
    total_documents: AtomicUsize,
    failures: AtomicUsize,
}

impl Bars {
    pub fn new(visible: bool) -> Bars {
        let target = if visible { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
        let bar = ProgressBar::with_draw_target(Some(0), target);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {msg}  {binary_bytes}/{binary_total_bytes}  {binary_bytes_per_sec}  ETA {eta}",
            )
            .expect("valid progress template"),
        );
        Bars {
            bar,
            documents: AtomicUsize::new(0),
            total_documents: AtomicUsize::new(0),
            failures: AtomicUsize::new(0),
        }
    }

    /// Prints a line above the bar (or plainly when the bar is hidden).
    pub fn println(&self, line: String) {
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.println(line);
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }

    fn update_message(&self) {
        let done = self.documents.load(Ordering::Relaxed);
        let total = self.total_documents.load(Ordering::Relaxed);
        let failures = self.failures.load(Ordering::Relaxed);
        let failed = if failures > 0 { format!(", {failures} failed") } else { String::new() };
        self.bar.set_message(format!("{done}/{total} docs{failed}"));
    }
}

impl Observer for Bars {
    fn started(&self, inputs: usize, bytes: u64) {
        self.total_documents.store(inputs, Ordering::Relaxed);
        self.bar.set_length(bytes);
        self.update_message();
    }

    fn finished(&self, _path: &Path, bytes: u64, failed: bool) {
        self.documents.fetch_add(1, Ordering::Relaxed);
        if failed {
            self.failures.fetch_add(1, Ordering::Relaxed);
        }
        self.bar.inc(bytes);
        self.update_message();
    }
}
