//! One table per coding rule: sentences in our own words and the events the rule must (or, with
//! `!`, must not) produce, in the event-table format of `eventcoder::eval::fixtures`. A failing
//! row names the rule to look at.

use eventcoder::Coder;
use eventcoder::eval::fixtures::{read_table, score};

/// Codes one article published on `date`.
fn code(text: &str, date: &str) -> Vec<eventcoder::Event> {
    let article = eventcoder::Article::new("t", text)
        .with_published_str(date)
        .expect("a valid date");
    Coder::new().code(&article).expect("codes").events
}

/// The target of the first event with a code under `root`.
fn target_of(text: &str, date: &str, root: &str) -> eventcoder::Actor {
    let events = code(text, date);
    events
        .iter()
        .find(|e| e.cameo.code.starts_with(root))
        .and_then(|e| e.target.clone())
        .unwrap_or_else(|| panic!("no {root} event with a target: {events:?}"))
}

fn check(rule: &str, rows: &str) {
    let table = format!("id\tpublished\ttext\texpect\ttags\n{rows}");
    let rows = read_table(rule, &table).expect("a valid table");
    let report = score(&Coder::new(), &rows);
    let misses: Vec<String> = report.misses.iter().map(ToString::to_string).collect();
    assert!(misses.is_empty(), "rule {rule}:\n{}", misses.join("\n"));
}

/// parse::nominal: event nouns take their actors from possessives, adjectives, "by",
/// "between", and the target prepositions.
#[test]
fn nominal_events() {
    check(
        "nominal",
        "n1\t2022-04-05\tGermany's expulsion of 40 Russian diplomats was its largest in decades.\tDEU 161 RUS\t
n2\t2023-05-04\tTalks between Armenia and Azerbaijan on a peace treaty ended on Thursday.\tARM 04 AZE\t
n3\t2021-08-12\tThe European Union's new economic sanctions against Belarus were adopted on Thursday.\tEU 163 BLR\t
n4\t2020-12-10\tChina's detention of two Canadian citizens entered its second year on Thursday.\tCHN 173 CAN\t
n5\t2018-07-09\tA joint declaration signed by Ethiopian Prime Minister Abiy Ahmed and Eritrean President Isaias Afwerki ended two decades of hostility.\tETH 057 ERI\t
n6\t2023-03-10\tThe restoration of diplomatic ties between Saudi Arabia and Iran, brokered by China, was announced on Friday.\tSAU 05 IRN\t
n7\t2022-11-08\tThe delegates arrived early ahead of a U.N. climate summit in Egypt.\tnone\t
n8\t2023-02-01\tGermany held talks with France on Monday.\t!DEU 040 DEU\t",
    );
}

/// code::coder::implied_agent: agentless passives take the authority of the place, in the
/// sector the code implies.
#[test]
fn agentless_passives() {
    check(
        "agentless",
        "p1\t2021-06-01\tFive opposition activists were detained in Minsk on Tuesday.\tBLR 173 BLR\t
p2\t2023-05-09\tISLAMABAD, May 9 (Reuters) - Former Pakistani Prime Minister Imran Khan was arrested on Tuesday.\tPAK 173 PAK\t
p3\t2023-03-01\tSeveral Iranian officials were placed under sanctions on Monday.\t? 16 IRN\t",
    );
}

/// parse::mentions::merge_role_of and add_bare_names: a role "of" a state; unknown names.
#[test]
fn roles_of_states_and_unknown_names() {
    check(
        "actors",
        "r1\t2024-05-06\tThe president of Peru held talks with the prime minister of Chile on Monday.\tPER 04 CHL\t
r2\t2024-05-06\tThe foreign ministers of Ghana and Togo condemned the coup in Burkina Faso.\tGHA 111 *;TGO 111 *\t
r3\t2024-05-06\tSmith criticized Russia on Monday.\t? 111 RUS\t
r4\t2024-05-06\tExports hit a record in March.\tnone\t",
    );
}

/// code::resolve: where a role without a state gets one. A fixed state of the role (the pope),
/// never a place that is the event's target; "from" names the state like "of".
#[test]
fn state_of_stateless_roles() {
    check(
        "state-source",
        "s1\t2023-04-16\tPope Francis called on Sunday for an end to the fighting in Sudan.\tVAT 02 *;!SDN 02 *\t
s2\t2006-11-28\tPope Benedict XVI arrived in Ankara on Tuesday.\tVAT 042 TUR;!TUR 042 *\t
s3\t2023-06-06\tA delegation from Ecuador met Peruvian officials in Lima on Tuesday.\tECU 04 PER\t
s4\t2012-06-03\tA suicide bomber killed five people in Pakistan's Swat valley on Sunday.\tPAK 1 *\t",
    );
}

/// parse::clauses::inanimate_subject and the needs_object flag of cameo.tsv: figurative and
/// non-political uses of violent verbs.
#[test]
fn inanimate_subjects_and_bare_violent_verbs() {
    check(
        "sense",
        "f1\t2022-08-27\tPakistan declared a national emergency on Friday after monsoon floods killed more than 900 people.\t!* 19 *;!* 18 *\t
f2\t2023-10-02\tThe big-budget war film bombed at the South Korean box office over the holiday weekend.\tnone\t
f3\t2024-03-01\tRepublicans on the House committee moved to kill the bill before it could reach the floor.\t!* 19 *\t
f4\t2020-02-11\tSwarms of desert locusts invaded farmland in northern Kenya.\tnone\t
f5\t2023-05-02\tGunmen killed three soldiers in northern Mali on Tuesday.\t* 19 *\t
f6\t2004-01-01\tAn attempt to assassinate the deputy governor was thwarted, police said.\t!* 186 *\t",
    );
}

/// parse::clauses: background relative clauses, possibilities and the modality of purpose
/// infinitives; British spellings share the dictionary's keys.
#[test]
fn background_modality_and_spelling() {
    check(
        "modality",
        "m1\t2024-11-27\tIsrael, which killed Hezbollah leader Hassan Nasrallah in September, agreed to a ceasefire with the group on Tuesday.\t!ISR 19 *\t
m2\t2023-10-05\tChinese President Xi Jinping could meet U.S. President Joe Biden in San Francisco next month.\t!CHN 04 USA;!USA 04 CHN\t
m3\t2023-12-12\tThe presidents of Venezuela and Guyana will meet in Kingstown on Thursday to discuss their border dispute.\t!VEN 04 GUY;!GUY 04 VEN\t
m4\t2023-01-10\tRussia criticised the European Union's decision on Monday.\tRUS 111 EU\t",
    );
}

/// parse::mentions appositions: a person introduced with a modified role ("a senior Chilean
/// trade negotiator") keeps it for the rest of the article.
#[test]
fn appositions_and_antecedents() {
    check(
        "apposition",
        "q1\t2023-06-13\tAna Ruiz, a senior Chilean trade negotiator, arrived in Lima on Tuesday for talks. Ruiz accused Peru of delaying permits.\tCHL 112 PER\t
q2\t2023-06-13\tThe Chilean trade negotiator accused Peru of delaying permits.\tCHL 112 PER\t",
    );
}

/// parse::mentions: a state glued to a currency sign is money.
#[test]
fn money_is_no_actor() {
    check(
        "false-actor",
        "u1\t2024-03-01\tJapan pledged US$5.5 billion in aid to Ukraine on Monday.\tJPN 033 UKR;!* 03 USA\t",
    );
}

/// code::coder: a follow-up sentence about the same parties keeps the date of the event before.
#[test]
fn follow_up_sentences_keep_the_date() {
    let text = "BEIJING, Nov 3 (Reuters) - Chinese President Xi Jinping welcomed Colombian President \
                Gustavo Petro in Beijing on Wednesday. The two leaders discussed trade and investment.";
    let events = code(text, "2023-11-03");
    let talks = events
        .iter()
        .find(|e| e.cameo.code == "040")
        .expect("the discussion");
    assert_eq!(talks.date.unwrap().to_string(), "2023-11-01");
    assert_eq!(talks.date_source.as_str(), "continued");
}

/// code::coder::decided_act: a decision to act against someone is the act; a threat stays one.
#[test]
fn decisions_are_acts() {
    check(
        "decided",
        "v1\t2023-06-02\tThe European Union agreed on Friday to impose new sanctions on Russia.\tEU 163 RUS;!EU 13 RUS\t
v2\t2023-06-02\tIran threatened to impose sanctions on Britain.\tIRN 13 GBR;!IRN 163 GBR\t
v3\t2023-06-02\tArmenia and Azerbaijan agreed to hold talks.\tARM 036 AZE\t",
    );
}

/// lexicon::load and parse::clauses: hyphenated verbs of the dictionary ("test-fire",
/// "tear-gas") match inside their word; other hyphenated words stay modifiers.
#[test]
fn hyphenated_verbs() {
    check(
        "hyphen",
        "h1\t2023-07-13\tNorth Korea test-fired a new solid-fuel intercontinental ballistic missile on Thursday.\tPRK 15 -;!PRK 19 *\t
h2\t2023-07-13\tPolice tear-gassed protesters in Nairobi on Friday.\tKEN 17 KEN\t
h3\t2023-07-13\tThe long-threatened strike by dock workers began on Monday.\t!* 13 *\t",
    );
    assert_eq!(
        Coder::new().lexicon().stats().skipped_patterns,
        0,
        "every built-in pattern loads"
    );
}

/// code::coder: "we" in a quote is its speaker; "on Thursday" does not fill "on {t}".
#[test]
fn speakers_and_times() {
    check(
        "speaker",
        "w1\t2023-07-13\tChina accused Japan of provocations. \\\"We condemn this act,\\\" the Chinese foreign ministry said.\tCHN 111 -\t
w2\t2023-07-13\tNorth Korea fired a missile on Thursday.\tPRK 150 -;!PRK 195 *\t",
    );
}

/// code::coder: a protest with no written target is aimed at the protesters' own government.
#[test]
fn protests_target_their_government() {
    let doc = Coder::new()
        .code_text("Egyptian demonstrators rioted on Friday.", None)
        .unwrap();
    let riot = doc
        .events
        .iter()
        .find(|e| e.cameo.root == "14")
        .expect("a protest");
    let t = riot.target.as_ref().expect("a target");
    assert_eq!(
        (t.country.as_deref(), t.sector.map(|s| s.as_str())),
        (Some("EGY"), Some("GOV"))
    );
    assert!(t.inferred && riot.rule.contains("+target-own-government"));
}

/// code::coder: "accused each other" gives both directions.
#[test]
fn reciprocal_events() {
    check(
        "reciprocal",
        "x1\t2023-05-02\tIndia and Pakistan accused each other of violating the ceasefire on Tuesday.\tIND 112 PAK;PAK 112 IND\t",
    );
}

/// parse::mentions: a stance prefix ("pro-", "anti-") names no state of the actor; words of
/// direction ("northern", "east", "the outskirts of") do not hide a place after "in".
#[test]
fn stance_prefixes_and_directions() {
    check(
        "stance-and-direction",
        "s1\t2015-02-03\tPro-Russian separatists shelled Ukrainian army positions near Donetsk overnight.\tUKR 19 UKR;!RUS 19 *\t
s2\t2005-03-01\tAn anti-Syrian lawmaker was shot dead in Beirut on Monday.\tLBN 19 LBN;!* 19 SYR\t
s3\t2019-06-04\tA police officer was shot dead in northern Iraq on Tuesday.\tIRQ 19 IRQ\t
s4\t2019-06-04\tA shopkeeper was shot dead in east Kabul on Tuesday.\tAFG 19 AFG\t
s5\t2021-05-03\tAnti-government protesters clashed with riot police in Dhaka on Sunday.\tBGD 14 BGD\t",
    );
}

/// code::resolve: a definite plural role ("the officials") may mean the parties of the latest
/// exchange; an indefinite one ("six former ministers") introduces new people of the context.
#[test]
fn only_definite_plurals_refer_back() {
    check(
        "definite-plurals",
        "d1\t2024-06-01\tIsrael's supreme court opened a hearing on Wednesday into the detention of Palestinian minors. A Chilean judge opened a fraud investigation against six former ministers on Friday.\tCHL 09 CHL;!CHL 09 PSE;!CHL 09 ISR\t",
    );
}

/// parse::clauses: a word of the pattern is not its target ("suspend * military aid" to Niger
/// targets Niger); a stative participle with "to" is active ("Israel is opposed to ...").
#[test]
fn pattern_words_and_stative_participles() {
    check(
        "pattern-words-and-stative",
        "w1\t2023-08-04\tThe United States suspended military aid to Niger on Thursday.\tUSA 162 NER;!USA 162 USA\t
w2\t2023-08-04\tJapan is opposed to any Chinese mediation in the dispute, a spokesman said.\tJPN 1 CHN;!* 11 JPN\t",
    );
}

/// code::coder anaphoric_object: "condemned the move" targets the makers of the latest event,
/// or the previous sentence's subject; a decision with its own content ("the decision to") or
/// an actor ("the decision by") is not anaphoric.
#[test]
fn implicit_targets_from_the_previous_event() {
    check(
        "implicit-targets",
        "i1\t2023-08-22\tRussia expelled two Estonian diplomats on Tuesday. Estonia condemned the move and summoned the Russian charge d'affaires.\tEST 111 RUS\t
i2\t2024-02-14\tSerbia announced new checks at its border crossings with Kosovo on Wednesday. The European Union criticised the decision.\tEU 111 SRB\t
i3\t2024-02-14\tGhana expanded its trade ties with Nigeria. Togo praised the decision by Benin to reopen the border.\tTGO 051 BEN;!TGO 05 GHA\t",
    );
}

/// parse::clauses: the subject of a clause after a subordinator ("after Indian troops
/// shelled"), background clauses ("since Russia invaded", "a century after"), the passive of a
/// hyphenated verb ("was tear-gassed by"); cameo.tsv by_state: a state's protest is 114.
#[test]
fn subordinate_clauses_and_official_protests() {
    check(
        "subordinate-clauses",
        "c1\t2018-06-13\tPakistani troops returned fire after Indian forces shelled a village near the border.\tIND 19 *;!PAK 194 *\t
c2\t2023-03-21\tXi Jinping's visit to Moscow was his first since Russia invaded Ukraine.\t!RUS 19 UKR\t
c3\t2022-12-20\tFrance returned 26 artefacts to Benin on Tuesday, more than a century after French troops looted them.\tFRA 084 BEN;!FRA 18 *;!FRA 17 *\t
c4\t2017-05-29\tOpposition leader Henrique Capriles was tear-gassed by soldiers in Caracas on Monday.\tVEN 17 VEN\t
c5\t2018-06-13\tThe Chinese government protested to Japan over the visit on Tuesday.\tCHN 114 JPN;!CHN 141 JPN\t",
    );
}

/// parse::clauses: a passive fills only a target slot right after the verb ("diplomats were
/// withdrawn from" is a withdrawal of diplomats, 161, not a military retreat); an act after a
/// passive directive ("was ordered to shut") is not the subject's.
#[test]
fn passive_slots_and_directives() {
    check(
        "passive-slots-and-directives",
        "v1\t2018-03-29\tMore than 100 Russian diplomats have been withdrawn from Western capitals.\t? 161 RUS;!* 087 *\t
v2\t2018-03-29\tThe British ambassador was ordered to close the consulate in Yekaterinburg.\t!GBR 16 *\t",
    );
}

/// code::coder and code::dates: a date after publication belongs to a plan, so the event is
/// dated by its report; a weekday in a future clause is the next one, not the last.
#[test]
fn future_dates_do_not_date_events() {
    let on_day = |text: &str| code(text, "2016-11-23");
    let invited = on_day(
        "German Foreign Minister Frank-Walter Steinmeier invited his Russian and Ukrainian \
         counterparts to talks in Minsk next Tuesday.",
    );
    let invitation = invited
        .iter()
        .find(|e| e.cameo.code.starts_with("02"))
        .expect("the invitation");
    assert_eq!(invitation.date.unwrap().to_string(), "2016-11-23");
    let statement = on_day("Serbia and Kosovo will resume talks on Monday, the EU mediator said.");
    assert!(
        !statement.is_empty(),
        "the statement and the plan are coded"
    );
    for e in &statement {
        assert_eq!(e.date.unwrap().to_string(), "2016-11-23", "{e:?}");
    }
}

/// lexicon::load and parse::clauses: a possessive clitic in a pattern ("welcome {t} 's");
/// letting a party act is yielding ("allow {t} to"); what a party is urged or allowed to do is
/// not reported as done.
#[test]
fn possessive_patterns_and_acts_asked_of_others() {
    check(
        "asked-of-others",
        "o1\t1987-06-12\tThe West German government welcomed President Reagan's latest arms control proposal on Friday.\tDEU 051 USA;!DEU 043 USA\t
o2\t2005-10-14\tPakistan allowed the opposition to hold a rally in Islamabad on Friday.\tPAK 08 PAK;!PAK 11 *;!PAK 14 *\t
o3\t2005-10-14\tThe European Union urged Belarus to release all political prisoners.\tEU 02 BLR;!EU 084 *\t",
    );
}

/// cameo.tsv needs_target: a visit made or hosted needs its other party; verbs: observers and
/// liaison officers are peacekeeping (074), sanctions lists are sanctions (163).
#[test]
fn visits_need_a_party_and_recall_patterns() {
    check(
        "visits-and-recall",
        "t1\t2021-06-29\tFormer French president Nicolas Sarkozy received a one-year prison sentence on Monday.\t!* 043 *\t
t2\t2012-11-16\tThe United Nations will deploy military liaison officers to eastern Congo.\tUN 03 COD;!UN 13 *\t
t3\t2011-03-01\tThe U.S. Treasury added Libya's central bank to its sanction list on Monday.\tUSA 163 LBY\t",
    );
}

/// parse::mentions: a role word before a noun of positions or premises is the party ("rebel
/// positions"), not a modifier.
#[test]
fn positions_belong_to_their_party() {
    let target = target_of(
        "Congolese government troops shelled rebel positions near Goma on Wednesday.",
        "2012-07-11",
        "19",
    );
    assert_eq!(target.sector.map(|s| s.as_str()), Some("REB"), "{target:?}");
}

/// verbs: triggers found missing in real news (stopping protests, court-ordered releases,
/// bottles thrown at police, suspended strikes).
#[test]
fn recall_triggers_from_real_news() {
    check(
        "recall-triggers",
        "x1\t2019-10-15\tTurkish police prevented a demonstration by students in Ankara on Tuesday.\tTUR 172 *\t
x2\t2012-11-16\tA Serbian appeals court ordered the immediate release of two Bosnian Serb commanders.\tSRB 0841 *\t
x3\t2020-08-12\tProtesters threw bottles at riot police in Minsk on Tuesday night.\tBLR 145 BLR\t
x4\t2019-02-20\tGreek Cypriot civil servants suspended their strike on Wednesday.\tCYP 082 *\t",
    );
}

/// code::coder modality: a negated intention is a refusal ("will never recognise"); "would" is
/// a future when a report follows ("..., the minister said"); an intention with "if" stays an
/// offer while one with "unless" is a threat; a condition's conjoined parties are all targets.
#[test]
fn modality_of_intentions() {
    check(
        "modality",
        "m1\t2019-03-18\tUkraine will never recognise Russia's annexation of Crimea, its foreign minister said.\tUKR 12 RUS\t
m2\t2023-05-08\tUzbekistan would be signing a long-term power supply agreement with Kyrgyzstan before the end of the year, its energy minister said.\tUZB 03 KGZ;!UZB 057 KGZ\t
m3\t2024-01-10\tBrazil is ready to send peacekeepers to Haiti if the United Nations approves a mission, its defence ministry said.\tBRA 03 *;!BRA 13 *\t
m4\t2022-04-14\tA senior Russian official warned that Moscow would deploy nuclear weapons near the Baltic if Sweden and Finland joined NATO.\tRUS 13 SWE;RUS 13 FIN\t",
    );
}

/// parse::clauses::inanimate_subject: a possessor before a head noun that is no actor is a
/// determiner ("Argentina's coach clashed", "Russia's economy grew"); verbs: attacking a budget or
/// a plan is criticism (111).
#[test]
fn possessors_of_non_actors_and_verbal_attacks() {
    check(
        "possessors-and-verbal-attacks",
        "q1\t2023-11-17\tBrazil's coach clashed with reporters after the qualifier in Montevideo.\tnone\t
q2\t2024-10-30\tGermany's opposition Christian Democrats attacked the government's draft budget on Wednesday.\tDEU 111 *;!DEU 19 *\t
q3\t2024-10-30\tRussia's foreign ministry condemned the strike on Wednesday.\tRUS 111 -\t",
    );
}

/// verbs and parse::clauses: triggers of the event table's weakest class (amnesty and refuge to
/// quantities of people, trials opened, entry bans as sanctions, approving a state's
/// application); the content of an allegation is not asserted.
#[test]
fn triggers_and_allegations() {
    check(
        "triggers-and-allegations",
        "g1\t2021-08-31\tMyanmar's junta granted amnesty to thousands of prisoners on Tuesday.\tMMR 084 MMR\t
g2\t2022-05-18\tHungary's parliament approved Sweden's application to join NATO on Monday.\tHUN 05 SWE\t
g3\t2023-01-12\tUganda refuted Kenya's allegations that it was arming rebels along the border.\tUGA 016 KEN;!UGA 07 *\t
g4\t2022-05-21\tRussia imposed entry bans on 963 Americans on Saturday.\tRUS 163 USA\t",
    );
}

/// code::coder: a bare violent verb with only a target slot ("strike {t}") needs a party or a
/// place as its object ("struck a deal" is none); a region as target stands for its state.
#[test]
fn strikes_need_a_party_and_regions_stand_for_states() {
    check(
        "strikes-and-regions",
        "k1\t2024-07-18\tIsraeli warplanes struck Gaza overnight.\tISR 19 PSE\t
k2\t2024-07-18\tThe two sides struck a deal on Friday.\t!* 19 *\t
k3\t2022-03-07\tRussian forces shelled the Kharkiv region overnight.\tRUS 19 UKR\t",
    );
}

/// parse::clauses::find_subject: a participle phrase set off by commas stands between the
/// subject and its verb ("X, addressing the Bundestag, accused Y").
#[test]
fn participle_phrases_between_subject_and_verb() {
    check(
        "participle-phrases",
        "z1\t2022-03-17\tPolish President Andrzej Duda, addressing the Bundestag on Thursday, accused Germany of dragging its feet on arms deliveries.\tPOL 112 DEU;!DEU 112 DEU\t",
    );
}

/// agents.tsv aerial flag: force used by aircraft or drones is aerial (195).
#[test]
fn aerial_force() {
    check(
        "aerial",
        "e1\t2023-10-05\tTurkish drones struck PKK positions in northern Syria on Thursday.\tTUR 195 PKK;!TUR 190 PKK\t",
    );
}

/// parse::clauses::passive_match: a passive fills a pattern's leading slot with its subject and
/// matches the rest after the verb ("was put under investigation").
#[test]
fn passives_of_slot_first_patterns() {
    check(
        "passive-slot-first",
        "u1\t2001-08-16\tA British student has been put under investigation in Italy over the riots in Genoa.\tITA 09 GBR\t
u2\t2016-12-05\tTwo Egyptian officers were placed under investigation by Italian prosecutors on Monday.\tITA 09 EGY\t",
    );
}

/// code::coder::obligation_request: after a statement, "Y must ..." is a demand on Y and "Y
/// should ..." an appeal to Y; the clause's subject may be compound and carry a place phrase.
#[test]
fn obligations_after_statements() {
    check(
        "obligation",
        "o1\t2024-02-09\tBritain's foreign secretary said on Friday that the Sudanese government and the rebels in Darfur must stop the fighting.\tGBR 100 SDN;GBR 100 SDN\t
o2\t2024-02-09\tThe German chancellor said Iran should halt uranium enrichment at once.\tDEU 020 IRN\t
o3\t2024-02-09\tA relief agency working in Gaza said Israeli and Egyptian officials must open more crossings.\t* 100 ISR;* 100 EGY\t
o4\t2024-02-09\tThe French president sent a stern reminder on Saturday to Iraq that it must cooperate with the inspectors.\tFRA 100 IRQ\t
o5\t2024-02-09\tJapan said a Chinese ship that entered its waters must leave.\t!JPN 100 JPN\t
o6\t2024-02-09\tRussia said it should be consulted.\t!RUS 020 RUS\t",
    );
}

/// parse::clauses::match_elems: a time or an adverb may stand between two words of a pattern.
#[test]
fn time_phrases_inside_patterns() {
    check(
        "pattern-adjuncts",
        "a1\t2024-03-12\tGerman prosecutors charged a Syrian doctor on Wednesday with crimes against humanity.\tDEU 173 SYR\t
a2\t2024-03-12\tMexico filed a complaint on Monday against the United States at the WTO.\tMEX 11 USA\t",
    );
}

/// parse::mentions::qualify_places: "Alexandria, Virginia" is in the United States.
#[test]
fn places_qualified_by_their_region() {
    check(
        "qualified-place",
        "q1\t2024-03-12\tProsecutors in Alexandria, Virginia, charged two Russian nationals on Tuesday with money laundering.\tUSA 173 RUS;!EGY 173 RUS\t",
    );
}

/// parse::clauses::predicates: a gerund right after a statement ("issued a statement
/// condemning ...") is what the statement does, by the statement's maker.
#[test]
fn gerunds_after_statements() {
    check(
        "statement-gerund",
        "g1\t2024-04-02\tThe Arab League issued a statement on Monday condemning the Israeli air strikes on Syria.\tARABLEAGUE 111 ISR\t
g2\t2024-04-02\tIran sent a letter to the United Nations accusing Israel of sabotage at a nuclear site.\tIRN 112 ISR;!IGOUNO 112 ISR\t
g3\t2024-04-02\tThe parliament of Ghana adopted a resolution demanding that Togo reopen the border.\tGHA 10 TGO\t",
    );
}

/// parse::clauses::analyse: a purpose infinitive after another infinitive shares its governor
/// ("ready to send experts to help Ukraine" is an offer of help, not help given).
#[test]
fn chained_infinitives_share_intent() {
    check(
        "intent-chain",
        "i1\t2024-05-02\tJapan is ready to send engineers to help Ukraine repair its power grid.\tJPN 033 UKR;!JPN 070 UKR\t
i2\t2024-05-02\tCanada is willing to deploy police officers to help Haiti restore order, its foreign minister said.\tCAN 03 HTI;!CAN 070 HTI\t
i3\t2024-05-02\tFrance sent engineers to help Morocco rebuild villages after the earthquake.\tFRA 07 MAR\t",
    );
}

/// verbs/extra.tsv: triggers found missing in real news (hyphenated "re-open", cuts of
/// supplies, suspensions of links, forcing out).
#[test]
fn more_triggers_from_real_news() {
    check(
        "triggers-2",
        "t1\t2024-05-02\tEritrea has agreed to re-open its border to U.N. monitors.\tERI 035 UN\t
t2\t2024-05-02\tThe World Food Programme on Monday cut food supplies to refugee camps in Kenya.\tWFP 162 *\t
t3\t2024-05-02\tItaly announced a suspension of air links with Libya on Wednesday.\tITA 16 LBY\t
t4\t2024-05-02\tMali's junta forced the U.N. mission out of the country last year.\tMLI 174 UN\t",
    );
}

/// nouns.tsv and code::coder: protest nouns are events of the people named by the adjective,
/// not official complaints of their state.
#[test]
fn protest_nouns() {
    check(
        "protest-nouns",
        "pn1\t2024-05-02\tPalestinian riots against Israeli military policies continued for a third day.\tPSE 145 ISR\t
pn2\t2024-05-02\tKenyan demonstrations against the tax bill spread to Mombasa on Tuesday.\tKEN 141 *;!KEN 114 *\t",
    );
}

/// parse::clauses::analyse (stative participles) and states.tsv: "were engaged in" is the
/// subject's activity, not a passive; Kampuchea is Cambodia.
#[test]
fn engaged_in_and_former_names() {
    check(
        "engaged-in",
        "e1\t2024-05-02\tSudanese army units were engaged in heavy fighting with the RSF near Omdurman.\tSDN 19 *;!* 19 SDNMIL\t
e2\t1985-03-10\tVietnamese-led forces shelled Kampuchean guerrilla camps near the Thai border.\tVNM 19 KHM\t",
    );
}

/// parse::mentions::add_bare_names: an unknown organisation's name after a sentence-opening
/// "The" is an unresolved actor; its event is kept with a null code.
#[test]
fn unknown_organisations_open_sentences() {
    check(
        "unknown-organisation",
        "u1\t2024-05-02\tThe Homeland Union criticized the Lithuanian parliament on Monday.\t? 111 LTU\t
u2\t2024-05-02\tThe Great Recession hit Spain hard.\tnone\t",
    );
}

/// verbs/conflict.tsv and parse::clauses::match_elems: "pressure X to do Y" is a demand (CAMEO
/// 10), and an "of" phrase after the pattern's target belongs to it.
#[test]
fn pressure_to_act_is_a_demand() {
    check(
        "pressure",
        "pr1\t2024-05-02\tIranian authorities pressured workers of the city bus company to call off their strike.\tIRN 10 IRN;!IRN 170 IRN\t
pr2\t2024-05-02\tThe United States pressured Israel into accepting the truce.\tUSA 17 ISR\t",
    );
}

/// code::coder::decided_act and code::resolve: after "decided to" or "voted to" any act is
/// done; "it" may refer back to a body named by its role alone; consensus to act is intent.
#[test]
fn decisions_bodies_and_consensus() {
    check(
        "decisions-2",
        "d1\t2024-05-02\tThe Supreme Court decided to allow the opposition leader to run in the election.\t* 08 *;!* 035 *\t
d2\t2024-05-02\tThe opposition party said it will boycott the parliamentary elections in Zimbabwe.\tZWE 13 *\t
d3\t2024-05-02\tGreece and Turkey reached a consensus to exchange data on migrant boats.\tGRC 03 *\t
d4\t2024-05-02\tThe United States announced it would prohibit all aid to Niger's military junta.\tUSA 1 NER\t",
    );
}

/// code::coder::obligation_request (agreements) and attributes_sentence: "agreed that their
/// countries should cooperate" is an intent to cooperate; ", a rights group protested" is a
/// verbal protest, not a demonstration.
#[test]
fn agreements_on_own_conduct_and_protests_that_attribute() {
    check(
        "agreed-intent",
        "ai1\t2024-05-02\tSerbian and Croatian officials agreed on Tuesday that their countries should cooperate on the search for missing persons.\tSRB 030 HRV;HRV 030 SRB\t
ai2\t2024-05-02\tThe authorities are failing to protect journalists, a rights group protested here on Monday.\t* 111 *;!* 141 *\t
ai3\t2024-05-02\tThousands of teachers protested in Nairobi on Monday.\tKEN 141 *\t",
    );
}

/// Classes from a real-news error analysis: quotes inside patterns, "is set to", "resolved
/// to", armed attacks on civilian sites (the place's civilians are the target), "-led
/// coalition".
#[test]
fn real_news_classes_third_session() {
    check(
        "real-news-3",
        "rn1\t2024-05-02\tJapan's foreign minister expressed \"serious concern\" over North Korea's missile launches.\tJPN 012 PRK\t
rn2\t2024-05-02\tThe Greek foreign minister is set to visit Ankara on Thursday.\tGRC 036 TUR\t
rn3\t2024-05-02\tECOWAS resolved on Sunday to withdraw its ambassadors from Mali.\t* 161 MLI;!* 13 MLI\t
rn4\t2024-05-02\tGunmen stormed a hotel in Mogadishu on Sunday.\t* 18 SOM\t
rn5\t2024-05-02\tThe Saudi-led coalition bombed Houthi positions near Hodeidah.\tSAU 19 *\t",
    );
}

/// cameo.tsv `targets_civilians`: an attack on a civilian site hits the place's civilians, not
/// its government, whoever attacks.
#[test]
fn attacks_on_civilian_sites_target_civilians() {
    let t = target_of(
        "Gunmen stormed a hotel in Mogadishu on Sunday.",
        "2024-05-02",
        "18",
    );
    assert_eq!(
        (t.country.as_deref(), t.sector.map(|s| s.as_str())),
        (Some("SOM"), Some("CVL"))
    );
}

/// parse::clauses::analyse: verbs of success are transparent ("had not managed to hit" is no
/// hit), and a failure is neither the act nor a refusal.
#[test]
fn success_and_failure_verbs() {
    check(
        "implicative",
        "im1\t2024-05-02\tEthiopian jets had not managed to hit any targets in Mekelle, a rebel spokesman said.\t!ETH 19 *\t
im2\t2024-05-02\tThe Cameroonian army managed to retake the town of Bamenda.\tCMR 19 *\t
im3\t2024-05-02\tRussian forces failed to capture the airport near Kyiv.\t!RUS 19 *;!RUS 12 *\t",
    );
}

/// code::coder (crowds): a counted crowd protesting ("Thousands took to the streets of
/// Khartoum") is the civilians of the place.
#[test]
fn counted_crowds_protest() {
    check(
        "crowd",
        "cr1\t2024-05-02\tThousands took to the streets of Khartoum on Thursday.\tSDN 14 SDN\t
cr2\t2024-05-02\tTens of thousands rallied in Tbilisi on Sunday against the foreign agents bill.\tGEO 14 *\t
cr3\t2024-05-02\tThousands of soldiers crossed the border on Sunday.\t!* 14 *\t",
    );
}

/// parse::clauses::predicates and parse::mentions::add_bare_names: the words of a multiword
/// event noun ("Air raids", "drone strike") are neither a verb nor a personal name.
#[test]
fn event_noun_words_are_no_verbs_or_names() {
    check(
        "event-noun-words",
        "en1\t2024-05-02\tAir raids by the coalition killed 20 civilians in Sanaa.\t!? 19 *\t
en2\t2024-05-02\tRussia strikes Ukrainian ports.\tRUS 19 UKR\t",
    );
}

/// parse::clauses::event_noun_maker: an event noun as a verb's subject brings its maker
/// ("Israeli air strikes killed ...", "Air raids by the coalition killed ...").
#[test]
fn event_nouns_as_subjects() {
    check(
        "event-noun-subject",
        "es1\t2024-05-02\tIsraeli air strikes killed 20 people in Gaza on Monday.\tISR 19 PSE;!PSE 19 PSE\t
es2\t2024-05-02\tA Russian missile strike killed five civilians in Kharkiv on Tuesday.\tRUS 19 UKR;!UKR 19 UKR\t
es3\t2024-05-02\tAir raids by the Saudi-led coalition killed 20 civilians in Sanaa.\tSAU 19 YEM\t",
    );
}

/// parse::clauses::match_elems: in a target slot, "the situation in X" stands for X.
#[test]
fn situations_stand_for_their_place() {
    check(
        "situation",
        "si1\t2024-05-02\tThe African Union expressed concern about the situation in Sudan.\tAU 012 SDN\t
si2\t2024-05-02\tChina voiced concern over the crisis in Venezuela on Monday.\tCHN 012 VEN\t",
    );
}

/// parse::clauses (weapon subjects) and parse::nominal (noun modifiers): "A car bomb killed
/// ..." is a car bombing by an unidentified group of the place; in "ceasefire talks" the
/// ceasefire is no event of its own.
#[test]
fn weapon_subjects_and_noun_modifiers() {
    check(
        "weapon-subject",
        "ws1\t2024-05-02\tA car bomb killed three soldiers in Mogadishu on Sunday.\tSOM 1832 SOM\t
ws2\t2024-05-02\tCeasefire talks between Israel and Hamas resumed in Cairo on Sunday.\tISR 04 HAMAS;!ISR 087 *\t",
    );
}

/// verbs/extra.tsv (aid given to a party): money, relief goods and arms given, sent or
/// handed over to a party are economic (071), humanitarian (073) and military (072) aid.
#[test]
fn aid_given_to_a_party() {
    check(
        "aid-to",
        "ag1\t2024-05-02\tJapan provided 300 tonnes of rice to Laos on Monday.\tJPN 073 LAO\t
ag2\t2024-05-02\tCanada gave 25 million dollars to Haiti on Tuesday.\tCAN 071 HTI\t
ag3\t2024-05-02\tGermany handed over four patrol boats to Ghana on Thursday.\tDEU 072 GHA\t
ag4\t2024-05-02\tThe European Union gave Moldova two billion euros in loans and grants.\tEU 071 MDA\t
ag5\t2024-05-02\tKuwait donated 40 tonnes of medicine to Sudan.\tKWT 073 SDN\t",
    );
}

/// parse::clauses::match_elems: after "to", a verb opens an infinitive, so a "to {t}" slot
/// stays empty and the shorter pattern codes the act ("sent fighter jets to strike" is a
/// deployment, not military aid).
#[test]
fn infinitive_is_no_target_slot() {
    check(
        "infinitive-slot",
        "is1\t2024-05-02\tThailand sent fighter jets to strike Cambodian positions on Thursday.\tTHA 154 -;!THA 072 *\t
is2\t2024-05-02\tTurkey sent fighter jets to Azerbaijan on Monday.\tTUR 072 AZE\t",
    );
}

/// parse::clauses::verb_forms_allowed: news has no imperatives, so a base form opening a
/// sentence is no verb ("State senators", "Attack helicopters").
#[test]
fn sentence_initial_base_form_is_no_verb() {
    check(
        "initial-base-form",
        "ib1\t2024-05-02\tState lawmakers in Ohio passed the budget on Wednesday.\t!* 010 *\t
ib2\t2024-05-02\tAttack helicopters flew over the capital on Monday.\t!* 19 *\t",
    );
}

/// code::coder::resolve_mentions: a place after a locative preposition is where, not who, so
/// a later "they" or "it" does not refer to it.
#[test]
fn place_phrases_are_no_antecedents() {
    check(
        "place-antecedent",
        "pa1\t2024-05-02\tEU foreign ministers met in Brussels on Monday. They urged Iran to release the detained aid workers.\tEU 02 IRN;!BEL 02 IRN\t
pa2\t2024-05-02\tArab League ministers gathered in Cairo on Sunday. They condemned the Israeli strikes on Lebanon.\tARABLEAGUE 111 ISR;!EGY 111 ISR\t",
    );
}

/// code::resolve (office holders): a holder code that is an organization's ("WHO", "IMF",
/// "WTO") makes the holder the organization's, not a state's.
#[test]
fn organization_office_holders() {
    check(
        "org-holders",
        "oh1\t2021-06-14\tTedros Adhanom Ghebreyesus urged Ethiopia to allow aid into Tigray.\tWHO 02 ETH\t
oh2\t2022-03-02\tNgozi Okonjo-Iweala met Indian trade officials in Geneva on Tuesday.\tWTO 04 IND\t",
    );
}

/// parse::mentions (bare names and appositions): a time word may stand between a name and
/// its verb; "A and his Brazilian counterpart, C, signed" is a compound subject.
#[test]
fn names_across_times_and_role_appositions() {
    check(
        "names",
        "nm1\t2024-05-02\tChile's deputy foreign minister Ana Ruiz arrived in Lima on Monday. Ms. Ruiz later criticized the Peruvian navy.\tCHL 111 PER\t
nm2\t2024-05-02\tArgentine President Javier Milei and his Brazilian counterpart, Luiz Inacio Lula da Silva, signed a trade agreement on Monday.\tARG 057 BRA\t",
    );
}

/// parse::clauses::analyse (implicative verbs): "attempt" and "try" pass modals through to
/// the act ("could attempt to invade" is a possible invasion, a threat); after a preposition
/// the attempt is a charge's content ("accused Ukraine of trying to assassinate").
#[test]
fn attempts() {
    check(
        "attempts",
        "at1\t2024-05-02\tChina could attempt to invade Taiwan within six years, a U.S. admiral said on Tuesday.\t!CHN 19 TWN\t
at2\t2024-05-02\tRussia accused Ukraine on Wednesday of trying to assassinate the president with a drone.\tRUS 112 UKR;!UKR 18 *;!* 18 *\t
at3\t2024-05-02\tEgypt and Ethiopia agreed on Thursday to try to finalise a deal on the dam.\tEGY 03 ETH\t",
    );
}

/// parse::mentions (combining forms): "Indo-", "Sino-" name a state only before a second
/// state ("Sino-Indian"); "Indo-Pacific" is a region.
#[test]
fn combining_forms_need_a_second_state() {
    check(
        "combining",
        "cf1\t2024-05-02\tThe top U.S. commander in the Indo-Pacific warned senators on Tuesday.\t!* 01 IND;!* 13 IND;!IND 01 *;!IND 13 *\t",
    );
}

/// parse::clauses::inanimate_subject: a possessive inside a place phrase after the subject
/// ("Police in Kenya's capital fired") does not make the subject a thing.
#[test]
fn possessives_inside_place_phrases() {
    check(
        "place-possessive",
        "pp1\t2024-05-02\tRiot police in Kenya's capital fired tear gas at protesters on Tuesday.\tKEN 175 KEN\t
pp2\t2024-05-02\tTroops in Mali's north clashed with jihadist fighters on Sunday.\tMLI 19 MLI\t",
    );
}

/// parse::clauses::analyse and code::predicate::hypothetical: the act inside a condition's
/// own clause is neither done nor threatened ("will respond if the EU imposes sanctions"),
/// while a main clause after a fronted condition stays a threat.
#[test]
fn conditions_are_not_acts() {
    check(
        "condition",
        "cd1\t2024-05-02\tRussia will respond if the EU imposes new sanctions, the Kremlin said.\t!EU 16 *;!EU 13 *\t
cd2\t2024-05-02\tIf attacked, Iran will strike back at Israel, the Iranian defence minister said.\tIRN 13 ISR\t",
    );
}

/// code::predicate::implied_agent: fighters struck with no attacker named, in a sentence a
/// state's forces report, were struck by those forces; other victims keep the unidentified
/// attacker of the place.
#[test]
fn reporting_forces_as_agents() {
    let events = code(
        "Ten militants were killed in clashes in North Waziristan, an army officer told AFP on Sunday.",
        "2024-05-02",
    );
    let strike = events
        .iter()
        .find(|e| e.cameo.root == "19")
        .expect("a use of force");
    let source = strike.source.as_ref().unwrap();
    assert_eq!(
        (source.country.as_deref(), source.code.as_deref()),
        (Some("PAK"), Some("PAKMIL")),
        "{strike:?}"
    );
    check(
        "reporting-force",
        "rf2\t2024-05-02\tFive soldiers were killed in a roadside bombing in North Waziristan, an army officer said.\t!PAKMIL 18 *;!PAKMIL 19 *\t",
    );
}

/// parse::mentions (stance prefixes): a stance toward a role alone leaves no actor ("an
/// anti-government rally" is no government's), while a stance toward a state keeps the role
/// ("pro-Russian separatists" are separatists, not Russians).
#[test]
fn stances_toward_roles() {
    check(
        "stance-role",
        "sr1\t2024-05-02\tThousands joined the third anti-government rally in Bangkok this week on Saturday.\t!THA 114 *\t
sr2\t2024-05-02\tPro-Russian separatists shelled the town of Avdiivka on Monday.\t!RUS 19 *\t",
    );
}

/// code::targets::from_adjunct: with no target written, a party after "with" or "against"
/// right after the predicate is the other party of what it is about; "of" names a cause, and a
/// statement's "with" belongs to what was said.
#[test]
fn adjunct_targets() {
    check(
        "adjunct-target",
        "aj1\t2024-05-02\tJapan apologized for the collision of its patrol boat with a Taiwanese fishing vessel.\tJPN 055 TWN\t
aj2\t2024-05-02\tUp to 1,000 ethnic Turks began a hunger strike on Monday to protest against Sweden's decision to deport them.\t* 142 SWE\t
aj3\t2024-05-02\tIran said on Monday that talks with the United States had stalled.\tIRN 010 -;!IRN 010 USA\t",
    );
}

/// article::Article::new: a leading byte-order mark changes nothing (the seed article's date
/// header and its EU actor used to be lost).
#[test]
fn byte_order_mark_changes_nothing() {
    let coder = Coder::new();
    let plain = eventcoder::Article::new("a", eventcoder::EXAMPLE_ARTICLE);
    let marked = eventcoder::Article::new("a", format!("\u{feff}{}", eventcoder::EXAMPLE_ARTICLE));
    let (p, m) = (coder.code(&plain).unwrap(), coder.code(&marked).unwrap());
    assert!(p.published.is_some());
    assert_eq!(p.published, m.published);
    assert_eq!(p.events, m.events);
}

/// parse::clauses::participial_adjunct_of and merge_participial_adjuncts: a gerund after the
/// comma that closes a clause is what the clause's makers did with it. Force after force is
/// the same attack (its targets go to the attack); a new kind of act with a party is an event
/// of its own; a statement, the host's own code again, or an act on no one is no new event.
#[test]
fn participial_adjuncts() {
    check(
        "participial-adjunct",
        "pa1\t2021-05-31\tColombian soldiers returned fire, killing three ELN rebels.\tCOL 19 COL\t
pa2\t2021-05-31\tMoldova expelled two Russian diplomats on Friday, accusing them of espionage.\tMDA 16 RUS;MDA 11 RUS\t
pa3\t2021-05-31\tThe Pope arrived in Baghdad on Friday, defying security risks.\t!VAT 12 IRQ\t",
    );
    for text in [
        "Azerbaijani forces shelled the village on Monday, killing two Armenian soldiers.",
        "Mali expelled the French ambassador, giving him 72 hours to leave the country.",
        "Hungary condemned the raid on Monday, saying it was unacceptable.",
    ] {
        let events = code(text, "2021-05-31");
        assert_eq!(events.len(), 1, "{text}: one act, not two: {events:?}");
    }
    let shelling = code(
        "Azerbaijani forces shelled the village on Monday, killing two Armenian soldiers.",
        "2021-05-31",
    );
    assert_eq!(
        shelling[0]
            .target
            .as_ref()
            .and_then(|t| t.country.as_deref()),
        Some("ARM"),
        "the attack takes the adjunct's target"
    );
}

/// code::coder::context_state: the state that names a border is the other side of it, not
/// the state of the actors fighting near it.
#[test]
fn a_border_lends_no_state() {
    for text in [
        "Pakistani troops killed six insurgents near the Afghan border on Sunday.",
        "Troops killed six insurgents near the border with Afghanistan on Sunday.",
    ] {
        let events = code(text, "2021-05-31");
        let violent = events
            .iter()
            .find(|e| e.cameo.code.starts_with("19"))
            .unwrap_or_else(|| panic!("{text}: no attack: {events:?}"));
        for actor in [&violent.source, &violent.target].into_iter().flatten() {
            assert_ne!(actor.country.as_deref(), Some("AFG"), "{text}: {actor:?}");
        }
    }
}

/// Premises of the security forces stand for the forces holding them, and an armed group's
/// "riot" is an armed attack (code::predicate::by_armed).
#[test]
fn premises_and_armed_attackers() {
    check(
        "premises",
        "f1\t2022-07-04\tInsurgents ambushed an army patrol base near Kunduz on Monday.\tAFG 19 AFG\t
f2\t2022-07-04\tGunmen attacked a police station in the Egyptian city of Arish on Monday.\tEGY 19 EGY;!* 14 *\t
f3\t2022-07-04\tAngry villagers set fire to a police station in Kenya's Kisii county on Monday.\tKEN 145 KEN\t",
    );
    let target = target_of(
        "Militants attacked a checkpoint in Iraq's Diyala province on Monday.",
        "2022-07-04",
        "19",
    );
    assert_eq!(target.country.as_deref(), Some("IRQ"), "{target:?}");
    assert_eq!(
        target.sector,
        Some(eventcoder::ontology::Sector::Cop),
        "{target:?}"
    );
}

/// parse::clauses::names_subdivision: "state" after a place name is part of it, no verb.
#[test]
fn a_subdivision_is_no_verb() {
    for text in [
        "Gunmen abducted three traders in Nigeria's Benue state on Monday.",
        "Police said on Monday that gunmen had abducted three traders in northern Katsina state.",
    ] {
        let events = code(text, "2022-07-04");
        assert!(
            events.iter().all(|e| e.trigger.text != "state"),
            "{text}: {events:?}"
        );
    }
    let said = code("Ms. Moreno states that the vote was fair.", "2022-07-04");
    assert!(said.iter().any(|e| e.trigger.text == "states"), "{said:?}");
}

/// code::targets::from_antecedent: "the attack" refers back to the latest act of violence,
/// across sentences of detail, but not across a whole article.
#[test]
fn the_attack_refers_back_to_the_violence() {
    let detail = " Witnesses described heavy gunfire.";
    let article = |details: usize| {
        format!(
            "Militants attacked an army camp in northern Burkina Faso on Friday.{} The African Union condemned the attack on Saturday.",
            detail.repeat(details)
        )
    };
    let target = target_of(&article(3), "2023-06-10", "111");
    assert_eq!(target.country.as_deref(), Some("BFA"), "{target:?}");
    let far = code(&article(12), "2023-06-10");
    let condemned = far
        .iter()
        .find(|e| e.cameo.code == "111")
        .unwrap_or_else(|| panic!("no condemnation: {far:?}"));
    assert!(condemned.target.is_none(), "{condemned:?}");
}

/// code::coder::attribution_speakers: ", they said" and ", it said" are the latest speakers,
/// not the latest actor of the story.
#[test]
fn they_said_is_the_latest_speakers() {
    check(
        "they-said",
        "ts1\t2022-02-01\tIsraeli troops raided the West Bank city of Jenin on Tuesday, Palestinian health officials said. Israeli soldiers also arrested three men in a nearby village, they said.\tISR 1 PSE;PSE 01 -;!ISR 01 -\t
ts2\t2022-02-01\tKenya's foreign ministry said on Sunday that it would send observers to the vote. The decision followed a meeting of the African Union in Addis Ababa last week, it said.\tKEN 01 -;!AU 01 -\t",
    );
}

/// parse::mentions: a capital alone after a determiner and before a noun says where, not who
/// ("the Kabul attack", "a Tehran rally"); with a role it stays the government ("the Kabul
/// government").
#[test]
fn a_capital_before_a_noun_names_the_place() {
    for (text, capital) in [
        ("The Kabul attack killed 12 people on Sunday.", "Kabul"),
        (
            "Thousands of supporters attended a Tehran rally on Friday.",
            "Tehran",
        ),
        (
            "Survivors of the Kabul bombing said on Sunday that the government had ignored warnings.",
            "Kabul",
        ),
    ] {
        let events = code(text, "2021-08-29");
        assert!(
            events.iter().all(|e| {
                [&e.source, &e.target]
                    .into_iter()
                    .flatten()
                    // (As the place, it may stand for the civilians there.)
                    .all(|a| {
                        a.text != capital || !a.code.as_deref().is_some_and(|c| c.ends_with("GOV"))
                    })
            }),
            "{text}: {events:?}"
        );
    }
    let attack = code("The Kabul attack killed 12 people on Sunday.", "2021-08-29");
    let killing = attack
        .iter()
        .find(|e| e.cameo.code.starts_with("19"))
        .unwrap_or_else(|| panic!("no attack: {attack:?}"));
    assert_eq!(
        killing.location.as_ref().and_then(|l| l.country.as_deref()),
        Some("AFG"),
        "{killing:?}"
    );
    let government = code(
        "The Kabul government rejected the report on Monday.",
        "2021-08-29",
    );
    assert!(
        government.iter().any(|e| e
            .source
            .as_ref()
            .is_some_and(|a| a.code.as_deref() == Some("AFGGOV"))),
        "{government:?}"
    );
}

/// parse::mentions (decorate): a capital after its noun ("in the capital, Kabul", "in the
/// Malian capital Bamako") is where the event happened, not a party to it.
#[test]
fn a_capital_after_its_noun_is_a_place() {
    let marched = code(
        "Protesters marched in the capital, Kabul, on Sunday to demand jobs.",
        "2021-05-02",
    );
    assert!(
        marched
            .iter()
            .all(|e| e.source.as_ref().is_none_or(|a| a.text != "Kabul")),
        "{marched:?}"
    );
    assert!(
        marched.iter().any(|e| e
            .location
            .as_ref()
            .is_some_and(|l| l.name.as_str() == "Kabul")),
        "{marched:?}"
    );
    let target = target_of(
        "Gunmen attacked a hotel in the Malian capital Bamako, killing five people.",
        "2015-11-20",
        "18",
    );
    assert_ne!(target.code.as_deref(), Some("MLIGOV"), "{target:?}");
    // Where the sentence names another state later, roles still take the capital's.
    let fired = target_of(
        "Police fired tear gas at opposition supporters at a rally in the capital, Tehran, held in solidarity with uprisings in Egypt.",
        "2011-02-14",
        "17",
    );
    assert_eq!(fired.country.as_deref(), Some("IRN"), "{fired:?}");
}

/// parse::nominal: an event noun before a plain noun modifies it ("riot gear", "attack
/// helicopters"); the noun codes no event.
#[test]
fn an_event_noun_before_a_noun_modifies_it() {
    for text in [
        "Police in riot gear blocked the main road into the capital on Wednesday.",
        "Lebanese soldiers in riot gear cleared the square in central Beirut on Saturday.",
        "Iraq said it would buy attack helicopters from South Korea.",
    ] {
        let events = code(text, "2020-08-08");
        assert!(
            events
                .iter()
                .all(|e| !matches!(e.trigger.text.as_str(), "riot" | "attack")),
            "{text}: {events:?}"
        );
    }
    // Before a preposition it is still the event.
    let attack = code(
        "Iran's attack on American forces in Iraq drew condemnation on Thursday.",
        "2020-01-09",
    );
    assert!(
        attack
            .iter()
            .any(|e| e.trigger.text == "attack" && e.cameo.code.starts_with("19")),
        "{attack:?}"
    );
}

/// parse::clauses (match_gap): a pattern's gap crosses the comma of an apposition inside the
/// object's mention ("summoned Hideo Tarumi, Japan's ambassador", `summon * ambassador`), but
/// not a comma between clauses.
#[test]
fn a_gap_crosses_an_apposition() {
    check(
        "apposition-gap",
        "g1\t2023-05-22\tChina summoned Hideo Tarumi, Japan's ambassador to China, on Sunday.\tCHN 114 JPN\t
g2\t2022-10-12\tUkraine expelled Kamil Rahimov, the Iranian ambassador, on Tuesday.\tUKR 161 IRN;!UKR 174 *\t
g3\t2022-10-12\tPoland summoned journalists, and the Belarusian ambassador left the country on Tuesday.\t!POL 114 *\t",
    );
}

/// A value ("worth $400 million") or a second, coordinated object ("and a team of sniffer
/// dogs") may stand between a pattern's object noun and the preposition of its target; a
/// second clause with its own subject may not.
#[test]
fn an_object_tail_stands_before_the_target() {
    check(
        "object-tail",
        "t1\t2024-03-12\tWashington sent a fresh package of weapons worth $300 million to Ukraine on Tuesday.\tUSA 072 UKR\t
t2\t2023-02-08\tSpain dispatched 80 rescuers and a team of sniffer dogs to Turkey on Wednesday.\tESP 073 TUR\t
t3\t2022-02-28\tThe European Union imposed sanctions and an asset freeze on Russia on Monday.\tEU 163 RUS\t
t4\t2022-03-01\tFrance sent aid and Germany pledged loans to Ukraine on Tuesday.\t!FRA 07 UKR\t",
    );
}

/// Rule `speculation`: a possible harm reported by another state is its assessment, not a
/// threat by the subject; reported by the subject's own side, it stays a threat.
#[test]
fn a_possible_harm_another_state_reports_is_no_threat() {
    check(
        "speculation",
        "t1\t2024-04-09\tIran could strike Israel within days, U.S. officials said on Tuesday.\tUSA 01 -;!IRN 13 *;!IRN 19 *\t
t2\t2024-02-11\tChina may blockade Taiwan before 2027, a Japanese defence ministry report said.\tJPN 01 -;!CHN 13 *\t
t3\t2024-05-21\tMoscow could strike British targets in Ukraine, Russia's foreign ministry warned on Tuesday.\tRUS 13 GBR\t
t4\t2024-06-05\tRussia could use nuclear weapons if attacked, Russian Security Council deputy chairman Dmitry Medvedev said.\tRUS 13 -\t
t5\t2024-04-12\tIran might retaliate against Israel within days, according to U.S. officials.\t!IRN 13 *;!IRN 19 *\t",
    );
}

/// parse::clauses: a gerund after "before", "after" or "without" shares the possibility or the
/// intent of the clause it follows; after a done act it is done too.
#[test]
fn a_gerund_after_before_shares_the_clause_modality() {
    check(
        "time-gerund",
        "t1\t2024-01-05\tChina could blockade the ports before invading the island.\t!CHN 19 *\t
t2\t2023-10-20\tIsrael will encircle the city before attacking Hamas positions in the north.\tISR 13 *;!ISR 19 *\t
t3\t2024-06-12\tSudanese troops stormed the town on Wednesday after shelling it for three days.\tSDN 192 -;!SDN 13 *\t",
    );
}

/// code::resolve: a legislature told ("told lawmakers", "told senators") is the speaker's own,
/// not the state the sentence is about.
#[test]
fn a_legislature_told_is_the_speakers_own() {
    check(
        "addressee",
        "t1\t2024-04-18\tIran has supplied drones to Russia, the head of U.S. Central Command told senators on Thursday.\tUSA 01 USA;!* 01 IRN;!* 01 UKR\t
t2\t2024-03-26\tNorth Korea may carry out a nuclear test at any time, South Korea's spy agency told lawmakers.\tKOR 01 KOR;!* 01 PRK\t",
    );
}

/// parse::clauses and verbs/material.tsv: "artillery shells" counted or sent is munitions, not
/// shelling, and sending them is military aid.
#[test]
fn counted_artillery_shells_are_munitions() {
    check(
        "munitions",
        "t1\t2023-11-01\tNorth Korea has sent more than a million artillery shells to Russia.\tPRK 072 RUS;!* 19 *\t
t2\t2024-01-22\tIran supplied thousands of artillery shells to Russia last year.\tIRN 072 RUS;!* 19 *\t
t3\t2024-08-09\tThe United States will send 155mm artillery shells to Ukraine.\tUSA 033 UKR;!* 19 *\t
t4\t2024-02-14\tRussian forces shelled the town of Avdiivka on Wednesday.\tRUS 19 UKR\t",
    );
}

/// parse::mentions: a comma lists state adjectives before a role ("Hungarian, Romanian and
/// Polish officials"), but after a state's name it ends the phrase: ", Ukraine's military
/// intelligence said" reports, it is no second target.
#[test]
fn a_reporter_after_a_comma_is_no_second_target() {
    check(
        "reporter-comma",
        "t1\t2024-01-22\tIran has supplied hundreds of drones to Russia, Ukraine's military intelligence said.\tIRN 072 RUS;!IRN 07 UKR;UKR 01 -\t
t2\t2023-11-01\tNorth Korea has sent weapons to Russia, South Korea's spy agency told lawmakers.\tPRK 072 RUS;!PRK 07 KOR;KOR 01 KOR\t
t3\t2024-03-10\tHungarian, Romanian and Polish officials met in Warsaw on Sunday.\tHUN 04 *;ROU 04 *;POL 04 *\t",
    );
}
