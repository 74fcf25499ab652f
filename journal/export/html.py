"""Markdown to one self-contained, sanitised HTML file with its own print-friendly CSS.

Everything the user wrote is rendered with `markdown` and then cleaned with nh3 against an allow
list before it leaves the app: no scripts, no event handlers, no styles or frames from the
notes, and links only to http, https and mailto. The page also forbids scripts and remote loads
in its Content-Security-Policy, so even a sanitiser miss could not run or fetch anything.
"""

from __future__ import annotations

import html

# Tags a prep note or an exported record can need; everything else is stripped (its text kept).
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"},
                      "td": {"align"}, "th": {"align"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Removed with their content, not just their tags: text inside them is code, not prose.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object",
                                  "embed", "svg", "math", "textarea", "select", "xmp",
                                  "noembed", "noframes", "title"})

CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"

CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.5 "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
       color: #1d1f21; background: #fff; margin: 0; }
main { max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 1.6em; margin: 0 0 .3em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .4em; padding-bottom: .15em;
     border-bottom: 1px solid #c9ccd1; }
h3 { font-size: 1.02em; margin: 1.1em 0 .3em; }
p, ul, ol { margin: .4em 0; }
li { margin: .15em 0; }
a { color: #1a5fb4; }
code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .92em; }
pre { white-space: pre-wrap; background: #f4f5f6; padding: .6em; }
blockquote { margin: .5em 0; padding-left: 1em; border-left: 3px solid #c9ccd1; color: #444; }
table { border-collapse: collapse; }
td, th { border: 1px solid #c9ccd1; padding: .2em .5em; }
@page { size: A4; margin: 18mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
  h2, h3 { break-after: avoid; }
  li, blockquote, pre { break-inside: avoid; }
}
"""


def markdown_to_html(text: str) -> str:
    """Render Markdown and sanitise the result: the only way notes become HTML.

    Raw HTML in the text is not HTML here: it shows as the characters the user typed (Markdown's
    own syntax, autolinks and entities still work). So a tag left open in one note, say a
    `<style>` or `<select>`, cannot swallow the rest of the page, and the sanitiser after it is
    a second wall rather than the only one."""
    import markdown

    rendered = markdown.markdown(text, extensions=["extra", "sane_lists", _text_not_html()],
                                 output_format="html")
    return sanitise(rendered)


def _text_not_html():
    """A Markdown extension that leaves out Markdown's raw-HTML handling."""
    from markdown.extensions import Extension

    class TextNotHtml(Extension):
        def extendMarkdown(self, md):  # noqa: N802 - Markdown's name
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")

    return TextNotHtml()


def sanitise(fragment: str) -> str:
    import nh3

    return nh3.clean(fragment, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=set(URL_SCHEMES),
                     clean_content_tags=set(DROPPED_WITH_CONTENT),
                     link_rel="noopener noreferrer nofollow", strip_comments=True)


def html_document(text: str, title: str) -> str:
    """One self-contained HTML file for the Markdown `text`."""
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{markdown_to_html(text)}\n</main>\n</body>\n</html>\n")
