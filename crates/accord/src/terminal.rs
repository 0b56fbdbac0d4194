//! Text from outside (a Polis participant's comment, an identifier in an
//! imported document) printed at a terminal: control characters (escape
//! sequences, bells, C1 codes) and the characters that reorder a line
//! (bidirectional overrides, embeddings, isolates and marks) are shown as
//! `\u{…}` escapes, so that what is printed cannot recolour, move or
//! reorder the terminal's text.

use std::fmt::Write as _;

/// Whether `c` would act on the terminal instead of being shown.
fn acts(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every character that would act on the terminal escaped.
pub fn shown(s: &str) -> String {
    if !s.chars().any(acts) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if acts(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn what_acts_on_a_terminal_is_shown_escaped() {
        assert_eq!(shown("plain text, الدول"), "plain text, الدول");
        assert_eq!(shown("\u{1b}[31mred\u{7}"), "\\u{1b}[31mred\\u{7}");
        assert_eq!(shown("a\u{202e}b\u{9b}c"), "a\\u{202e}b\\u{9b}c");
    }
}
