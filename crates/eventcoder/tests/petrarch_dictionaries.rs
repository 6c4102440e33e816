//! PETRARCH/TABARI dictionaries: the full Phoenix set (`../shared/eval/phoenix/`, not in the
//! repository) loads with no fatal error, its warnings counted; and dictionary sources mix
//! (PETRARCH actors with the built-in verbs, and the reverse), on dictionaries of our own.

use std::time::Instant;

use eventcoder::lexicon::petrarch::PetrarchKind;
use eventcoder::{Article, Coder};

const PHOENIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/phoenix");

fn phoenix_present() -> bool {
    let here = std::path::Path::new(PHOENIX).join("CAMEO.verbpatterns.150430.txt");
    if here.is_file() {
        return true;
    }
    assert!(
        std::env::var("EVENTCODER_REQUIRE_ALL").as_deref() != Ok("1"),
        "Phoenix dictionaries not found at {PHOENIX} (required: EVENTCODER_REQUIRE_ALL=1)"
    );
    eprintln!("SKIPPED: Phoenix dictionaries not found at {PHOENIX}");
    false
}

fn first_event(coder: &Coder, text: &str, date: &str) -> eventcoder::Event {
    let a = Article::new("t", text).with_published_str(date).unwrap();
    let doc = coder.code(&a).unwrap();
    doc.events
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no event in {text:?}"))
}

#[test]
fn phoenix_loads_with_warnings_counted() {
    if !phoenix_present() {
        return;
    }
    let t = Instant::now();
    let coder = Coder::builder()
        .builtin(false)
        .petrarch_dir(PHOENIX)
        .expect("readable")
        .build()
        .expect("no fatal error");
    let took = t.elapsed();
    let lex = coder.lexicon();
    let s = lex.petrarch_summary().expect("a summary");
    eprintln!("{s} (in {took:.2?}, debug build)");
    assert_eq!(
        s.files.len(),
        7,
        "verbs, 3 actor files, agents, discards, issues"
    );
    assert!(s.entries() > 40_000, "{s}");
    // Skipped lines are few, and every warning is counted by kind.
    assert!(s.skipped() * 100 < s.entries(), "{s}");
    assert_eq!(s.warnings.values().sum::<usize>(), lex.warnings().len());
    let (patterns, groups) = (lex.patterns.len(), lex.groups.len());
    assert!(
        patterns > 10_000 && groups > 20_000,
        "{patterns} patterns, {groups} groups"
    );
    assert!(!lex.issues.is_empty());

    // Phoenix alone codes (dated actor codes, as of the date).
    let e = first_event(
        &coder,
        "Barack Obama met Vladimir Putin in Moscow on Monday.",
        "2013-06-18",
    );
    assert_eq!(e.cameo.root, "04", "{e:?}");
    assert!(
        e.rule.contains("CAMEO.verbpatterns.150430.txt:"),
        "{}",
        e.rule
    );
    assert_eq!(e.source.unwrap().code.as_deref(), Some("USAGOV"));

    // Mixed: Phoenix actors with the built-in verbs.
    let mut b = Coder::builder();
    for f in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ] {
        b = b.petrarch_actors(format!("{PHOENIX}/{f}")).unwrap();
    }
    let coder = b.build().unwrap();
    let e = first_event(&coder, "Barack Obama criticized Iran.", "2013-06-18");
    assert!(e.rule.starts_with("builtin:verbs/"), "{}", e.rule);
    assert_eq!(e.source.unwrap().code.as_deref(), Some("USAGOV"));

    // And the reverse: the built-in actors with the Phoenix verbs.
    let coder = Coder::builder()
        .petrarch_verbs(format!("{PHOENIX}/CAMEO.verbpatterns.150430.txt"))
        .unwrap()
        .build()
        .unwrap();
    let e = first_event(
        &coder,
        "Russia expelled 23 British diplomats.",
        "2018-03-17",
    );
    assert_eq!(e.source.unwrap().country.as_deref(), Some("RUS"));
}

const ACTORS: &str = "ERIADOR [ERI]\n+ERIADORIAN\nRHUDAUR [RHU]\nTOM_BOMBADIL\n\t[ERIELI <950601]\n\t[ERIGOV >950531]\n";
const VERBS: &str =
    "--- CHIDE [111] ---\nCHIDE\n+SCOLD {SCOLDS SCOLDED}\n- * FOR_TREASON [112]\n- SAID_* [---]\n";

#[test]
fn own_dictionaries_mix_with_the_builtins() {
    // Our actors, the built-in verbs.
    let coder = Coder::builder()
        .petrarch_str(PetrarchKind::Actors, "own.actors.txt", ACTORS)
        .build()
        .unwrap();
    let e = first_event(&coder, "Eriador accused Rhudaur of spying.", "2001-05-02");
    assert!(e.rule.starts_with("builtin:verbs/"), "{}", e.rule);
    assert_eq!(
        (
            e.source.unwrap().code.as_deref(),
            e.target.unwrap().code.as_deref()
        ),
        (Some("ERI"), Some("RHU"))
    );
    // Dated codes, as of the article's date.
    let e = first_event(
        &coder,
        "Tom Bombadil accused Rhudaur of spying.",
        "1994-01-01",
    );
    assert_eq!(e.source.unwrap().code.as_deref(), Some("ERIELI"));
    let e = first_event(
        &coder,
        "Tom Bombadil accused Rhudaur of spying.",
        "1996-01-01",
    );
    assert_eq!(e.source.unwrap().code.as_deref(), Some("ERIGOV"));

    // The built-in actors, our verbs: the most specific pattern wins, and cites its line.
    let coder = Coder::builder()
        .petrarch_str(PetrarchKind::Verbs, "own.verbs.txt", VERBS)
        .build()
        .unwrap();
    let e = first_event(&coder, "Russia scolded Ukraine for treason.", "2001-05-02");
    assert_eq!(e.cameo.code, "112");
    assert_eq!(e.rule, "own.verbs.txt:4 `- * FOR_TREASON [112]`");
    let e = first_event(&coder, "Russia chided Ukraine.", "2001-05-02");
    assert_eq!(
        (e.cameo.code, e.rule.as_str()),
        ("111", "own.verbs.txt:2 `CHIDE [111]`")
    );

    // Without the built-ins, only what was loaded codes.
    let coder = Coder::builder()
        .builtin(false)
        .petrarch_str(PetrarchKind::Verbs, "own.verbs.txt", VERBS)
        .build()
        .unwrap();
    assert_eq!(coder.lexicon().states.len(), 0);
    let doc = coder.code_text("Russia chided Ukraine.", None).unwrap();
    assert!(
        doc.events
            .iter()
            .all(|e| e.source.as_ref().and_then(|s| s.code.as_ref()).is_none())
    );
}

/// With an issues file, every event lists the issues of its sentences (an empty list when they
/// have none); without one, `issues` is `None`. In HTML the spans point into the markup.
#[test]
fn events_carry_the_issues_of_their_sentences() {
    let issues = "<ISSUE CATEGORY=\"MIGRATION\" TYPE=\"ALL\">\nn:refugee [REFUGEES]\n</ISSUE>\n";
    let coder = Coder::builder()
        .petrarch_str(PetrarchKind::Issues, "own.issues.txt", issues)
        .build()
        .unwrap();
    assert!(coder.lexicon().has_issues());
    let text = "Russia accused Ukraine of shelling a refugee convoy on Monday. \
                Turkey condemned Syria on Tuesday.";
    let doc = coder
        .code(
            &Article::new("t", text)
                .with_published_str("2024-02-01")
                .unwrap(),
        )
        .unwrap();
    let first = doc.events[0].issues.as_ref().expect("a list");
    assert_eq!(first.len(), 1);
    assert_eq!(
        (first[0].code.as_str(), first[0].category.as_str()),
        ("REFUGEES", "MIGRATION")
    );
    assert_eq!(first[0].span.slice(text), "refugee");
    assert_eq!(first[0].text, "refugee");
    let last = doc.events.last().unwrap();
    assert_eq!(last.sentence.index, 1);
    assert_eq!(last.issues.as_deref(), Some(&[][..]));
    assert_eq!(doc.issues.len(), 1);

    // HTML: the span is the markup's, the text the visible text's.
    let html = "<p>Russia&#8217;s army accused Ukraine of shelling a <b>refugee</b> convoy.</p>";
    let doc = coder.code_html(&Article::new("h", html)).unwrap();
    let i = &doc.events[0].issues.as_ref().unwrap()[0];
    assert_eq!(
        (i.span.slice(html), i.text.as_str()),
        ("refugee", "refugee")
    );
    assert_eq!(i.span.start, html.find("refugee").unwrap());
    assert_eq!(doc.issues[0].span, i.span);

    // No issues file: None, and the JSON record has no `issues` field.
    let doc = Coder::new().code_text(text, None).unwrap();
    assert!(doc.events.iter().all(|e| e.issues.is_none()));
    let mut ix = eventcoder::output::CharIndex::new(text);
    let json = serde_json::to_value(eventcoder::output::EventRecord::new(
        &doc.events[0],
        &mut ix,
    ))
    .unwrap();
    assert!(json.get("issues").is_none(), "{json}");
}

/// A PETRARCH pattern is coded as written (no intent or refusal recoding), but an act the text
/// negates or refuses did not happen: it is dropped, or kept marked negated.
#[test]
fn literal_patterns_are_negated_by_the_text() {
    let verbs = "--- SHUN [---] ---\nSHUN\n- * + OVER_TRADE [1621]\n";
    let coder = Coder::builder()
        .petrarch_str(PetrarchKind::Verbs, "own.verbs.txt", verbs)
        .build()
        .unwrap();
    let e = first_event(&coder, "Mexico shunned Peru over trade.", "2001-05-02");
    assert_eq!(e.cameo.code, "1621");
    for text in [
        "Mexico did not shun Peru over trade.",
        "Mexico refused to shun Peru over trade.",
    ] {
        let doc = coder.code_text(text, None).unwrap();
        assert!(
            doc.events.iter().all(|e| e.cameo.code != "1621"),
            "{text}: {:?}",
            doc.events
        );
    }
    let kept = Coder::builder()
        .petrarch_str(PetrarchKind::Verbs, "own.verbs.txt", verbs)
        .keep_negated(true)
        .build()
        .unwrap();
    let doc = kept
        .code_text("Mexico did not shun Peru over trade.", None)
        .unwrap();
    let e = doc.events.iter().find(|e| e.cameo.code == "1621").unwrap();
    assert!(e.negated && e.rule.ends_with("+negated"), "{}", e.rule);
}

#[test]
fn strict_mode_fails_on_a_bad_line_with_its_position() {
    let bad = "ERIADOR [ERI]\nRHUDAUR [RHU <95x]\n";
    let err = Coder::builder()
        .strict(true)
        .petrarch_str(PetrarchKind::Actors, "bad.actors.txt", bad)
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "bad.actors.txt:2:15: bad date \"95x\": YYMMDD or YYYYMMDD"
    );
    let lenient = Coder::builder()
        .petrarch_str(PetrarchKind::Actors, "bad.actors.txt", bad)
        .build()
        .unwrap();
    let s = lenient.lexicon().petrarch_summary().unwrap();
    assert_eq!((s.entries(), s.skipped()), (1, 1));
    assert_eq!(
        s.to_string(),
        "1 PETRARCH/TABARI dictionary: 1 entries read, 1 skipped; warnings: bad_line 1"
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    let samples: [&[u8]; 8] = [
        b"\xff\xfe[\x00]\n+\n&\n---\n- * [\n",
        b"--- A [1:2:3] ---\nA {\n- {|} [0]\n- * &X [01]\n&X\n+&X\n- * &X [02]\n",
        b"<!--\n-->-->[[]]]\n\t[A <]\n[B 1-]\n+_\n!X! = \n!X!!X! [~A]\n{}\n",
        b"<ISSUE CATEGORY=>\nn: [A]\n~\n</ISSUE>\n+\n",
        b"- * *\n--- ---\n\xc3\n{A|B}\n__ [~~]\n[CODE~]\n",
        b"&A\n+&B\n&B\n+&A\n--- V [010] ---\nV\n- * &A [011]\n",
        b"--- V [010] ---\n-V-\n+_+\nKLM_+ [02]\n- ^_$_%_+_* [03]\n",
        b"<TIME>\n<NOUN>\nX [010]\n- Y [011]\n",
    ];
    for bytes in samples {
        let text = String::from_utf8_lossy(bytes);
        for kind in [
            PetrarchKind::Verbs,
            PetrarchKind::Actors,
            PetrarchKind::Agents,
            PetrarchKind::Discards,
            PetrarchKind::Issues,
        ] {
            let coder = Coder::builder()
                .petrarch_str(kind, "x.txt", &text)
                .build()
                .unwrap();
            coder
                .code_text("Russia chided Ukraine over x.", None)
                .unwrap();
        }
    }
}

/// Dictionaries of our own for the PETRARCH-1 coding conventions table below.
const CONV_ACTORS: &str = "NORVIA [NRV]\n+NORVIAN\nTALMARK [TLM]\nOSKARIA [OSK]\nBRELUND [BRL]\n\
VELDREN [NRV]\nRED_HAND_BRIGADE [NRVREB]\nHARBOUR_COUNCIL [TLMGOV]\nNORDIC_CIRCLE [NRCGOV]\n";
const CONV_AGENTS: &str = "PRIME_MINISTER [~GOV]\nLAWMAKER [~LEG]\nOPPOSITION_BLOC [~OPP]\n\
MAIN_OPPOSITION_BLOC [~MOP]\nDEPUTY_PRIME_MINISTER [~GOVDEP]\nRIGHTS_MONITOR [RGM~]\n\
HUMAN_RIGHTS_MONITOR [HRM~]\nSHADOW_CABINET [~SHDGOV]\nCIVIC_WATCH {} [CVW~]\nPRESS [~MED]\nCABINET [~GOV]\n";
const CONV_VERBS: &str = "&NOTAUX\n+DID N'T\n+WILL NOT\n+WO N'T\n+CA N'T\n\n--- SPURN [120] ---\nSPURN\n\
- &NOTAUX * OVER TARIFFS [125]\n- * OVER TARIFFS [121]\n- FIRMLY * [122]\n\n--- CONFER [040] ---\nCONFER\n\
- % * [046:046]\n\n--- STRIKE [190] ---\nSTRIKE\n\n--- STRUCK [193] ---\nSTRUCK\n\n--- HOST [043] ---\nHOST\n\n\
--- PERMIT [060] ---\nPERMIT\n\n--- ACCEPT [030] ---\nACCEPT\n- + * GRAIN $ [071]\n\n--- DEFER [---] ---\nDEFER\n- % HAVE * [191]\n";

/// The dyadic events of `text` with the conventions dictionaries alone: "SRC TGT CODE", sorted.
fn conv_dyads(coder: &Coder, text: &str) -> Vec<String> {
    let a = Article::new("t", text)
        .with_published_str("2003-04-05")
        .unwrap();
    let mut v: Vec<String> = coder
        .code(&a)
        .unwrap()
        .events
        .iter()
        .filter_map(|e| {
            Some(format!(
                "{} {} {}",
                e.source.as_ref()?.code.as_deref()?,
                e.target.as_ref()?.code.as_deref()?,
                e.cameo.code
            ))
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

/// PETRARCH-1's conventions, one row per behaviour: sentences of our own with the dyads
/// expected from the dictionaries above alone.
#[test]
fn petrarch_conventions_table() {
    let coder = Coder::builder()
        .builtin(false)
        .petrarch_str(PetrarchKind::Actors, "conv.actors.txt", CONV_ACTORS)
        .petrarch_str(PetrarchKind::Agents, "conv.agents.txt", CONV_AGENTS)
        .petrarch_str(PetrarchKind::Verbs, "conv.verbs.txt", CONV_VERBS)
        .build()
        .unwrap();
    let table: &[(&str, &[&str])] = &[
        // A role's holder named by an actor entry with the state's own code: the role's code.
        (
            "Norvia Prime Minister Veldren spurned Talmark over tariffs.",
            &["NRVGOV TLM 121"],
        ),
        // A pattern naming the negation before its verb codes the negated act.
        (
            "Norvia Prime Minister Veldren didn't spurn Talmark over tariffs.",
            &["NRVGOV TLM 125"],
        ),
        (
            "Norvia will not spurn Talmark over tariffs.",
            &["NRV TLM 125"],
        ),
        // "won't" and "can't" split as "wo n't" and "ca n't": auxiliaries before a verb.
        ("Norvia won't spurn Talmark over tariffs.", &["NRV TLM 125"]),
        (
            "Norvia can't ever spurn Talmark over tariffs.",
            &["NRV TLM 125"],
        ),
        // Negation no pattern names still drops the act.
        ("Norvia never spurned Talmark.", &[]),
        // A compound subject whose later member carries modifiers no dictionary knows.
        (
            "Norvia and the stubborn Oskaria spurned Talmark.",
            &["NRV TLM 120", "OSK TLM 120"],
        ),
        // A serial comma before the "and".
        (
            "Stern Norvia, the wary Oskaria, and cautious Brelund spurned Talmark.",
            &["BRL TLM 120", "NRV TLM 120", "OSK TLM 120"],
        ),
        // A group named later in the clause is the target, as a state is.
        (
            "Talmark spurned calls from the Red Hand Brigade.",
            &["TLM NRVREB 120"],
        ),
        // After a preposition of place, a group is a party to a PETRARCH pattern (PETRARCH
        // takes the first actor of the verb phrase).
        (
            "Norvia spurned the offer in the Harbour Council.",
            &["NRV TLMGOV 120"],
        ),
        // An agent phrase holding another agent's phrase carries both codes, a prefix code
        // before the other; a code already there is not added twice.
        (
            "Talmark's main opposition bloc spurned Norvia.",
            &["TLMMOPOPP NRV 120"],
        ),
        (
            "The Talmark human rights monitor spurned Norvia.",
            &["RGMHRMTLM NRV 120"],
        ),
        (
            "Talmark's deputy prime minister spurned Norvia.",
            &["TLMGOVDEP NRV 120"],
        ),
        // Words a pattern wants before its verb make it more specific than the bare verb.
        ("Norvia firmly spurned Talmark.", &["NRV TLM 122"]),
        // A prefix agent before the actor it qualifies.
        ("Civic Watch Norvia spurned Talmark.", &["CVWNRV TLM 120"]),
        // A group's code and an agent's: a three-letter code already there is not repeated.
        (
            "The Nordic Circle shadow cabinet spurned Talmark.",
            &["NRCGOVSHD TLM 120"],
        ),
        // `%`: the members of a compound subject are each other's targets, with the paired
        // code both ways; a lone subject codes the bare verb.
        (
            "Norvia and Talmark conferred on Monday.",
            &["NRV TLM 046", "TLM NRV 046"],
        ),
        ("Norvia conferred with Talmark.", &["NRV TLM 040"]),
        // A block verb written as another verb's form ("STRUCK", the past of "strike") is
        // that word: its block codes it, the other verb's codes the other forms.
        ("Norvia struck Talmark.", &["NRV TLM 193"]),
        ("Norvia strikes Talmark.", &["NRV TLM 190"]),
    ];
    for (text, want) in table {
        assert_eq!(conv_dyads(&coder, text), *want, "{text}");
    }
}

/// [`eventcoder::CoderOptions::petrarch_conventions`], one row per behaviour: what the coder
/// infers by default and PETRARCH-1 does not (the dyads without the option, then with it).
#[test]
fn petrarch_conventions_option_table() {
    let builder = || {
        Coder::builder()
            .builtin(false)
            .petrarch_str(PetrarchKind::Actors, "conv.actors.txt", CONV_ACTORS)
            .petrarch_str(PetrarchKind::Agents, "conv.agents.txt", CONV_AGENTS)
            .petrarch_str(PetrarchKind::Verbs, "conv.verbs.txt", CONV_VERBS)
    };
    let default = builder().build().unwrap();
    let petrarch = builder().petrarch_conventions(true).build().unwrap();
    assert!(petrarch.options().petrarch_conventions);
    let table: &[(&str, &[&str], &[&str])] = &[
        // A target from the event's place only where the verb phrase names it.
        (
            "In Talmark, Norvia spurned the offer.",
            &["NRV TLM 120"],
            &[],
        ),
        (
            "Norvia spurned the offer in Talmark.",
            &["NRV TLM 120"],
            &["NRV TLM 120"],
        ),
        // No state for an agent from the actors named before it ...
        (
            "Talmark spurned Norvia. The prime minister spurned Oskaria.",
            &["TLM NRV 120", "TLMGOV OSK 120"],
            &["GOV OSK 120", "TLM NRV 120"],
        ),
        // ... but from a place phrase of its own, one noun phrase for PETRARCH.
        (
            "Lawmakers in Talmark spurned Norvia.",
            &["TLMLEG NRV 120"],
            &["TLMLEG NRV 120"],
        ),
        // A subject whose head is no actor still has the actor it holds.
        (
            "Talmark's trade figures spurned Norvia.",
            &[],
            &["TLM NRV 120"],
        ),
        // An agentless passive keeps its subject as the source.
        (
            "Talmark was firmly spurned in its quarrel with Norvia.",
            &[],
            &["TLM NRV 122"],
        ),
        // The target is the first actor of the verb's lower phrase: across "that" and a
        // subordinate clause, past a pronoun ("their"), and before a comma.
        (
            "Norvia permitted that Talmark is a fair place to trade.",
            &[],
            &["NRV TLM 060"],
        ),
        (
            "Norvia and Oskaria have deferred their summit after Talmark was sighted near the strait.",
            &["NRV OSK 191", "OSK NRV 191"],
            &["NRV TLM 191", "OSK TLM 191"],
        ),
        ("Norvia permitted the trade, Talmark said.", &[], &[]),
        // A comma-delimited clause of 2 to 8 words is dropped: nothing in it is coded ...
        (
            "Norvia spurned Talmark, Oskaria struck Brelund.",
            &["NRV TLM 120", "OSK BRL 193"],
            &["NRV TLM 120"],
        ),
        // ... a longer one is kept, and the lower phrase goes on into it, past "after".
        (
            "Norvia permitted the plan, a great many long and weary years after Talmark lost the war.",
            &[],
            &["NRV TLM 060"],
        ),
        // `+` before the verb and `$` after it: the subject is the target, the object the
        // source.
        (
            "Talmark accepted by sea grain from Norvia.",
            &["TLM NRV 071"],
            &["NRV TLM 071"],
        ),
        // Only a dictionary's paired code codes the other party's act: no implied visit.
        (
            "Norvia hosted Talmark.",
            &["NRV TLM 043", "TLM NRV 042"],
            &["NRV TLM 043"],
        ),
        // A compound subject: the first actor of each conjunct, whatever stands around it.
        (
            "Oskaria and the weary Norvia grim Brelund spurned Talmark.",
            &["BRL TLM 120"],
            &["NRV TLM 120", "OSK TLM 120"],
        ),
        (
            "Oskaria's fishermen and farmers of Brelund spurned Talmark.",
            &["BRL TLM 120"],
            &["BRL TLM 120", "OSK TLM 120"],
        ),
        // A state's adjective opening a compound without a determiner qualifies each conjunct
        // (by default the cabinet takes the state of the actors around it).
        (
            "Norvian press and cabinet spurned Talmark.",
            &["NRVGOV TLM 120", "NRVMED TLM 120"],
            &["NRVGOV TLM 120", "NRVMED TLM 120"],
        ),
    ];
    for (text, without, with) in table {
        assert_eq!(conv_dyads(&default, text), *without, "default: {text}");
        assert_eq!(conv_dyads(&petrarch, text), *with, "PETRARCH: {text}");
    }
}

/// Dictionaries of our own for the tests of codes as written and of modals below.
const MODAL_ACTORS: &str = "NORVIA [NRV]\nTALMARK [TLM]\n";
const MODAL_VERBS: &str = "--- ACT [100] ---\nACT\n- HINTED WOULD * SOON [1012]\n\
- HINTED SHOULD * [1013]\n\n--- SHOULD [101] ---\nSHOULD\n\n--- BARGAIN [031] ---\nBARGAIN\n\
- * FOR_ASYLUM [174M]\n";

fn modal_coder(petrarch: bool) -> Coder {
    Coder::builder()
        .builtin(false)
        .petrarch_str(PetrarchKind::Actors, "modal.actors.txt", MODAL_ACTORS)
        .petrarch_str(PetrarchKind::Verbs, "modal.verbs.txt", MODAL_VERBS)
        .petrarch_conventions(petrarch)
        .build()
        .unwrap()
}

/// A modal a pattern writes before its verb is part of what the pattern codes: the modal marks
/// no possibility, and any form of the verb may follow it. A modal is never a verb, though a
/// dictionary lists it as one. Four-character codes are carried as written.
#[test]
fn modals_written_in_patterns() {
    for petrarch in [false, true] {
        let coder = modal_coder(petrarch);
        let table: &[(&str, &[&str])] = &[
            (
                "Norvia hinted it should have acted against Talmark.",
                &["NRV TLM 1013"],
            ),
            (
                "Norvia hinted it would acting soon against Talmark.",
                &["NRV TLM 1012"],
            ),
            // No pattern writes the modal: a possibility, no act.
            ("Norvia could act against Talmark.", &[]),
            ("Norvia said Talmark should leave.", &[]),
        ];
        for (text, want) in table {
            assert_eq!(conv_dyads(&coder, text), *want, "{petrarch}: {text}");
        }
    }
}

/// By PETRARCH-1's conventions the place the verb phrase names is the target whatever the
/// code (here one outside the CAMEO table, coded as written); by default only codes flagged
/// `target_from_place` take it.
#[test]
fn petrarch_place_target_for_any_code() {
    let text = "Norvia will bargain for asylum in Talmark.";
    assert_eq!(conv_dyads(&modal_coder(false), text), Vec::<String>::new());
    assert_eq!(conv_dyads(&modal_coder(true), text), ["NRV TLM 174M"]);
}

/// An actor whose code is written with slashes stands for each of its codes: one event per
/// code, crossed with the other side's, kept apart by deduplication. A phrase opening with
/// "the" matches it lowercase inside a sentence.
#[test]
fn slash_codes_and_the_phrases() {
    let actors = "NORVIA [NRV]\nOSKARIA [OSK]\nTHE_TWIN_CITIES [TWA/TWB]\nTALMARK [TLM/TLN]\n";
    let coder = Coder::builder()
        .builtin(false)
        .petrarch_str(PetrarchKind::Actors, "slash.actors.txt", actors)
        .petrarch_str(
            PetrarchKind::Verbs,
            "slash.verbs.txt",
            "--- SPURN [120] ---\nSPURN\n",
        )
        .build()
        .unwrap();
    let table: &[(&str, &[&str])] = &[
        (
            "The Twin Cities spurned Talmark.",
            &["TWA TLM 120", "TWA TLN 120", "TWB TLM 120", "TWB TLN 120"],
        ),
        (
            "Norvia and the Twin Cities spurned Oskaria.",
            &["NRV OSK 120", "TWA OSK 120", "TWB OSK 120"],
        ),
        (
            "Oskaria spurned Norvia and the Twin Cities.",
            &["OSK NRV 120", "OSK TWA 120", "OSK TWB 120"],
        ),
    ];
    for (text, want) in table {
        assert_eq!(conv_dyads(&coder, text), *want, "{text}");
    }
}

const COMPOUND_ACTORS: &str = "NORVIA [NRV]\nTALMARK [TLM]\nOSKARIA [OSK]\nVELDREN [NRV]\n\
SOUTH_TALMARK [STL]\nNORTHERN_LEAGUE [IGONRL]\n";
const COMPOUND_AGENTS: &str = "LAWMAKER [~LEG]\nOFFICIAL [~GOV]\nPRIME_MINISTER [~GOV]\n";
const COMPOUND_VERBS: &str = "--- SPURN [120] ---\nSPURN\n- NEITHER * [125]\n\n--- AGREE [031] ---\nAGREE\n- % * [030:030]\n";

/// Compounds and noun phrases under PETRARCH-1's conventions, one row per behaviour: the
/// dyads without the option, then with it.
#[test]
fn petrarch_compound_table() {
    let builder = || {
        Coder::builder()
            .builtin(false)
            .petrarch_str(PetrarchKind::Actors, "cmp.actors.txt", COMPOUND_ACTORS)
            .petrarch_str(PetrarchKind::Agents, "cmp.agents.txt", COMPOUND_AGENTS)
            .petrarch_str(PetrarchKind::Verbs, "cmp.verbs.txt", COMPOUND_VERBS)
    };
    let default = builder().build().unwrap();
    let petrarch = builder().petrarch_conventions(true).build().unwrap();
    let table: &[(&str, &[&str], &[&str])] = &[
        // A role's place phrase holds every place of its compound; the role is the subject,
        // one actor per state (by default, the sentence's place gives the state).
        (
            "Lawmakers in Talmark and Oskaria spurned Norvia.",
            &["TLMLEG NRV 120"],
            &["OSKLEG NRV 120", "TLMLEG NRV 120"],
        ),
        // Roles joined by "and" share the place phrase of the last.
        (
            "Lawmakers and officials in Talmark and Oskaria spurned Norvia.",
            &["TLMGOV NRV 120", "TLMLEG NRV 120"],
            &[
                "OSKGOV NRV 120",
                "OSKLEG NRV 120",
                "TLMGOV NRV 120",
                "TLMLEG NRV 120",
            ],
        ),
        // A state's possessive, modifiers, then a role: the state's role; a one-word name
        // after it holds the role, whatever state its entry gives (the phrase's first state).
        (
            "Talmark's stubborn and wary prime minister spurned Oskaria.",
            &["TLMGOV OSK 120"],
            &["TLMGOV OSK 120"],
        ),
        (
            "Talmark's first Deputy Prime Minister Veldren spurned Oskaria.",
            &["TLMGOV OSK 120"],
            &["TLMGOV OSK 120"],
        ),
        // Words joined by an underscore in the text, as a dictionary writes a space.
        (
            "Norvia spurned South_Talmark.",
            &["NRV STL 120"],
            &["NRV STL 120"],
        ),
        // "Neither X nor Y": both members are the subject.
        (
            "Neither Norvia nor Oskaria spurned Talmark.",
            &["NRV TLM 125", "OSK TLM 125"],
            &["NRV TLM 125", "OSK TLM 125"],
        ),
        // An acronym in parentheses belongs to the mention before it: the compound still
        // ends right before its verb.
        (
            "Talmark and the Northern League (NL) agree that tariffs should fall.",
            &["IGONRL TLM 030", "TLM IGONRL 030"],
            &["IGONRL TLM 030", "TLM IGONRL 030"],
        ),
    ];
    for (text, without, with) in table {
        assert_eq!(conv_dyads(&default, text), *without, "default: {text}");
        assert_eq!(conv_dyads(&petrarch, text), *with, "PETRARCH: {text}");
    }
}

/// The sources of `text`'s events, each as its text and the code of its sector ("-" for none).
fn sources(coder: &Coder, text: &str) -> Vec<String> {
    let doc = coder.code_text(text, None).unwrap();
    doc.events
        .iter()
        .filter_map(|e| {
            let s = e.source.as_ref()?;
            let sector = s.sector.map_or("-", |x| x.as_str());
            Some(format!("{} {sector}", s.text))
        })
        .collect()
}

/// By PETRARCH-1's conventions a role word before the nouns of a phrase a bare name heads
/// codes the whole phrase ("the official news bureau Kestrel" is an official); by default
/// the role word only modifies "news bureau", so the name is the unknown speaker.
#[test]
fn petrarch_role_word_codes_its_named_phrase() {
    let coder = |petrarch: bool| {
        Coder::builder()
            .builtin(false)
            .petrarch_str(PetrarchKind::Agents, "own.agents.txt", "OFFICIAL [~GOV]\n")
            .petrarch_str(
                PetrarchKind::Verbs,
                "own.verbs.txt",
                "--- DECLARE [023] ---\nDECLARE\n",
            )
            .petrarch_conventions(petrarch)
            .build()
            .unwrap()
    };
    let text =
        "Harvests failed in the north, the quiet official news bureau Kestrel declared on Monday.";
    assert_eq!(
        sources(&coder(true), text),
        ["official news bureau Kestrel GOV"]
    );
    assert_ne!(
        sources(&coder(false), text),
        ["official news bureau Kestrel GOV"]
    );
    // No name heads the nouns: the role word stays a modifier ("official visit").
    let text = "Harvests failed, an official visit declared on Monday.";
    assert_eq!(sources(&coder(true), text), Vec::<String>::new());
}

/// Dictionaries of our own for the tests of PETRARCH-1's verb phrases below.
const PHRASE_ACTORS: &str = "NORVIA [NRV]\nTALMARK [TLM]\nOSKARIA [OSK]\n";
const PHRASE_VERBS: &str =
    "--- DECLARE [023] ---\nDECLARE\n\n--- RUMOR [023] ---\nRUMOR\n\n--- MEND [064] ---\nMEND\n";

fn phrase_coder(petrarch: bool) -> Coder {
    Coder::builder()
        .builtin(false)
        .petrarch_str(PetrarchKind::Actors, "phrase.actors.txt", PHRASE_ACTORS)
        .petrarch_str(
            PetrarchKind::Agents,
            "phrase.agents.txt",
            "OFFICIAL [~GOV]\n",
        )
        .petrarch_str(PetrarchKind::Verbs, "phrase.verbs.txt", PHRASE_VERBS)
        .petrarch_conventions(petrarch)
        .build()
        .unwrap()
}

/// By PETRARCH-1's conventions a verb with no target is coded only when a noun phrase follows
/// it in its clause ("on Monday" gives an empty target); a bare time word is none. (As in
/// "..., a senior official said today.", where the clause is too long for PETRARCH-1 to drop.)
#[test]
fn petrarch_verb_without_target_needs_a_noun_phrase() {
    let coder = phrase_coder(true);
    let monday = "A senior Norvia official declared on Monday.";
    assert_eq!(sources(&coder, monday), ["Norvia official GOV"]);
    let today = "A senior Norvia official declared today.";
    assert_eq!(sources(&coder, today), Vec::<String>::new());
    assert_eq!(
        sources(&phrase_coder(false), today),
        ["Norvia official GOV"]
    );
}

/// By PETRARCH-1's conventions a passive whose complement is an infinitive clause keeps its
/// subject as the source and takes its target from that clause, as the active does, before
/// any place named later ("Oskaria crowds").
#[test]
fn petrarch_passive_with_an_infinitive_takes_the_lower_target() {
    let coder = phrase_coder(true);
    assert_eq!(
        conv_dyads(
            &coder,
            "Norvia is rumored to be about to mend, it seems, complete, full diplomatic ties with \
             Talmark almost five years after Oskaria crowds rallied."
        ),
        ["NRV TLM 023"]
    );
}

const SKIP_ACTORS: &str = "NORVIA [NRV]\nTALMARK [TLM]\nOSKARIA [OSK]\n";
const SKIP_VERBS: &str = "--- FEAST [040] ---\nFEAST\n- * HARVEST IN ^ +  [045]\n\
- * HARVEST AT ^ ^ +  [044]\n";

/// A pattern's `^` under PETRARCH-1's conventions skips a whole noun phrase, and the `+` after
/// it is the next noun phrase (over a preposition); by default a skip is a gap that may be
/// empty. The dyads without the option, then with it.
#[test]
fn petrarch_skip_table() {
    let builder = || {
        Coder::builder()
            .builtin(false)
            .petrarch_str(PetrarchKind::Actors, "skip.actors.txt", SKIP_ACTORS)
            .petrarch_str(PetrarchKind::Verbs, "skip.verbs.txt", SKIP_VERBS)
    };
    let default = builder().build().unwrap();
    let petrarch = builder().petrarch_conventions(true).build().unwrap();
    let table: &[(&str, &[&str], &[&str])] = &[
        // The skipped phrase is a name; the target follows "with".
        (
            "Norvia feasted harvest in Oskaria with Talmark.",
            &["NRV OSK 045"],
            &["NRV TLM 045"],
        ),
        // Two skips: a name, then a plain noun phrase after its preposition.
        (
            "Norvia feasted harvest at Oskaria with the old guard in Talmark.",
            &["NRV OSK 044"],
            &["NRV TLM 044"],
        ),
    ];
    for (text, without, with) in table {
        assert_eq!(conv_dyads(&default, text), *without, "default: {text}");
        assert_eq!(conv_dyads(&petrarch, text), *with, "PETRARCH: {text}");
    }
}

const SLOT_VERBS: &str = "--- GREET [040] ---\nGREET\n- + HOSTING * FESTIVAL $ [042]\n\n\
--- AMBUSH [190] ---\nAMBUSH\n- + WAS * NEAR $ [224]\n";

/// PETRARCH-1's actor slots where the pattern writes them: a `+` before the pattern's words
/// before the verb is the noun phrase before those words (not the verb's subject), and a
/// pattern with `+` before the verb and `$` after it is read as written in the passive too.
/// The dyads without the option, then with it.
#[test]
fn petrarch_written_slots_table() {
    let builder = || {
        Coder::builder()
            .builtin(false)
            .petrarch_str(PetrarchKind::Actors, "slot.actors.txt", SKIP_ACTORS)
            .petrarch_str(PetrarchKind::Verbs, "slot.verbs.txt", SLOT_VERBS)
    };
    let default = builder().build().unwrap();
    let petrarch = builder().petrarch_conventions(true).build().unwrap();
    let table: &[(&str, &[&str], &[&str])] = &[
        (
            "Norvia will be hosting Oskaria to greet the festival with Talmark.",
            &["OSK TLM 042"],
            &["TLM NRV 042"],
        ),
        (
            "Norvia was ambushed near Talmark.",
            &["TLMGOV NRV 224"],
            &["TLM NRV 224"],
        ),
    ];
    for (text, without, with) in table {
        assert_eq!(conv_dyads(&default, text), *without, "default: {text}");
        assert_eq!(conv_dyads(&petrarch, text), *with, "PETRARCH: {text}");
    }
}

const LITERAL_VERBS: &str = "--- ADOPT [081] ---\nADOPT\n- * RESOLUTION [102]\n";

/// Under PETRARCH-1's conventions a pattern's word matches only as written: "* RESOLUTION"
/// does not match a plural, which the bare verb codes; by default the plural matches too.
/// The dyads without the option, then with it.
#[test]
fn petrarch_literal_words_table() {
    let builder = || {
        Coder::builder()
            .builtin(false)
            .petrarch_str(PetrarchKind::Actors, "lit.actors.txt", SKIP_ACTORS)
            .petrarch_str(PetrarchKind::Verbs, "lit.verbs.txt", LITERAL_VERBS)
    };
    let default = builder().build().unwrap();
    let petrarch = builder().petrarch_conventions(true).build().unwrap();
    let table: &[(&str, &[&str], &[&str])] = &[
        (
            "Norvia adopted a resolution with Talmark.",
            &["NRV TLM 102"],
            &["NRV TLM 102"],
        ),
        (
            "Norvia adopted resolutions with Talmark.",
            &["NRV TLM 102"],
            &["NRV TLM 081"],
        ),
    ];
    for (text, without, with) in table {
        assert_eq!(conv_dyads(&default, text), *without, "default: {text}");
        assert_eq!(conv_dyads(&petrarch, text), *with, "PETRARCH: {text}");
    }
}
