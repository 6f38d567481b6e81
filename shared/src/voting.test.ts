import { describe, expect, it } from 'vitest';
import { ballotProblem, directionSentence, formatMean, priorityOrder, rankingRows, tenths } from './voting';

// The reference minutes' priority vote: three headings, eight groups, ties allowed.
const options = ['h1', 'h2', 'h3'];
const columns: Record<string, number[]> = {
  h1: [3, 2, 3, 3, 3, 1, 3, 3],
  h2: [2, 1, 2, 1, 2, 1, 1, 1],
  h3: [1, 2, 1, 2, 1, 2, 1, 2],
};
const ballots = Array.from({ length: 8 }, (_, g) => Object.fromEntries(options.map((o) => [o, columns[o]![g]!])));

describe('the reference vote', () => {
  const rows = rankingRows(options, ballots);
  it('gives each option its ballots in group order', () => {
    expect(rows.map((r) => r.values)).toEqual([columns.h1, columns.h2, columns.h3]);
  });
  it.each([['sv', ['2,6', '1,4', '1,5']], ['en', ['2.6', '1.4', '1.5']]] as const)('means in %s', (language, means) => {
    expect(rows.map((r) => formatMean(r.mean, language))).toEqual(means);
  });
  it('orders by exact mean, lower first, and says so', () => {
    expect(priorityOrder(rows, true)).toEqual(['h2', 'h3', 'h1']);
    expect(priorityOrder(rows, false)).toEqual(['h1', 'h3', 'h2']);
    expect(directionSentence(true, 'sv')).toBe('Ju lägre medeltal desto mer prioriterat.');
    expect(directionSentence(false, 'en')).toBe('The higher the mean, the higher the priority.');
  });
});

describe('rounding half away from zero, exactly', () => {
  const cases: [number, number, number][] = [
    [21, 8, 26], [11, 8, 14], [12, 8, 15], [23, 20, 12], [1, 3, 3], [2, 3, 7], [5, 4, 13], [-5, 4, -13], [0, 5, 0], [115, 100, 12],
  ];
  it.each(cases)('%i/%i → %i tenths', (sum, count, expected) => expect(tenths({ sum, count })).toBe(expected));
  it('no ballots shows a dash', () => expect(formatMean({ sum: 0, count: 0 }, 'sv')).toBe('–'));
});

describe('ballots', () => {
  const cases: [string, Record<string, number>, boolean, string | null][] = [
    ['a permutation', { h1: 2, h2: 1, h3: 3 }, false, null],
    ['ties when allowed (2,1,2)', { h1: 2, h2: 1, h3: 2 }, true, null],
    ['ties when allowed (3,1,1)', { h1: 3, h2: 1, h3: 1 }, true, null],
    ['ties when not allowed', { h1: 1, h2: 1, h3: 2 }, false, 'not_a_permutation'],
    ['a missing option', { h1: 1, h2: 2 }, true, 'missing_option'],
    ['an unknown option', { h1: 1, h2: 2, h3: 3, h4: 1 }, true, 'unknown_option'],
    ['zero', { h1: 0, h2: 1, h3: 2 }, true, 'rank_out_of_range'],
    ['above N', { h1: 4, h2: 1, h3: 2 }, true, 'rank_out_of_range'],
    ['a fraction', { h1: 1.5, h2: 1, h3: 2 }, true, 'rank_out_of_range'],
    ['__proto__ as option', JSON.parse('{"__proto__": 1, "h1": 1, "h2": 2, "h3": 3}'), true, 'unknown_option'],
  ];
  it.each(cases)('%s', (_name, ranks, ties, problem) => expect(ballotProblem(ranks, options, ties)).toBe(problem));
});
