/**
 * The minutes as Markdown (CommonMark with nothing GFM-only) that also reads
 * well as plain text. User text is escaped with Markdown's own backslashes:
 * everywhere for characters that open inline syntax, and at the start of a
 * line for those that open a block (a list, a quote, a heading underline).
 */
import type { Ballots, Block, Inline, ListItem, Minutes } from './model';

const INLINE = /[\\`*_[\]<>#|~]/g;
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;

function escapeLineStart(line: string): string {
  return line
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Escapes text so it renders as itself; `atLineStart` says whether the text opens a line. */
export function escapeMarkdown(text: string, atLineStart = true): string {
  // CommonMark ends a line at CR and CRLF as well as LF: every one of them opens a line to escape.
  return text.split(/\r\n?|\n/).map((line, i) => {
    const escaped = line.replace(INLINE, '\\$&').replace(ENTITY, '\\&');
    return i > 0 || atLineStart ? escapeLineStart(escaped) : escaped;
  }).join('\n');
}

function inline(text: Inline): string {
  let out = '';
  for (const span of text) {
    const escaped = escapeMarkdown(span.text, out === '' || out.endsWith('\n'));
    out += span.strong && span.text.trim() ? `**${escaped}**` : escaped;
  }
  // A line break inside a paragraph is a hard break (two trailing spaces).
  return out.replace(/\n/g, '  \n');
}

const indent = (text: string, width: number) => text.split('\n').map((line) => (line ? ' '.repeat(width) + line : line)).join('\n');

function listItem(item: ListItem, marker: string): string {
  const nested = (item.blocks ?? []).map((b) => `\n\n${indent(block(b), marker.length)}`).join('');
  return `${marker}${indent(inline(item.text), marker.length).slice(marker.length)}${nested}`;
}

function list(items: readonly ListItem[], ordered: boolean): string {
  const loose = items.some((item) => item.blocks?.length);
  return items.map((item, i) => listItem(item, ordered ? `${i + 1}. ` : '- ')).join(loose ? '\n\n' : '\n');
}

function ballots(b: Ballots): string {
  // Markdown keeps the reference's one line per option; tables are for HTML and Word.
  return `${escapeMarkdown(b.legend)}\n\n${list(b.lines.map((text) => ({ text })), false)}`;
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading': return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text.replace(/\s+/g, ' ').trim(), false)}`;
    case 'paragraph': return inline(b.text);
    case 'list': return list(b.items, b.ordered);
    case 'ballots': return ballots(b);
  }
}

/** The minutes as a Markdown document. */
export function renderMarkdown(minutes: Minutes): string {
  return `${minutes.blocks.map(block).join('\n\n')}\n`;
}
