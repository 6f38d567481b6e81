/**
 * The minutes as a small document tree that every renderer walks: headings,
 * paragraphs, lists and vote tables. All text in it is plain text; each
 * renderer escapes it for its own format, so what a participant typed
 * always stays text.
 */
import type { Language } from '@karusell/shared';

/** A run of text, optionally bold. A "\n" inside is a line break. */
export interface Span {
  text: string;
  strong?: boolean;
}

/** Text with some bold runs. */
export type Inline = Span[];

/** One point of a list, with optional blocks under it (paragraphs, a nested list). */
export interface ListItem {
  text: Inline;
  blocks?: Block[];
}

/** One option's row in a vote table. */
export interface BallotRow {
  title: string;
  values: string[];
  mean: string;
}

/** A ranking's ballots: a table in HTML and Word, the reference's lines in Markdown. */
export interface Ballots {
  type: 'ballots';
  /** Column heads: option, one per voter ("Grupp 3"), mean. */
  head: string[];
  /** The same heads for narrow columns: "Alternativ / grupp", "3", …, "Medeltal". */
  compactHead: string[];
  rows: BallotRow[];
  /** The same rows as lines: "Jämbördig dialog: 3, 2, 3 (medeltal 2,6)". */
  lines: Inline[];
  /** Which column is whose, for the line form. */
  legend: string;
}

/** A block of the minutes. Level 1 is the title, 2 the numbered sections, 3 their subsections, 4 stations and headings. */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { type: 'paragraph'; text: Inline }
  | { type: 'list'; ordered: boolean; items: ListItem[] }
  | Ballots;

/** The whole minutes in one language. */
export interface Minutes {
  lang: Language;
  /** The title, also used for the HTML title and the Word document's properties. */
  title: string;
  blocks: Block[];
}

/** Plain text as an Inline. */
export const plain = (text: string): Inline => [{ text }];
/** Bold text as an Inline. */
export const strong = (text: string): Inline => [{ text, strong: true }];
/** A paragraph of plain text. */
export const paragraph = (text: string): Block => ({ type: 'paragraph', text: plain(text) });
/** A heading. */
export const heading = (level: 1 | 2 | 3 | 4, text: string): Block => ({ type: 'heading', level, text });
/** A list of plain lines. */
export const list = (lines: readonly string[], ordered = false): Block => ({ type: 'list', ordered, items: lines.map((l) => ({ text: plain(l) })) });

/** An Inline as plain text (for the CSV and tests). */
export const textOf = (inline: Inline): string => inline.map((s) => s.text).join('');

/** Tables wider than this are shown as lines in HTML and Word too: they would not fit an A4 page. */
export const MAX_TABLE_COLUMNS = 14;
