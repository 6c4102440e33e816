//! `eventcoder eval plover-gsr` and `eventcoder eval fixtures`: the core crate's scorers.

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

pub fn fixtures(path: &str, misses: bool, json: bool, min_rows: usize) -> Result<(), String> {
    let coder = eventcoder::Coder::new();
    let report = eventcoder::eval::fixtures::score_file(&coder, path).map_err(|e| e.to_string())?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", report.table(min_rows));
    }
    if misses {
        for m in &report.misses {
            println!("MISS {m}");
        }
    }
    Ok(())
}
