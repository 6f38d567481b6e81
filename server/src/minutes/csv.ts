/**
 * The raw contributions as CSV: one row per idea and per question, hidden and
 * merged ones included (their status says so). Made for Excel: UTF-8 with a
 * BOM so åäö open right, every field quoted, CRLF line ends, and cells that
 * a spreadsheet would run as a formula (= + - @ tab CR) prefixed with an
 * apostrophe. Swedish files use ";" between fields, as Swedish Excel expects
 * (its decimal comma takes ","); English files use ",".
 */
import { own, type AgendaItem, type Idea, type Language, type Question, type QuestionStatus, type WorkshopState } from '@karusell/shared';
import { marks, slotsOf } from '@karusell/shared/ideas';

const HEAD = {
  sv: ['Punkt', 'Station eller rubrik', 'Grupp', 'Typ', 'Text', 'Betoningar', 'Röster', 'Tid (svensk tid)', 'Status', 'Svar', 'Namn', 'Ursprunglig text'],
  en: ['Item', 'Station or heading', 'Group', 'Type', 'Text', 'Emphases', 'Votes', 'Time (Swedish time)', 'Status', 'Answer', 'Name', 'Original text'],
} as const;

const WORDS = {
  sv: { idea: 'idé', question: 'fråga', visible: 'synlig', hidden: 'dold', merged: 'sammanslagen med: ' },
  en: { idea: 'idea', question: 'question', visible: 'visible', hidden: 'hidden', merged: 'merged into: ' },
} as const;

const QUESTION_STATUS: Record<Language, Record<QuestionStatus, string>> = {
  sv: { queued: 'i kö', answering: 'besvaras', answered: 'besvarad', hidden: 'dold' },
  en: { queued: 'queued', answering: 'being answered', answered: 'answered', hidden: 'hidden' },
};

/** A cell a spreadsheet will show as text: formula starters neutralised, quotes doubled, always quoted. */
export function csvCell(value: string): string {
  // Also behind leading spaces, invisible characters or quotes, which some spreadsheets skip before a formula.
  const safe = /^[\s\u200b-\u200d\u2060\ufeff"']*[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * When a contribution came, as Swedish wall-clock time ("2024-05-13 14:05:09"):
 * the meetings are in Sweden, and a fixed zone keeps the file the same on
 * every server whatever its own zone. Excel reads this form as a date.
 */
const CLOCK = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
export function localTime(at: number): string {
  const part = Object.fromEntries(CLOCK.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

function slotTitle(item: AgendaItem | undefined, slot: string): string {
  if (item?.kind === 'carousel') return item.stations.find((s) => s.id === slot)?.prompt ?? slot;
  if (item?.kind === 'wall') return item.headings.find((h) => h.id === slot)?.title ?? slot;
  return slot;
}

function ideaRow(state: WorkshopState, idea: Idea, lang: Language): string[] {
  const item = state.plan.agenda.find((i) => i.id === idea.item);
  const into = idea.mergedInto ? own(state.ideas, idea.mergedInto) : undefined;
  const status = idea.mergedInto ? `${WORDS[lang].merged}${into?.text ?? idea.mergedInto}` : idea.hidden ? WORDS[lang].hidden : WORDS[lang].visible;
  return [
    item?.title ?? idea.item, slotTitle(item, idea.slot), idea.group === null ? '' : String(idea.group), WORDS[lang].idea,
    idea.text, String(marks(idea)), '', localTime(idea.at), status, '', '', idea.originalText ?? '',
  ];
}

function questionRow(state: WorkshopState, q: Question, lang: Language): string[] {
  const item = state.plan.agenda.find((i) => i.id === q.item);
  const group = q.participant ? own(state.participants, q.participant)?.group ?? null : null;
  return [
    item?.title ?? q.item, '', group === null ? '' : String(group), WORDS[lang].question,
    q.text, '', String(q.votes.length), localTime(q.at), QUESTION_STATUS[lang][q.status], q.answer ?? '', q.name ?? '', '',
  ];
}

/** Every idea and question as CSV, by agenda item, then station or heading, then the order they came. */
export function renderCsv(state: WorkshopState, lang: Language): string {
  const position = new Map(state.plan.agenda.map((item, i) => [item.id, i]));
  const slotIndex = (idea: Idea) => {
    const item = state.plan.agenda[position.get(idea.item) ?? -1];
    return item ? slotsOf(item).indexOf(idea.slot) : -1;
  };
  const ideas = state.ideaOrder.map((id, order) => ({ idea: state.ideas[id]!, order }))
    .sort((a, b) => (position.get(a.idea.item) ?? 0) - (position.get(b.idea.item) ?? 0) || slotIndex(a.idea) - slotIndex(b.idea) || a.order - b.order)
    .map(({ idea }) => ({ at: position.get(idea.item) ?? 0, row: ideaRow(state, idea, lang) }));
  const questions = state.questionOrder.map((id) => state.questions[id]!)
    .map((q) => ({ at: position.get(q.item) ?? 0, row: questionRow(state, q, lang) }));
  // Stable sort: ideas and questions of one item keep their own order.
  const rows = [...ideas, ...questions].sort((a, b) => a.at - b.at).map((r) => r.row);
  const separator = lang === 'sv' ? ';' : ',';
  return `\uFEFF${[HEAD[lang], ...rows].map((row) => row.map(csvCell).join(separator)).join('\r\n')}\r\n`;
}
