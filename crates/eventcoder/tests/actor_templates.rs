//! Actor templates over every UN member state: a role "of" a state ("the president of Peru",
//! "the Minister of Foreign Affairs of the Republic of X", "foreign ministers of A and B") must
//! resolve to that state's government, for every state the lexicon knows, not just the
//! well-known ones. Each test reports its pass rate and fails under its floor.

use eventcoder::{Article, Coder, Event};

/// The UN member states (canonical names and ISO3 codes) in lexicon order.
fn members(coder: &Coder) -> Vec<(String, String)> {
    let states: Vec<(String, String)> = coder
        .lexicon()
        .states
        .iter()
        .filter(|s| s.status == "member")
        .map(|s| (s.name.to_string(), s.iso3.to_string()))
        .collect();
    assert_eq!(states.len(), 193, "the lexicon lists the 193 UN members");
    states
}

fn has(events: &[Event], src: &str, root: &str, tgt: &str) -> bool {
    events.iter().any(|e| {
        e.cameo.root == root
            && e.source.as_ref().and_then(|a| a.country.as_deref()) == Some(src)
            && e.target.as_ref().and_then(|a| a.country.as_deref()) == Some(tgt)
            && e.source.as_ref().and_then(|a| a.sector).map(|s| s.as_str()) == Some("GOV")
    })
}

/// Runs `template` (with `{X}` and `{Y}` for two neighbouring states in the list) over every
/// member state and returns the failures.
fn run(template: &str, root: &str, symmetric: bool) -> (usize, Vec<String>) {
    let coder = Coder::new();
    let states = members(&coder);
    let mut failures = Vec::new();
    for (i, (x, xc)) in states.iter().enumerate() {
        let (y, yc) = &states[(i + 1) % states.len()];
        let text = template.replace("{X}", x).replace("{Y}", y);
        let doc = coder
            .code(
                &Article::new("t", &text)
                    .with_published_str("2024-05-06")
                    .unwrap(),
            )
            .unwrap();
        let ok = has(&doc.events, xc, root, yc) || symmetric && has(&doc.events, yc, root, xc);
        if !ok {
            let got: Vec<String> = doc.events.iter().map(|e| e.to_string()).collect();
            failures.push(format!("{text} -> {got:?}"));
        }
    }
    (states.len(), failures)
}

fn check(template: &str, root: &str, symmetric: bool, floor: f64) {
    let (n, failures) = run(template, root, symmetric);
    let rate = (n - failures.len()) as f64 / n as f64;
    eprintln!("{template}: {}/{n} ({rate:.3})", n - failures.len());
    for f in failures.iter().take(10) {
        eprintln!("  {f}");
    }
    assert!(rate >= floor, "{template}: {rate:.3} < {floor}");
}

#[test]
fn president_of_x_held_talks_with_prime_minister_of_y() {
    check(
        "The president of {X} held talks with the prime minister of {Y} on Monday.",
        "04",
        true,
        0.97,
    );
}

#[test]
fn minister_of_foreign_affairs_of_the_republic() {
    check(
        "The Minister of Foreign Affairs of {X} accused the government of {Y} of violating the agreement.",
        "11",
        false,
        0.97,
    );
}

#[test]
fn foreign_ministers_of_x_and_y_signed() {
    check(
        "The foreign ministers of {X} and {Y} signed a cooperation agreement in the capital on Tuesday.",
        "05",
        true,
        0.97,
    );
}

#[test]
fn excellency_apposition() {
    check(
        "His Excellency Mr Daniel Okonkwo-Baptiste, President of the Republic of {X}, met the ambassador of {Y} on Friday.",
        "04",
        true,
        0.97,
    );
}

/// Names the lexicon does not know: the event is kept with an unresolved source (no code), its
/// confidence lowered; introduced people keep their role for the rest of the article.
#[test]
fn unknown_and_introduced_names() {
    let coder = Coder::new();
    let code = |text: &str| {
        coder
            .code(
                &Article::new("t", text)
                    .with_published_str("2023-05-02")
                    .unwrap(),
            )
            .unwrap()
            .events
    };
    let e = code("Smith criticized Russia on Monday.");
    let crit = e
        .iter()
        .find(|e| e.cameo.root == "11")
        .expect("a criticism");
    let src = crit.source.as_ref().unwrap();
    assert_eq!((src.text.as_str(), src.code.as_deref()), ("Smith", None));
    assert!(crit.confidence < 0.75 && !crit.is_resolved_dyad());
    let strict = coder
        .with_options(eventcoder::CoderOptions {
            require_dyad: true,
            ..Default::default()
        })
        .unwrap();
    let doc = strict
        .code_text("Smith criticized Russia on Monday.", None)
        .unwrap();
    assert!(
        doc.events.is_empty(),
        "require_dyad drops unresolved actors"
    );

    // A lone capitalized common noun opening a sentence is not a name.
    assert!(code("Exports hit a record in March.").is_empty());

    // Introduced once with role and state, then by surname and with a courtesy title.
    let e = code(
        "Chile's deputy foreign minister Ana Ruiz arrived in Lima on Monday. \
         Ruiz accused Peru of violating the treaty. Ms. Ruiz also met Bolivian officials.",
    );
    assert!(has(&e, "CHL", "11", "PER"), "{e:?}");
    assert!(has(&e, "CHL", "04", "BOL"), "{e:?}");

    // Coordinated names share the role before them.
    let e = code(
        "Canadian citizens Michael Kovrig and Michael Spavor were detained by Chinese authorities in December.",
    );
    assert!(
        e.iter()
            .all(|e| e.target.as_ref().is_some_and(|t| t.code.is_some()))
    );
}
