//! A small XML writer: elements, attributes and escaped text appended to a
//! `String`, indented two spaces per level except inside mixed content.
//!
//! Accord writes Akoma Ntoso from its own typed values, so the writer needs
//! no tree: what it must get right is escaping, which [`escape`] does for
//! text and attribute values alike (`&`, `<`, `>`, `"`, `'`). Characters
//! XML 1.0 forbids never reach it: the domain refuses control characters in
//! every text it records.

/// Escapes text for use in XML content or a double-quoted attribute value.
pub fn escape(text: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// An XML document being written.
pub struct Writer {
    pub out: String,
    depth: usize,
}

impl Writer {
    pub fn new() -> Self {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Self { out, depth: 0 }
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape(v, &mut self.out);
            self.out.push('"');
        }
    }

    /// Opens an element holding other elements, on its own line.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.tag(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    pub fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.indent();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// An element with no content, on its own line.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// An element holding only text, on its own line.
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.indent();
        self.inline_open(name, attrs);
        escape(text, &mut self.out);
        self.inline_close(name);
        self.out.push('\n');
    }

    /// Starts a line of mixed content (an element whose text and inline
    /// elements are written with `inline_*` and `raw_text`).
    pub fn line_open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.inline_open(name, attrs);
    }

    pub fn line_close(&mut self, name: &str) {
        self.inline_close(name);
        self.out.push('\n');
    }

    pub fn inline_open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.out.push('>');
    }

    pub fn inline_close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Escaped text inside a line of mixed content.
    pub fn raw_text(&mut self, text: &str) {
        escape(text, &mut self.out);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

impl Default for Writer {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_characters() {
        let mut s = String::new();
        escape("a <b> & \"c\" 'd' é", &mut s);
        assert_eq!(s, "a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; é");
    }
}
