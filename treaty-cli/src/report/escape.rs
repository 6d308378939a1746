//! Escaping text into HTML, the one thing every page and link builder needs.

/// Text made safe for element content and attribute values (`&`, `<`, `>`, `"` and `'`).
pub fn esc(s: &str) -> String {
    html_escape::encode_quoted_attribute(s).into_owned()
}

/// A link with escaped text.
pub fn a(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", esc(href), esc(text))
}
