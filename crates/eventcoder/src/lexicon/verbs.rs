//! Verb inflection: the forms of a lemma, from the irregular-verb table or English spelling rules.

use rustc_hash::FxHashMap;

use super::model::VerbForms;

/// The five forms of a verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inflections {
    /// "meet"
    pub base: String,
    /// "meets"
    pub third: String,
    /// "met"
    pub past: String,
    /// "met"
    pub participle: String,
    /// "meeting"
    pub gerund: String,
}

impl Inflections {
    /// Every form with the [`VerbForms`] bits it stands for (a word may be several forms).
    pub fn forms(&self) -> Vec<(String, VerbForms)> {
        let mut out: Vec<(String, VerbForms)> = Vec::with_capacity(5);
        let mut add = |w: &str, bit: u8| {
            if let Some(e) = out.iter_mut().find(|(x, _)| x == w) {
                e.1.0 |= bit;
            } else {
                out.push((w.to_string(), VerbForms(bit)));
            }
        };
        add(&self.base, VerbForms::BASE);
        add(&self.third, VerbForms::THIRD);
        add(&self.past, VerbForms::PAST);
        add(&self.participle, VerbForms::PARTICIPLE);
        add(&self.gerund, VerbForms::GERUND);
        out
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Regular English inflection of `base` (lowercase ASCII expected; anything else is returned
/// unchanged plus suffixes).
///
/// ```
/// use eventcoder::lexicon::regular_inflections;
/// let f = regular_inflections("urge");
/// assert_eq!((f.third.as_str(), f.past.as_str(), f.gerund.as_str()), ("urges", "urged", "urging"));
/// let f = regular_inflections("deny");
/// assert_eq!((f.third.as_str(), f.past.as_str()), ("denies", "denied"));
/// ```
pub fn regular_inflections(base: &str) -> Inflections {
    let b = base.as_bytes();
    let n = b.len();
    let last = b.last().copied().unwrap_or(b' ');
    let prev = if n >= 2 { b[n - 2] } else { b' ' };
    let stem_y = last == b'y' && n >= 2 && !is_vowel(prev);
    let third = if stem_y {
        format!("{}ies", &base[..n - 1])
    } else if base.ends_with("ss")
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with("ch")
        || base.ends_with("sh")
        || base.ends_with('s')
        || (last == b'o' && !is_vowel(prev))
    {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    let past = if last == b'e' {
        format!("{base}d")
    } else if stem_y {
        format!("{}ied", &base[..n - 1])
    } else {
        format!("{base}ed")
    };
    let gerund = if base.ends_with("ie") {
        format!("{}ying", &base[..n - 2])
    } else if last == b'e' && !matches!(prev, b'e' | b'y' | b'o') && n > 2 {
        format!("{}ing", &base[..n - 1])
    } else {
        format!("{base}ing")
    };
    Inflections {
        base: base.to_string(),
        third,
        participle: past.clone(),
        past,
        gerund,
    }
}

/// The irregular-verb table: base → one or more rows of forms.
#[derive(Debug, Default)]
pub struct IrregularVerbs {
    rows: FxHashMap<String, Vec<Inflections>>,
    /// Each form other than a base, with the forms it is of its verbs ("left": past and
    /// participle of "leave").
    forms: FxHashMap<String, VerbForms>,
}

impl IrregularVerbs {
    /// Adds a row.
    pub fn add(&mut self, f: Inflections) {
        for (form, bits) in f.forms() {
            if form != f.base {
                self.forms.entry(form).or_default().0 |= bits.0;
            }
        }
        self.rows.entry(f.base.clone()).or_default().push(f);
    }
    /// What `word` is as a form of another listed verb (its past, participle, ...), if it is
    /// one: "left" is the past and participle of "leave".
    ///
    /// ```
    /// use eventcoder::lexicon::{IrregularVerbs, Inflections, VerbForms};
    /// let mut t = IrregularVerbs::default();
    /// t.add(Inflections {
    ///     base: "leave".into(), third: "leaves".into(), past: "left".into(),
    ///     participle: "left".into(), gerund: "leaving".into(),
    /// });
    /// assert_eq!(t.form_of("left"), Some(VerbForms(VerbForms::PAST | VerbForms::PARTICIPLE)));
    /// assert_eq!(t.form_of("leave"), None);
    /// ```
    pub fn form_of(&self, word: &str) -> Option<VerbForms> {
        self.forms.get(word).copied()
    }
    /// Every spelling of `base`: irregular rows if listed, else the regular rule.
    pub fn inflect(&self, base: &str) -> Vec<Inflections> {
        match self.rows.get(base) {
            Some(rows) => rows.clone(),
            None => vec![regular_inflections(base)],
        }
    }
    /// How many rows `base` has.
    pub fn rows(&self, base: &str) -> usize {
        self.rows.get(base).map_or(0, Vec::len)
    }
    /// Number of listed verbs.
    pub fn len(&self) -> usize {
        self.rows.len()
    }
    /// Whether none are listed.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The plural of a noun by English spelling rules (for pattern nouns).
///
/// ```
/// use eventcoder::lexicon::plural_of;
/// assert_eq!(plural_of("sanction"), "sanctions");
/// assert_eq!(plural_of("ally"), "allies");
/// assert_eq!(plural_of("talks"), "talks");
/// ```
pub fn plural_of(noun: &str) -> String {
    let b = noun.as_bytes();
    let n = b.len();
    if n < 2 {
        return format!("{noun}s");
    }
    if noun.ends_with('s') && !noun.ends_with("ss") {
        return noun.to_string();
    }
    match noun {
        "man" => return "men".into(),
        "woman" => return "women".into(),
        "person" => return "people".into(),
        "child" => return "children".into(),
        "chief" => return "chiefs".into(),
        "crisis" => return "crises".into(),
        "analysis" => return "analyses".into(),
        _ => {}
    }
    let last = b[n - 1];
    if last == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &noun[..n - 1])
    } else if noun.ends_with("ss")
        || noun.ends_with('x')
        || noun.ends_with("ch")
        || noun.ends_with("sh")
        || noun.ends_with('z')
    {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}
