// The report's inline stylesheet and script. Everything is inline and the page's Content Security
// Policy forbids every fetch, so opening a report never touches the network.

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Rule colours: background and underline, distinguishable side by side. */
export const RULE_COLOURS: readonly [string, string][] = [
  ['#ffd5d5', '#c62828'],
  ['#d6e8ff', '#1565c0'],
  ['#fff0c2', '#b7791f'],
  ['#d9f5dd', '#2e7d32'],
  ['#ecdcff', '#6a1b9a'],
  ['#ffe0cc', '#d84315'],
  ['#d0f2f2', '#00838f'],
  ['#ffd9ef', '#ad1457'],
  ['#e6ecc9', '#5f7a16'],
  ['#e3e3e3', '#424242'],
];

export const PAGE_SIZE = 20;

function ruleCss(): string {
  return RULE_COLOURS.map(([bg, line], i) => `.r${i}{background:${bg};border-bottom:2px solid ${line}}.sw.r${i}{background:${line}}`).join('\n');
}

function heatCss(levels: number): string {
  const rules: string[] = [];
  for (let i = 0; i < levels; i++) rules.push(`.u.h${i}{background:rgba(230,81,0,${(0.06 + (0.64 * i) / (levels - 1)).toFixed(3)})}`);
  return rules.join('\n');
}

export function styles(heatLevels: number): string {
  return `
:root{color-scheme:light;--fg:#1d1d1f;--muted:#5f6368;--line:#dadce0;--bg:#fff;--panel:#f7f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:20px 28px;border-bottom:1px solid var(--line);background:var(--panel)}
header h1{margin:0 0 4px;font-size:22px}
.totals{margin:0;font-size:15px}.totals b{font-variant-numeric:tabular-nums}
.meta{margin:2px 0 0;color:var(--muted);font-size:12px}
nav{padding:8px 28px;border-bottom:1px solid var(--line);position:sticky;top:0;background:var(--bg);z-index:2}
nav a{margin-right:16px;color:#1a56db;text-decoration:none}
main{padding:0 28px 40px;max-width:1200px}
h2{margin:28px 0 10px;font-size:18px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.03em}
td.n,th.n{text-align:right}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;vertical-align:-1px;border:0}
.err{color:#c62828;font-weight:600}.warn{color:#b7791f;font-weight:600}
.pager{display:flex;gap:8px;align-items:center;margin:8px 0 12px;flex-wrap:wrap}
.pager button{padding:3px 10px;border:1px solid var(--line);background:var(--panel);border-radius:4px;cursor:pointer}
.pager select{padding:3px}
article.doc{border:1px solid var(--line);border-radius:6px;margin:10px 0;background:var(--bg)}
article.doc>details>summary{padding:8px 12px;cursor:pointer;background:var(--panel);border-radius:6px;list-style-position:inside}
.doc-path{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px}
.chips{margin-left:8px}
.chip{display:inline-block;font-size:11px;padding:0 6px;border-radius:9px;margin:0 3px;border-bottom:0}
.body{padding:8px 14px 14px}
pre.text{white-space:pre-wrap;word-break:break-word;font:13px/1.6 ui-monospace,SFMono-Regular,Menlo,monospace;background:#fcfcfd;border:1px solid var(--line);border-radius:4px;padding:10px;margin:6px 0;max-height:480px;overflow:auto}
mark.hl{color:inherit;padding:0 1px;border-radius:2px;cursor:help}
del.fix{text-decoration:line-through 2px #c62828;opacity:.75}
del.fix.unsafe{text-decoration-style:dashed}
.cc{font-size:10px;padding:0 3px;border:1px solid #999;border-radius:3px;background:#fff;color:#b00020}
.legend{color:var(--muted);font-size:12px}
.u{border-radius:2px}.gap{color:var(--muted)}.u.weak{outline:1px dashed #6a1b9a}
${heatCss(heatLevels)}
.bars{display:grid;grid-template-columns:110px 1fr 60px;gap:4px 10px;align-items:center;max-width:560px;margin:6px 0 10px}
.track{height:12px;background:#eceff1;border-radius:6px;overflow:hidden;display:block}
.fill{display:block;height:100%;border-radius:6px}
.fill.salience{background:#e65100}.fill.uniform{background:#78909c}.fill.targeted{background:#2e7d32}.fill.qa{background:#1565c0}
.val{font-variant-numeric:tabular-nums;text-align:right}
ol.findings{margin:6px 0 0;padding-left:22px;font-size:13px}
ol.findings code{font-size:12px}
.note{color:var(--muted);font-style:italic}
${ruleCss()}
`;
}

/** Paging and the rule filter. Without script every document stays visible, which is still usable. */
export function script(pageSize: number): string {
  return `
(function () {
  var all = Array.prototype.slice.call(document.querySelectorAll('article.doc'));
  var pager = document.getElementById('pager');
  if (!pager || all.length === 0) return;
  var filter = document.getElementById('rule-filter');
  var label = document.getElementById('page-label');
  var size = ${pageSize};
  var current = 0;
  function chosen() {
    var rule = filter ? filter.value : '';
    return rule ? all.filter(function (d) { return (' ' + d.getAttribute('data-rules') + ' ').indexOf(' ' + rule + ' ') !== -1; }) : all;
  }
  function show(page) {
    var list = chosen();
    var pages = Math.max(1, Math.ceil(list.length / size));
    current = Math.max(0, Math.min(pages - 1, page));
    all.forEach(function (d) { d.hidden = true; });
    list.slice(current * size, current * size + size).forEach(function (d) { d.hidden = false; });
    label.textContent = 'Page ' + (current + 1) + ' of ' + pages + ' (' + list.length + ' documents)';
  }
  document.getElementById('page-prev').addEventListener('click', function () { show(current - 1); });
  document.getElementById('page-next').addEventListener('click', function () { show(current + 1); });
  if (filter) filter.addEventListener('change', function () { show(0); });
  pager.hidden = false;
  show(0);
})();
`;
}
