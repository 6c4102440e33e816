//! Closed-class word classes (`data/function_words.tsv`), as bits.

/// Determiner.
pub const DET: u64 = 1;
/// Possessive pronoun.
pub const POSS: u64 = 1 << 1;
/// Locative or temporal preposition.
pub const PREP_LOC: u64 = 1 << 2;
/// Other preposition.
pub const PREP: u64 = 1 << 3;
/// "by".
pub const BY: u64 = 1 << 4;
/// A form of "be".
pub const BE: u64 = 1 << 5;
/// A form of "have".
pub const HAVE: u64 = 1 << 6;
/// A form of "do".
pub const DO: u64 = 1 << 7;
/// Future marker.
pub const FUTURE: u64 = 1 << 8;
/// Hypothetical marker.
pub const HYPO: u64 = 1 << 9;
/// Negator.
pub const NEG: u64 = 1 << 10;
/// Coordinator.
pub const CONJ: u64 = 1 << 11;
/// Relative pronoun.
pub const REL: u64 = 1 << 12;
/// Complementizer.
pub const COMP: u64 = 1 << 13;
/// Verb of intent.
pub const INTENT: u64 = 1 << 14;
/// Verb that negates its complement.
pub const REFUSE: u64 = 1 << 15;
/// Personal pronoun.
pub const PRON: u64 = 1 << 16;
/// Relative time word.
pub const TIME: u64 = 1 << 17;
/// Verb of saying.
pub const REPORT: u64 = 1 << 18;

/// Adverb that may stand between a subject and its verb.
pub const ADV: u64 = 1 << 19;

/// Quantifier or number word ("more than", "five", "hundreds").
pub const QUANT: u64 = 1 << 20;

/// A courtesy title before a personal name ("Mr.", "Ms", "Dr.", "H.E.", "Excellency").
pub const HONORIFIC: u64 = 1 << 21;

/// A particle inside a personal name ("bin", "al", "de", "van", "Jr.").
pub const NAME_PARTICLE: u64 = 1 << 22;

/// A word that opens a subordinate clause ("after", "because", "unless").
pub const SUBORDINATOR: u64 = 1 << 23;

/// A verb of denial whose "that" clause is not asserted ("denied that its forces had fired").
pub const DENIAL: u64 = 1 << 24;

/// A verb of decision ("agree", "decide", "vote"): a decided material-conflict act is the act.
pub const DECISION: u64 = 1 << 25;

/// A pronoun for a person ("he", "she", "him").
pub const PRON_PERSON: u64 = 1 << 26;
/// A pronoun for a thing or a state ("it").
pub const PRON_THING: u64 = 1 << 27;
/// A pronoun for several parties ("they", "them").
pub const PRON_PLURAL: u64 = 1 << 28;
/// A first-person pronoun: the speaker of a quote ("we").
pub const PRON_SPEAKER: u64 = 1 << 29;

/// The second word of a reciprocal pronoun ("each other", "one another").
pub const RECIPROCAL: u64 = 1 << 30;

/// A prefix before a hyphen that names a stance toward what follows, not membership ("pro-",
/// "anti-"): "pro-Russian separatists" are not Russian.
pub const STANCE: u64 = 1 << 31;

/// A word of direction or part between a locative preposition and a place: "in northern Iraq",
/// "in east Beirut", "on the outskirts of Kabul".
pub const DIRECTION: u64 = 1 << 32;

/// A definite determiner ("the", "these"): a plural role after it may refer back ("the
/// diplomats"), while "six former ministers" introduces new people.
pub const DEFINITE: u64 = 1 << 33;

/// A participle that, after "be" and before "to", states the subject's own stance rather than a
/// passive: "Israel is opposed to French mediation", "Kenya remains committed to the talks".
pub const STATIVE: u64 = 1 << 34;

/// A noun that, after a definite determiner, refers to an earlier event: "China denounced the
/// move", "Estonia condemned the decision".
pub const ANAPHORIC_EVENT: u64 = 1 << 35;

/// A subordinator whose clause tells what happened before the news: "the first contact since
/// Russia invaded Ukraine".
pub const RETROSPECTIVE: u64 = 1 << 36;

/// A unit of time before a subordinator that puts its clause in the past: "a century after
/// British soldiers looted them", "years before".
pub const DURATION: u64 = 1 << 37;

/// A participle of ordering or asking: after "be" and before "to" + verb, the act is demanded of
/// the subject, not done ("was ordered to shut the consulate").
pub const DIRECTIVE: u64 = 1 << 38;

/// A noun for a party's positions or premises: a role word before it is the party, not a
/// modifier ("shelled rebel positions", "raided militant hideouts").
pub const HOLDING: u64 = 1 << 39;

/// A modal of obligation: "X said Y must ..." is a demand on Y.
pub const OBLIGATION: u64 = 1 << 40;

/// A modal of advice: "X said Y should ..." is an appeal to Y.
pub const ADVICE: u64 = 1 << 41;

/// A verb of decision that makes any decided act done ("the court decided to allow", "the
/// parliament voted to approve"); with "agree" only conflict is done ("agreed to impose
/// sanctions"), other acts stay promises ("agreed to provide aid").
pub const DECISIVE: u64 = 1 << 42;

/// A word after which a gerund is a verb ("after meeting", "while visiting", "without
/// consulting").
pub const GERUND_OPENER: u64 = 1 << 43;

/// A verb of success whose "to" + verb is done when it is ("managed to hit"), so negation
/// and modals before it apply to the act ("had not managed to hit" is no hit).
pub const IMPLICATIVE: u64 = 1 << 44;

/// A verb of failure: its "to" + verb was not done, and not refused either ("failed to
/// capture the airport", "failed to ease tensions").
pub const FAILURE: u64 = 1 << 45;

/// A noun for a state of affairs somewhere: in a target slot, "the situation in Sudan" stands
/// for Sudan.
pub const SITUATION: u64 = 1 << 46;

/// A word for a call held at a distance: "discussed ... by phone with" is a telephone call.
pub const REMOTE: u64 = 1 << 47;

/// A word that opens a condition ("if", "unless"): the clause after it is hypothetical, and a
/// threat's target may be named in it.
pub const CONDITION: u64 = 1 << 48;

/// A condition of exception ("unless"): an intention under it is a threat.
pub const EXCEPTION: u64 = 1 << 49;

/// The possessive relative pronoun ("whose"): "Kyrgyzstan and Tajikistan, whose border guards
/// clashed" gives the guards their owners' states.
pub const POSS_REL: u64 = 1 << 50;

/// A participle of prospective aspect ("going"): its "to" + verb is not yet done.
pub const PROSPECTIVE: u64 = 1 << 51;

/// A verb of threatening ("threaten"): its "to" + verb is a threat, not an intention.
pub const THREAT_VERB: u64 = 1 << 52;

/// A participle after a hyphen that makes the word before it the leader of a group: "U.S.-led
/// coalition".
pub const LEADING: u64 = 1 << 53;

/// A possessive marker ("'s", "'"): "Russia's", "the rebels'".
pub const POSS_MARK: u64 = 1 << 54;

/// A word that opens an indirect question ("whether"): the clause after it is not asserted.
pub const QUESTION: u64 = 1 << 55;

/// The future of reported speech ("would"): "said it would impose" is a stated intention.
pub const REPORTED_FUTURE: u64 = 1 << 56;

/// A word before a verb that makes it share the previous predicate's subject: a purpose
/// infinitive or a time clause ("opened fire to disperse the crowd", "after meeting").
pub const SHARES_SUBJECT: u64 = 1 << 57;

/// A noun that after a place name makes it a subdivision ("Chhattisgarh state", "Helmand
/// province"): no verb there.
pub const SUBDIVISION: u64 = 1 << 58;

/// An event noun of violence ("attack", "bombing"): after a definite determiner it refers back
/// to the latest act of violence, even a few sentences back.
pub const VIOLENT_EVENT: u64 = 1 << 59;

/// The bit of a class name in `function_words.tsv`.
pub fn class_bit(name: &str) -> Option<u64> {
    Some(match name {
        "det" => DET,
        "poss" => POSS,
        "prep_loc" => PREP_LOC,
        "prep" => PREP,
        "by" => BY,
        "be" | "were_be" => BE,
        "have" => HAVE,
        "do" => DO,
        "future" => FUTURE,
        "hypo" => HYPO,
        "neg" => NEG,
        "conj" => CONJ,
        "rel" => REL,
        "comp" => COMP,
        "intent" => INTENT,
        "refuse" => REFUSE,
        "pron" => PRON,
        "time" => TIME,
        "report" => REPORT,
        "adv" => ADV,
        "quant" => QUANT,
        "honorific" => HONORIFIC,
        "name_particle" => NAME_PARTICLE,
        "subordinator" => SUBORDINATOR,
        "denial" => DENIAL,
        "decision" => DECISION,
        "pron_person" => PRON_PERSON,
        "pron_thing" => PRON_THING,
        "pron_plural" => PRON_PLURAL,
        "pron_speaker" => PRON_SPEAKER,
        "reciprocal" => RECIPROCAL,
        "stance" => STANCE,
        "direction" => DIRECTION,
        "definite" => DEFINITE,
        "stative" => STATIVE,
        "anaphoric_event" => ANAPHORIC_EVENT,
        "retrospective" => RETROSPECTIVE,
        "duration" => DURATION,
        "directive" => DIRECTIVE,
        "holding" => HOLDING,
        "obligation" => OBLIGATION,
        "advice" => ADVICE,
        "decisive" => DECISIVE,
        "gerund_opener" => GERUND_OPENER,
        "implicative" => IMPLICATIVE,
        "failure" => FAILURE,
        "situation" => SITUATION,
        "remote" => REMOTE,
        "condition" => CONDITION,
        "exception" => EXCEPTION,
        "poss_rel" => POSS_REL,
        "prospective" => PROSPECTIVE,
        "threat_verb" => THREAT_VERB,
        "leading" => LEADING,
        "poss_mark" => POSS_MARK,
        "question" => QUESTION,
        "reported_future" => REPORTED_FUTURE,
        "shares_subject" => SHARES_SUBJECT,
        "subdivision" => SUBDIVISION,
        "violent_event" => VIOLENT_EVENT,
        _ => return None,
    })
}
