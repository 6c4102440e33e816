//! `eventcoder eval plover-gsr`: runs the CLI's scorer from the core crate.

pub fn plover_gsr(path: &str, misses: bool, json: bool) -> Result<(), String> {
    let report = eventcoder::eval::plover_gsr_file(path).map_err(|e| e.to_string())?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", report.table());
    }
    if misses {
        for m in &report.misses {
            println!(
                "MISS {} gold {} ({}) got {:?}\n     {}",
                m.id, m.gold_type, m.gold_dyad, m.produced, m.text
            );
        }
    }
    Ok(())
}
