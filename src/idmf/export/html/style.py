"""The web pages' one stylesheet: NHS-like colours at AA contrast or better, visible focus, and a print
stylesheet (A4, no navigation, table headings repeated, rows kept whole)."""

from __future__ import annotations

CSS = """
:root { color-scheme: light; }
body { margin: 0; background: #ffffff; color: #212b32; font-family: Arial, "Helvetica Neue", Helvetica, sans-serif;
  font-size: 1.0625rem; line-height: 1.5; }
.skip-link { position: absolute; left: -9999px; top: 0; }
.skip-link:focus { left: 1rem; top: 1rem; z-index: 10; padding: .5rem .75rem; background: #ffeb3b; color: #212b32; }
.masthead, nav, main, .page-footer { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
.masthead { padding-top: 1rem; padding-bottom: 1rem; border-bottom: 4px solid #005eb8; }
.organisation { margin: 0; font-weight: bold; color: #005eb8; }
.kicker { margin: .25rem 0 0; color: #425563; }
h1 { margin: .25rem 0 .75rem; font-size: 2rem; line-height: 1.2; }
h2 { margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #005eb8; color: #003087; font-size: 1.5rem; }
h3 { margin: 1.5rem 0 .5rem; color: #003087; font-size: 1.25rem; }
h4 { margin: 1.25rem 0 .5rem; font-size: 1.0625rem; }
a { color: #005eb8; }
a:focus, .table-wrap:focus { outline: 3px solid #212b32; outline-offset: 2px; background: #ffeb3b; color: #212b32; }
.status { display: inline-block; margin: 0; padding: .4rem .75rem; border: 2px solid #212b32; }
.status-draft { border: 4px solid #b00020; background: #fce4e4; color: #8a0019; }
.note, .small, .description { color: #425563; }
.small { font-size: .9rem; }
.description { display: block; font-weight: normal; font-size: .9rem; }
.intro { color: #212b32; }
.answer { margin: 0 0 .5rem; white-space: pre-wrap; }
.missing { margin: 0 0 .5rem; padding-left: .5rem; border-left: 4px solid #b00020; font-style: italic; }
.choices { list-style: none; padding-left: 0; }
.choices li { margin: .25rem 0; }
.choices li.chosen { font-weight: bold; }
.box { font-family: "Segoe UI Symbol", "DejaVu Sans", sans-serif; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1.5rem; }
table { width: 100%; border-collapse: collapse; }
caption { padding: .25rem 0 .5rem; text-align: left; font-weight: bold; font-size: 1.0625rem; }
th, td { padding: .4rem .6rem; border: 1px solid #aeb7bd; text-align: left; vertical-align: top; }
thead th { background: #d6e4f3; }
tbody th { background: #e8edee; }
td.tick { white-space: nowrap; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.page-footer { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 2px solid #aeb7bd;
  color: #425563; font-size: .9rem; }
.page-footer p { margin: .25rem 0; overflow-wrap: anywhere; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
body.easy-read { font-size: 1.375rem; line-height: 1.6; }
body.easy-read main p, body.easy-read main li { max-width: 38rem; margin: .5rem 0; }
body.easy-read main ul { padding-left: 1.5rem; }
@media print {
  @page { size: A4; margin: 2cm; }
  body { font-size: 11pt; }
  body.easy-read { font-size: 14pt; }
  .skip-link, nav { display: none; }
  .masthead, main, .page-footer { max-width: none; padding-left: 0; padding-right: 0; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4, caption { break-after: avoid; }
  tr, li, .question { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  .status-draft { background: none; }
}
"""
