/**
 * The minutes in every format the HTTP API serves (CONTRACT.md §2):
 * Markdown, Word, printable HTML, CSV and the JSON archive, in the plan's
 * language or the one asked for.
 */
import type { Language, Plan, SequencedEvent, WorkshopState } from '@karusell/shared';
import { renderArchive } from './archive';
import { buildMinutes } from './build';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export { readArchive } from './archive';
export { buildMinutes } from './build';

/** Each format's media type. */
export const MINUTES_TYPES = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/** A format the minutes come in. */
export type MinutesFormat = keyof typeof MINUTES_TYPES;

/** Whether a string names a format. */
export const isMinutesFormat = (format: string): format is MinutesFormat => Object.hasOwn(MINUTES_TYPES, format);

/** What the minutes are made from: the state, and the stored log for the archive. */
export interface MinutesSource {
  state: WorkshopState;
  log: () => readonly SequencedEvent[];
}

/** The minutes in one format and language. */
export async function renderMinutes(format: MinutesFormat, source: MinutesSource, lang: Language): Promise<string | Buffer> {
  switch (format) {
    case 'md': return renderMarkdown(buildMinutes(source.state, lang));
    case 'html': return renderHtml(buildMinutes(source.state, lang));
    case 'docx': return renderDocx(buildMinutes(source.state, lang));
    case 'csv': return renderCsv(source.state, lang);
    case 'json': return renderArchive(source.log());
  }
}

/** An ASCII file name from the plan: "anteckningar-dialogmotet-2024-05-13.md". */
export function minutesFilename(plan: Plan, format: MinutesFormat, lang: Language): string {
  const slug = plan.title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  const kind = format === 'json' ? (lang === 'sv' ? 'arkiv' : 'archive') : lang === 'sv' ? 'anteckningar' : 'minutes';
  return `${[kind, slug, plan.date].filter(Boolean).join('-')}.${format}`;
}

/** Renders every text format once, so an archive whose events do not fit together is refused before it is stored. */
export function checkRenders(source: MinutesSource): string | null {
  try {
    for (const lang of ['sv', 'en'] as const) {
      renderMarkdown(buildMinutes(source.state, lang));
      renderCsv(source.state, lang);
    }
    renderArchive(source.log());
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
