//! The typst source of a document.
//!
//! Accord writes the layout (the preamble's functions, `preamble.typ`) and
//! calls them with the record's words as typst **string literals**
//! ([`lit`]): in a string, only `\` and `"` mean anything, and both are
//! escaped, so a title holding `#import "x"`, `*`, `$`, `[`, `]` or `\` is
//! a string typst prints as it is, never markup it reads.

/// The source being written.
pub struct Source {
    text: String,
}

impl Source {
    pub fn new() -> Source {
        Source { text: String::with_capacity(64 * 1024) }
    }

    /// Appends one line of typst markup (Accord's, with literals from
    /// [`lit`]).
    pub fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    pub fn into_string(self) -> String {
        self.text
    }
}

/// `text` as a typst string literal: `"…"` with `\` and `"` escaped and
/// control characters written as `\u{…}` escapes (the record's text
/// policy lets none through but line breaks; this does not rely on it).
pub fn lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::lit;

    #[test]
    fn literals_escape_what_strings_read() {
        assert_eq!(lit(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(lit("#import \"@preview/x:0.1.0\": *"), r##""#import \"@preview/x:0.1.0\": *""##);
        assert_eq!(lit("x\u{7}y\nz"), "\"x\\u{7}y\\nz\"");
    }
}
