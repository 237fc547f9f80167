// The HTML report's inline style sheet: system fonts only, readable tables, print-friendly.
#include "report/html_parts.h"

namespace heard::report {

const char* const kReportCss = R"css(
:root { --ink: #1d2733; --muted: #5b6774; --line: #e3e7ec; --link: #0b5cad; --navy: #12324a;
  --survey: #3d6fb4; --focus: #e0913a; --workshop: #2e9c8a; }
* { box-sizing: border-box; }
html { scroll-behavior: smooth; scroll-padding-top: 64px; }
body { margin: 0; background: #f3f5f8; color: var(--ink); font-size: 15px; line-height: 1.55;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "Liberation Sans", "DejaVu Sans", sans-serif; }
.masthead { background: var(--navy); color: #fff; padding: 36px 0 30px; }
.masthead .inner, .page { max-width: 1160px; margin: 0 auto; padding: 0 28px; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .12em; font-size: 12px;
  font-weight: 600; color: #9cc3e0; }
h1 { margin: 4px 0 6px; font-size: 30px; line-height: 1.2; font-weight: 650; }
.masthead .meta { margin: 0; color: #d3e2ee; }
.toc { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; gap: 4px;
  margin: 16px 0 0; padding: 8px 10px; background: rgba(255,255,255,.96); border-radius: 10px;
  box-shadow: 0 1px 3px rgba(16,40,60,.12); }
.toc a { color: var(--navy); text-decoration: none; font-size: 13px; font-weight: 600;
  padding: 3px 10px; border-radius: 999px; }
.toc a:hover { background: #e6eef5; }
section { background: #fff; border-radius: 12px; margin: 20px 0; padding: 26px 32px 30px;
  box-shadow: 0 1px 3px rgba(16,40,60,.10); }
h2 { margin: 0 0 6px; font-size: 22px; line-height: 1.3; font-weight: 650; }
h3 { margin: 26px 0 8px; font-size: 16px; font-weight: 650; }
h4 { margin: 18px 0 6px; font-size: 15px; font-weight: 650; }
h4 .sub { font-weight: 400; color: var(--muted); font-size: 13px; margin-left: 6px; }
.oid { display: inline-block; background: #e6eef5; color: var(--navy); border-radius: 5px;
  padding: 0 8px; font-size: 15px; vertical-align: 3px; margin-right: 4px; }
.lede { margin: 0 0 10px; color: #3f4b58; max-width: 820px; }
.note { color: var(--muted); font-size: 13px; max-width: 880px; margin: 18px 0 0; }
a { color: var(--link); }
a.count { color: var(--link); font-weight: 600; font-variant-numeric: tabular-nums;
  text-decoration: underline dotted 1px; text-underline-offset: 3px; border-radius: 3px;
  padding: 0 2px; cursor: pointer; }
a.count:hover, a.count:focus { background: #e5effa; text-decoration-style: solid; }
a.count.active { background: #ffe9a8; }
.stats { display: grid; gap: 10px; margin: 12px 0 0; }
.stats.primary { grid-template-columns: repeat(3, 1fr); }
.stats.primary .stat-n { font-size: 34px; }
.stats.ledger { grid-template-columns: repeat(6, 1fr); }
@media (max-width: 900px) { .stats.ledger { grid-template-columns: repeat(3, 1fr); } }
.stat { border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px 12px; }
.stat-n { font-size: 26px; line-height: 1.25; }
.stat-l { font-weight: 650; }
.stat-h { font-size: 12px; color: var(--muted); line-height: 1.35; }
.two-col { display: grid; grid-template-columns: 1fr 1.3fr; gap: 32px; }
@media (max-width: 820px) { .two-col { grid-template-columns: 1fr; } }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 6px 10px; border-bottom: 1px solid #edf0f3; vertical-align: top; }
thead th { font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted);
  font-weight: 650; text-align: right; border-bottom: 2px solid var(--line); vertical-align: bottom;
  line-height: 1.3; }
thead th:first-child { text-align: left; }
tbody th { text-align: left; font-weight: 500; }
tbody th a { color: var(--ink); text-decoration: none; }
tbody th a:hover { color: var(--link); text-decoration: underline; }
td { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:hover { background: #f8fafc; }
td.zero a.count { color: #a3adb8; font-weight: 400; }
table.themes { table-layout: fixed; }
.c-theme { width: 27%; } .c-n { width: 8.3%; } .c-places { width: 23%; }
table.themes thead th:last-child, td.places { text-align: left; }
td.places { font-size: 13px; color: #3f4b58; }
.place { white-space: nowrap; display: inline-block; margin-right: 6px; }
table.compact th, table.compact td { padding: 5px 10px; }
details.more { margin: 8px 0 0; }
details.more summary { cursor: pointer; color: var(--link); font-weight: 600; font-size: 14px;
  padding: 6px 0; }
.chart-wrap { margin: 14px 0 4px; }
.chart-wrap svg { display: block; width: 100%; max-width: 960px; height: auto; }
.chart-wrap.wide svg { max-width: 1100px; }
.chart-wrap figcaption { font-size: 12.5px; color: var(--muted); margin-top: 4px; }
svg.chart text { font-size: 13px; fill: #2b3540; }
svg.chart .label { text-anchor: end; }
svg.chart .value { font-weight: 650; fill: var(--link); }
svg.chart .axis { stroke: #c9d1da; stroke-width: 1; }
svg.chart a { cursor: pointer; }
svg.chart a.count { text-decoration: none; }
svg.chart a:hover rect { opacity: .78; }
svg.chart a:hover .value { text-decoration: underline; }
svg.heatmap .column { font-size: 12.5px; }
svg.heatmap .cell-value { font-size: 12px; text-anchor: middle; fill: var(--ink); }
svg.heatmap .cell-value.dark { fill: #fff; }
.seg-survey { fill: var(--survey); background: var(--survey); }
.seg-focus_group { fill: var(--focus); background: var(--focus); }
.seg-workshop { fill: var(--workshop); background: var(--workshop); }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin: 0 5px 0 8px;
  vertical-align: -1px; }
th .swatch { margin-left: 0; }
.quotes { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 0 28px; }
.quote { margin: 6px 0 12px; }
.quote blockquote { margin: 0; padding: 9px 14px; background: #f6f8fb; border-radius: 0 6px 6px 0;
  border-left: 3px solid #9cb7d3;
  font-family: Charter, "Iowan Old Style", Georgia, "Liberation Serif", "DejaVu Serif", serif;
  font-size: 15px; line-height: 1.5; }
.quote blockquote::before { content: "\201C"; } .quote blockquote::after { content: "\201D"; }
.quote figcaption { font-size: 12.5px; color: var(--muted); margin: 4px 0 0 17px; }
.src { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 11.5px; }
.attribution { margin-top: 22px; padding-top: 12px; border-top: 1px solid var(--line);
  font-size: 13px; color: #3f4b58; }
.attribution p { margin: 2px 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
.panel { position: fixed; top: 0; right: 0; bottom: 0; width: min(580px, 100vw); z-index: 20;
  background: #fff; box-shadow: -10px 0 30px rgba(16,40,60,.22); display: flex;
  flex-direction: column; }
.panel[hidden] { display: none; }
.panel-head { display: flex; justify-content: space-between; gap: 12px; padding: 18px 22px 12px;
  border-bottom: 1px solid var(--line); background: #fafbfd; }
.panel-kicker { margin: 0; font-size: 11.5px; text-transform: uppercase; letter-spacing: .1em;
  color: var(--muted); font-weight: 650; }
.panel-head h2 { font-size: 17px; margin: 2px 0 2px; }
#panel-stats { margin: 0; font-weight: 650; color: var(--navy); }
#panel-close { border: 0; background: #eef1f5; border-radius: 8px; width: 34px; height: 34px;
  font-size: 22px; line-height: 1; cursor: pointer; color: var(--ink); flex: none; }
#panel-close:hover { background: #dfe5ec; }
.panel-list { flex: 1; overflow: auto; margin: 0; padding: 6px 22px 30px 48px; }
.panel-list li { padding: 10px 0; border-bottom: 1px solid #eef1f4; }
.rec-text { margin: 0 0 4px; white-space: pre-wrap; }
.rec-meta, .src-meta { margin: 0; font-size: 12px; color: var(--muted); }
.rec-meta .tag { display: inline-block; background: #eef2f6; border-radius: 4px; padding: 0 6px;
  margin: 1px 4px 1px 0; color: #3f4b58; }
.problem { margin: 4px 0 0; font-size: 13px; }
.empty { color: var(--muted); font-style: italic; list-style: none; }
.noscript { max-width: 1160px; margin: 0 auto 20px; padding: 0 28px; color: var(--muted); }
#selftest { white-space: pre-wrap; }
.kgrid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 6px 28px; }
.kcard h3 .sub { font-weight: 400; color: var(--muted); font-size: 13px; margin-left: 6px; }
table.keyness { table-layout: fixed; } table.keyness th:first-child { width: 44%; }
table.keyness tbody th, table.pairs tbody th, table.changes tbody th { font-weight: 500; }
tr.more .dir { color: #1f7a4d; } tr.less .dir { color: #b0452b; }
td.verdict { text-align: left; font-weight: 650; }
table.pairs thead th:nth-child(3), table.changes thead th:nth-child(-n+2) { text-align: left; }
tr.v-new td.verdict, tr.v-rising td.verdict { color: #1f7a4d; }
tr.v-gone td.verdict, tr.v-falling td.verdict { color: #b0452b; }
@media print {
  body { background: #fff; font-size: 12px; }
  .toc, .panel, #selftest, details.more > summary { display: none; }
  section { box-shadow: none; padding: 0; margin: 0 0 24px; break-inside: auto; }
  .masthead { background: none; color: var(--ink); padding: 0 0 12px; }
  .masthead .meta, .kicker { color: var(--muted); }
  a.count { color: inherit; text-decoration: none; }
  tr, .quote { break-inside: avoid; }
}
)css";

}  // namespace heard::report
