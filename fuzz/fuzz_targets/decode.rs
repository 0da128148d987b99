//! Any bytes through decoding and, when they decode, the reader they sniff as: no panic.
#![no_main]

use std::path::Path;

use begroting::pipeline::extract_bytes;
use begroting::pipeline::ExtractOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = extract_bytes(Path::new("fuzz"), bytes, None, &ExtractOptions::default());
});
