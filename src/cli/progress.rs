//! Progress bars on stderr (indicatif), behind the library's `Observer` trait.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use begroting::batch::Observer;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A documents bar with bytes per second, ETA and failures so far; hidden when not wanted.
pub struct Bars {
    bar: ProgressBar,
    failures: AtomicUsize,
}

impl Bars {
    pub fn new(visible: bool) -> Bars {
        let bar = ProgressBar::with_draw_target(
            Some(0),
            if visible { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() },
        );
        bar.set_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} docs  {binary_bytes_per_sec}  ETA {eta}  {msg}")
                .expect("valid progress template"),
        );
        Bars { bar, failures: AtomicUsize::new(0) }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Observer for Bars {
    fn started(&self, inputs: usize, _bytes: u64) {
        self.bar.set_length(inputs as u64);
    }

    fn finished(&self, _path: &Path, _bytes: u64, failed: bool) {
        if failed {
            let failures = self.failures.fetch_add(1, Ordering::Relaxed) + 1;
            self.bar.set_message(format!("{failures} failed"));
        }
        self.bar.inc(1);
    }
}
