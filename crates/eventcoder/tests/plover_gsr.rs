//! Accuracy on the PLOVER gold-standard records (`../shared/eval/plover-gsr/`, not in the
//! repository): the share of records whose gold PLOVER type is produced, and the share where it
//! comes with the gold source and target. Skips with a message where the file is absent.

use eventcoder::Coder;
use eventcoder::eval::{evaluate_plover_gsr, read_plover_gsr};

const GSR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/eval/plover-gsr/PLOVER_GSR_CAMEO.txt"
);

/// Floors below the measured 0.801 and 0.624 (2026-12-02, third session). Raise, never lower.
const MIN_TYPE_RECALL: f64 = 0.80;
const MIN_DYAD_RECALL: f64 = 0.62;

#[test]
fn plover_gold_standard() {
    let text = match std::fs::read_to_string(GSR) {
        Ok(t) => t,
        Err(e) => {
            // The test command (scripts/test-all, so CI) requires it.
            assert!(
                std::env::var("EVENTCODER_REQUIRE_ALL").as_deref() != Ok("1"),
                "PLOVER gold standard not found at {GSR} ({e}) (required: EVENTCODER_REQUIRE_ALL=1)"
            );
            eprintln!("SKIPPED: PLOVER gold standard not found at {GSR} ({e})");
            return;
        }
    };
    let records = read_plover_gsr(&text).expect("readable gold file");
    assert_eq!(records.len(), 322, "322 scored records");
    let report = evaluate_plover_gsr(&Coder::new(), &records);
    eprint!("{}", report.table());
    assert!(
        report.type_recall >= MIN_TYPE_RECALL,
        "type recall {:.3} < {MIN_TYPE_RECALL}",
        report.type_recall
    );
    assert!(
        report.dyad_recall >= MIN_DYAD_RECALL,
        "dyad recall {:.3} < {MIN_DYAD_RECALL}",
        report.dyad_recall
    );
}
