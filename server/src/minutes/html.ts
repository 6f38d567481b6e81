/**
 * The minutes as one self-contained HTML page: no scripts, no outside
 * resources, every text escaped, and a print stylesheet so the browser's
 * "Save as PDF" gives a clean A4 document.
 */
import { MAX_TABLE_COLUMNS, type Ballots, type Block, type Inline, type ListItem, type Minutes } from './model';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; color: #1a1a1a; background: #fff; font: 11pt/1.45 Calibri, "Segoe UI", Carlito, Arial, sans-serif; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.8em; line-height: 1.2; margin: 0 0 0.6em; }
h2 { font-size: 1.4em; margin: 1.6em 0 0.5em; padding-bottom: 0.15em; border-bottom: 1px solid #6b6b6b; }
h3 { font-size: 1.15em; margin: 1.4em 0 0.4em; }
h4 { font-size: 1em; margin: 1.1em 0 0.3em; }
p { margin: 0.4em 0; }
ul, ol { margin: 0.3em 0 0.7em; padding-left: 1.6em; }
li { margin: 0.15em 0; }
li > p:first-child { margin-top: 0; }
table { border-collapse: collapse; margin: 0.5em 0 0.9em; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #6b6b6b; padding: 0.2em 0.5em; text-align: center; }
th[scope="row"], thead th:first-child { text-align: left; }
th[scope="row"] { font-weight: normal; }
thead th { background: #eeeeee; }
@page { size: A4; margin: 20mm 18mm 22mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  li, tr, p, table { break-inside: avoid; page-break-inside: avoid; }
  thead th { background: none; }
}`;

function inline(text: Inline): string {
  return text.map((span) => {
    const escaped = escapeHtml(span.text).replace(/\n/g, '<br>\n');
    return span.strong ? `<strong>${escaped}</strong>` : escaped;
  }).join('');
}

function listItem(item: ListItem): string {
  if (!item.blocks?.length) return `<li>${inline(item.text)}</li>`;
  return `<li><p>${inline(item.text)}</p>\n${item.blocks.map(block).join('\n')}</li>`;
}

function list(items: readonly ListItem[], ordered: boolean): string {
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>\n${items.map(listItem).join('\n')}\n</${tag}>`;
}

function ballots(b: Ballots): string {
  if (b.head.length > MAX_TABLE_COLUMNS) return `<p>${escapeHtml(b.legend)}</p>\n${list(b.lines.map((text) => ({ text })), false)}`;
  const head = b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = b.rows.map((r) =>
    `<tr><th scope="row">${escapeHtml(r.title)}</th>${r.values.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}<td><strong>${escapeHtml(r.mean)}</strong></td></tr>`);
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading': return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph': return `<p>${inline(b.text)}</p>`;
    case 'list': return list(b.items, b.ordered);
    case 'ballots': return ballots(b);
  }
}

/** The minutes as an HTML document. */
export function renderHtml(minutes: Minutes): string {
  return [
    '<!doctype html>',
    `<html lang="${minutes.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(minutes.title)}</title>`,
    `<style>${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...minutes.blocks.map(block),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
