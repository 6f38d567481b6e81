/**
 * The minutes as a Word document (docx 9): Title and Heading 1–3 styles, so
 * Word's navigation pane shows the sections; real bulleted and numbered
 * lists; vote tables; A4 pages; the document's language set (sv-SE / en-GB)
 * so spelling is checked in the right language. docx stamps the time into
 * docProps/core.xml only: word/document.xml depends on the minutes alone.
 */
import {
  AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type IParagraphOptions,
} from 'docx';
import { MAX_TABLE_COLUMNS, type Ballots, type Block, type Inline, type ListItem, type Minutes } from './model';

const HEADINGS = { 1: HeadingLevel.TITLE, 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2, 4: HeadingLevel.HEADING_3 } as const;
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const LEVEL_INDENT = 720;
const LANGUAGE = { sv: 'sv-SE', en: 'en-GB' } as const;

type Child = Paragraph | Table;

// Characters XML 1.0 forbids: one of them typed on a phone would make Word refuse the whole file.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (text: string) => text.replace(NOT_XML, '');

function runs(text: Inline): TextRun[] {
  // A "\n" inside a span is a line break within the paragraph.
  return text.flatMap((span) => clean(span.text).split('\n')
    .map((part, i) => new TextRun({ text: part, ...(span.strong ? { bold: true } : {}), ...(i > 0 ? { break: 1 } : {}) })));
}

/** Walks the minutes' blocks into Word paragraphs and tables; numbered lists each count from 1. */
class Writer {
  private lists = 0;
  readonly children: Child[] = [];

  block(b: Block, level = -1): void {
    switch (b.type) {
      case 'heading':
        this.children.push(new Paragraph({ heading: HEADINGS[b.level], children: runs([{ text: b.text.replace(/\s+/g, ' ') }]) }));
        return;
      case 'paragraph':
        this.children.push(new Paragraph({ children: runs(b.text), ...(level >= 0 ? { indent: { left: LEVEL_INDENT * (level + 1) } } : {}) }));
        return;
      case 'list':
        this.list(b.items, b.ordered, level + 1);
        return;
      case 'ballots':
        this.ballots(b, level);
    }
  }

  private list(items: readonly ListItem[], ordered: boolean, level: number): void {
    const instance = ordered ? ++this.lists : 0;
    for (const item of items) {
      const marker: IParagraphOptions = ordered
        ? { numbering: { reference: 'ordered', level, instance } }
        : { bullet: { level } };
      this.children.push(new Paragraph({ ...marker, children: runs(item.text) }));
      for (const b of item.blocks ?? []) this.block(b, level);
    }
  }

  private ballots(b: Ballots, level: number): void {
    if (b.head.length > MAX_TABLE_COLUMNS) {
      this.block({ type: 'paragraph', text: [{ text: b.legend }] }, level);
      this.list(b.lines.map((text) => ({ text })), false, level + 1);
      return;
    }
    // Option titles get 35 %, the mean what "Medeltal" needs, the voters (numbered) share the rest.
    const first = Math.round(TEXT_WIDTH * 0.35);
    const mean = 1100;
    const voter = Math.floor((TEXT_WIDTH - first - mean) / (b.head.length - 2));
    const widths = [first, ...b.head.slice(2).map(() => voter), mean];
    const cell = (text: string, bold: boolean, i: number) => new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [new Paragraph({
        alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { after: 0 },
        children: [new TextRun({ text: clean(text), size: 18, ...(bold ? { bold } : {}) })],
      })],
    });
    const rows = [
      new TableRow({ tableHeader: true, children: b.compactHead.map((h, i) => cell(h, true, i)) }),
      ...b.rows.map((r) => new TableRow({ children: [r.title, ...r.values, r.mean].map((t, i, all) => cell(t, i === all.length - 1, i)) })),
    ];
    this.children.push(new Table({ rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: WidthType.DXA } }));
    // Word needs a paragraph between a table and what follows, or the next table joins it.
    this.children.push(new Paragraph({ children: [] }));
  }
}

const ORDERED_LEVELS = [0, 1, 2, 3].map((level) => ({
  level,
  format: LevelFormat.DECIMAL,
  text: `%${level + 1}.`,
  alignment: AlignmentType.START,
  style: { paragraph: { indent: { left: LEVEL_INDENT * (level + 1), hanging: 360 } } },
}));

/** The Word document of the minutes. */
export function docxDocument(minutes: Minutes): Document {
  const writer = new Writer();
  for (const b of minutes.blocks) writer.block(b);
  const heading = (size: number, before: number) => ({ run: { size, bold: true, color: '1F3864' }, paragraph: { spacing: { before, after: 120 }, keepNext: true } });
  return new Document({
    creator: 'Karusell',
    lastModifiedBy: 'Karusell',
    title: clean(minutes.title),
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 22, language: { value: LANGUAGE[minutes.lang] } },
          paragraph: { spacing: { after: 100, line: 276 } },
        },
        title: { run: { size: 40, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240 } } },
        heading1: heading(32, 360),
        heading2: heading(26, 280),
        heading3: heading(23, 200),
      },
    },
    numbering: { config: [{ reference: 'ordered', levels: ORDERED_LEVELS }] },
    sections: [{ properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } }, children: writer.children }],
  });
}

/** The minutes as a .docx file. */
export function renderDocx(minutes: Minutes): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(minutes));
}
