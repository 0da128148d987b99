//! Any text as a Dutch number: no panic; a value only for numbers and percentages; a value
//! formatted Dutch-style reads back as itself.
#![no_main]

use begroting::normalize::number::{format_dutch_number, parse_dutch_number};
use begroting::ValueKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let parsed = parse_dutch_number(text);
    match parsed.kind {
        ValueKind::Number | ValueKind::Percent => {
            let value = parsed.value.expect("numbers have values");
            assert!(value.is_finite() || text.len() > 300);
            if value.is_finite() && value.abs() < 1e15 && value.fract() == 0.0 {
                let printed = format_dutch_number(value, 0);
                assert_eq!(parse_dutch_number(&printed).value, Some(value), "{printed}");
            }
        }
        _ => assert!(parsed.value.is_none(), "non-numbers never carry a value"),
    }
});
