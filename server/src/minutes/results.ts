/**
 * Section 3 of the minutes: one subsection per exercise, vote or talk, in
 * agenda order. Ideas per station or heading in the order they came, with
 * their (!) marks; a ranking's ballots, means, priority order and direction;
 * a talk's notes with its questions and answer summaries.
 */
import {
  directionSentence, formatMean, rankingOptions, voteProgress, voteResult, voterLabel,
  type AgendaItem, type DotsItem, type Language, type RankingItem, type ScaleItem, type WorkshopState,
} from '@karusell/shared';
import { markText } from '@karusell/shared/ideas';
import { heading, list, paragraph, plain, type Ballots, type Block, type Inline, type ListItem } from './model';
import { held, insideOf, notesOn, questionsOf, type Layout } from './layout';
import { tally, WORDS, type Words } from './words';

/** One line of user text: ideas and questions are one line each in the minutes. */
export const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** A note or answer as paragraphs: blank lines split them, single line breaks stay. */
export function paragraphsOf(text: string): Block[] {
  return text.replace(/\r\n?/g, '\n').split(/\n\s*\n/u).map((p) => p.split('\n').map((line) => line.trim()).filter(Boolean).join('\n'))
    .filter(Boolean).map(paragraph);
}

interface Ctx {
  state: WorkshopState;
  lang: Language;
  w: Words;
}

function ideaList(ctx: Ctx, item: string, slot: string): Block {
  const lines = ctx.state.ideaOrder.map((id) => ctx.state.ideas[id]!)
    // Merged-away ideas count inside their survivor (its marks hold their groups); hidden ones are left out.
    .filter((idea) => idea.item === item && idea.slot === slot && !idea.hidden && idea.mergedInto === null)
    .map((idea) => `${oneLine(idea.text)}${markText(idea)}`);
  return lines.length ? list(lines) : paragraph(ctx.w.noIdeas);
}

function groupRange(voters: readonly string[], lang: Language): string {
  const numbers = voters.map((key) => Number(key.slice(2)));
  const contiguous = numbers.length > 2 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  const range = contiguous ? `${numbers[0]}–${numbers.at(-1)}` : numbers.join(', ');
  return lang === 'sv' ? `grupp ${range}` : `${numbers.length > 1 ? 'groups' : 'group'} ${range}`;
}

function progress(ctx: Ctx, item: RankingItem | DotsItem | ScaleItem, verb: 'voted' | 'answered'): Block {
  const { voted, expected } = voteProgress(ctx.state, item);
  return paragraph(ctx.w[verb](voted, Math.max(voted, expected), item.voter === 'group'));
}

function rankingBlocks(ctx: Ctx, item: RankingItem): Block[] {
  const { state, lang, w } = ctx;
  const result = voteResult(state, item);
  if (result.kind !== 'ranking') return [];
  const titles = new Map(rankingOptions(state.plan, item).map((o) => [o.id, o.title]));
  const meanOf = new Map(result.rows.map((row) => [row.option, formatMean(row.mean, lang)]));
  const ballots: Ballots = {
    type: 'ballots',
    head: [w.option, ...result.voters.map((key, i) => voterLabel(key, i, lang)), w.meanTitle],
    compactHead: [
      `${w.option} / ${item.voter === 'group' ? w.nouns.group.one : w.nouns.vote.one}`,
      ...result.voters.map((key, i) => (key.startsWith('g:') ? key.slice(2) : String(i + 1))),
      w.meanTitle,
    ],
    rows: result.rows.map((row) => ({ title: titles.get(row.option) ?? row.option, values: row.values.map(String), mean: meanOf.get(row.option)! })),
    lines: result.rows.map((row): Inline => {
      const title = titles.get(row.option) ?? row.option;
      if (row.mean.count === 0) return plain(`${title}: (${w.noVotes})`);
      return [{ text: `${title}: ${row.values.join(', ')} (` }, { text: `${w.meanWord} ${meanOf.get(row.option)}`, strong: true }, { text: ')' }];
    }),
    legend: item.voter === 'group' ? w.valuesByGroup(groupRange(result.voters, lang)) : w.valuesByBallot,
  };
  const ranked = result.order.filter((id) => result.rows.find((row) => row.option === id)!.mean.count > 0);
  return [
    ...(result.voters.length ? [ballots] : []),
    ...(ranked.length ? [paragraph(w.priorityOrder), list(ranked.map((id) => `${titles.get(id)} (${w.meanWord} ${meanOf.get(id)})`), true)] : []),
    paragraph(directionSentence(item.lowerIsBetter, lang)),
    progress(ctx, item, 'voted'),
  ];
}

function dotsBlocks(ctx: Ctx, item: DotsItem): Block[] {
  const result = voteResult(ctx.state, item);
  if (result.kind !== 'dots') return [];
  const lines = result.ideas.filter((entry) => entry.dots > 0)
    .map(({ idea, dots }) => `${tally(dots, ctx.w.nouns.dot)}: ${oneLine(idea.text)}${markText(idea)}`);
  return [lines.length ? list(lines) : paragraph(ctx.w.noDots), progress(ctx, item, 'voted')];
}

function scaleBlocks(ctx: Ctx, item: ScaleItem): Block[] {
  const result = voteResult(ctx.state, item);
  if (result.kind !== 'scale') return [];
  const { w, lang } = ctx;
  return [
    paragraph(w.scaleMean(formatMean(result.mean, lang), tally(result.mean.count, w.nouns.answer))),
    list(result.counts.map(({ value, count }) => `${value}: ${tally(count, w.nouns.answer)}`)),
    progress(ctx, item, 'answered'),
  ];
}

function questionItems(ctx: Ctx, item: string): Block {
  const items = questionsOf(ctx.state, item).map((q): ListItem => {
    const by = q.name ? ` – ${oneLine(q.name)}` : '';
    const votes = q.votes.length ? ` (${tally(q.votes.length, ctx.w.nouns.vote)})` : '';
    const answer = q.answer ? paragraphsOf(q.answer) : [];
    const first = answer[0];
    // The summary follows its question; "Svar:" in bold opens its first paragraph.
    if (first?.type === 'paragraph') answer[0] = { type: 'paragraph', text: [{ text: `${ctx.w.answer}:`, strong: true }, { text: ' ' }, ...first.text] };
    return answer.length ? { text: plain(`${oneLine(q.text)}${by}${votes}`), blocks: answer } : { text: plain(`${oneLine(q.text)}${by}${votes}`) };
  });
  return items.length ? { type: 'list', ordered: false, items } : paragraph(ctx.w.noQuestions);
}

/** The blocks of one item's own results (without its heading). */
function body(ctx: Ctx, item: AgendaItem): Block[] {
  const notes = notesOn(ctx.state, item.id).flatMap((note) => paragraphsOf(note.text));
  switch (item.kind) {
    case 'carousel':
    case 'wall': {
      const slots = item.kind === 'carousel' ? item.stations.map((s) => ({ id: s.id, title: s.prompt })) : item.headings;
      return [
        paragraph(ctx.w.legend),
        ...slots.flatMap((slot) => [heading(4, slot.title), ideaList(ctx, item.id, slot.id)]),
        ...(notes.length ? [heading(4, ctx.w.notes), ...notes] : []),
      ];
    }
    case 'ranking': return [...rankingBlocks(ctx, item), ...notes];
    case 'dots': return [...dotsBlocks(ctx, item), ...notes];
    case 'scale': return [...scaleBlocks(ctx, item), ...notes];
    case 'qa': return [questionItems(ctx, item.id), ...notes];
    case 'talk': return notes;
  }
}

/** Section 3: its heading, then one subsection per entry of the layout. */
export function resultBlocks(state: WorkshopState, lang: Language, layout: Layout): Block[] {
  const ctx: Ctx = { state, lang, w: WORDS[lang] };
  const sections = layout.sections.flatMap((item) => [
    heading(3, `${layout.numberOf.get(item.id)} ${item.title}`),
    ...body(ctx, item),
    ...insideOf(state, item).filter((other) => held(state, other))
      .flatMap((other) => [heading(4, other.title), ...body(ctx, other)]),
  ]);
  return [heading(2, ctx.w.results), ...(sections.length ? sections : [paragraph(ctx.w.noResults)])];
}
