//! Findings as JUnit XML, the format CI systems show as test results.
//!
//! One test suite per rule, one test case per document (and one for the run as a whole); a case
//! fails when it has a finding at or above the `--fail-on` severity, and lists every finding of
//! it in the failure text. Rules without findings still appear as passing cases, so a CI system
//! shows what was checked.

use std::collections::BTreeMap;

use crate::check::{Finding, Severity};

/// The rules every run reports, found or not: every rule of docs/check.md's table, in its order
/// (a test holds the two to each other).
pub const RULES: &[&str] = &[
    "totals",
    "waarvan",
    "footnotes",
    "placement",
    "values",
    "keys",
    "years",
    "coverage",
    "confidence",
    "overrides",
    "expect",
    "golden",
    "extract",
];

fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&apos;".to_string(),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => " ".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// Renders findings as JUnit XML. `documents` are the ids of every checked document.
pub fn to_junit(findings: &[Finding], documents: &[String], fail_on: Severity) -> String {
    let mut by_rule: BTreeMap<&str, BTreeMap<String, Vec<&Finding>>> = BTreeMap::new();
    for rule in RULES {
        let cases = by_rule.entry(rule).or_default();
        for document in documents {
            cases.entry(document.clone()).or_default();
        }
    }
    for finding in findings {
        let document = if finding.doc_id.is_empty() { "(run)".to_string() } else { finding.doc_id.clone() };
        by_rule.entry(finding.rule).or_default().entry(document).or_default().push(finding);
    }
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let total_cases: usize = by_rule.values().map(BTreeMap::len).sum();
    let total_failures: usize = by_rule
        .values()
        .flat_map(BTreeMap::values)
        .filter(|found| found.iter().any(|f| f.severity >= fail_on))
        .count();
    xml.push_str(&format!(
        "<testsuites name=\"begroting check\" tests=\"{total_cases}\" failures=\"{total_failures}\">\n"
    ));
    for (rule, cases) in &by_rule {
        let failures = cases.values().filter(|found| found.iter().any(|f| f.severity >= fail_on)).count();
        xml.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\">\n",
            escape(rule),
            cases.len()
        ));
        for (document, found) in cases {
            xml.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{}\">",
                escape(rule),
                escape(document)
            ));
            let failing: Vec<&&Finding> = found.iter().filter(|f| f.severity >= fail_on).collect();
            if !failing.is_empty() {
                let text: Vec<String> = found.iter().map(|f| f.to_string()).collect();
                xml.push_str(&format!(
                    "\n      <failure message=\"{} finding(s)\">{}</failure>\n    ",
                    failing.len(),
                    escape(&text.join("\n"))
                ));
            } else if !found.is_empty() {
                let text: Vec<String> = found.iter().map(|f| f.to_string()).collect();
                xml.push_str(&format!("\n      <system-out>{}</system-out>\n    ", escape(&text.join("\n"))));
            }
            xml.push_str("</testcase>\n");
        }
        xml.push_str("  </testsuite>\n");
    }
    xml.push_str("</testsuites>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One suite per rule the documentation lists, so a CI system shows every check.
    #[test]
    fn every_documented_rule_is_a_suite() {
        let docs = include_str!("../../docs/check.md");
        let table =
            &docs[docs.find("## Built-in rules").unwrap()..docs.find("## Expectation files").unwrap()];
        let documented: Vec<&str> = table
            .lines()
            .filter_map(|line| line.strip_prefix("| `"))
            .filter_map(|rest| rest.split_once('`').map(|(rule, _)| rule))
            .collect();
        assert_eq!(documented, RULES);
        let xml = to_junit(&[], &["a.txt".to_string()], Severity::Error);
        for rule in RULES {
            assert!(xml.contains(&format!("<testsuite name=\"{rule}\"")), "{rule}");
        }
    }
}
