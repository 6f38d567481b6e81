/**
 * The arithmetic of priority votes, as in the reference minutes: "Jämbördig
 * dialog 3, 2, 3, 3, 3, 1, 3, 3 (medeltal 2,6) … Ju lägre medeltal desto mer
 * prioriterat." Pure and exact: means are rounded from integers, so 2,625
 * becomes 2,6 and 1,375 becomes 1,4 on every machine.
 */
import type { Language } from './plan';

/** Why a ballot is not valid. */
export type BallotProblem = 'missing_option' | 'unknown_option' | 'rank_out_of_range' | 'not_a_permutation';

/** Checks a ranking ballot: every option a whole number 1..N; a permutation unless ties are allowed. */
export function ballotProblem(ranks: Readonly<Record<string, number>>, options: readonly string[], ties: boolean): BallotProblem | null {
  const n = options.length;
  for (const key of Object.keys(ranks)) if (!options.includes(key)) return 'unknown_option';
  const values: number[] = [];
  for (const option of options) {
    const rank = Object.hasOwn(ranks, option) ? ranks[option] : undefined;
    if (rank === undefined) return 'missing_option';
    if (!Number.isInteger(rank) || rank < 1 || rank > n) return 'rank_out_of_range';
    values.push(rank);
  }
  if (!ties && new Set(values).size !== n) return 'not_a_permutation';
  return null;
}

/** A mean kept as an exact fraction of integers. */
export interface Mean {
  sum: number;
  count: number;
}

/** The mean in tenths, rounded half away from zero, computed exactly (26 for 21/8). */
export function tenths({ sum, count }: Mean): number {
  const q = Math.abs(10 * sum);
  const rounded = Math.floor((2 * q + count) / (2 * count));
  return sum < 0 ? -rounded : rounded;
}

/** The mean to one decimal in the meeting's number format: "2,6" in Swedish, "2.6" in English. */
export function formatMean(mean: Mean, language: Language): string {
  if (mean.count === 0) return '–';
  const t = tenths(mean);
  const whole = Math.trunc(Math.abs(t) / 10);
  const text = `${t < 0 ? '-' : ''}${whole}${language === 'sv' ? ',' : '.'}${Math.abs(t) % 10}`;
  return text;
}

/** One option's row: its ballots' values in voter order, and their mean. */
export interface RankingRow {
  option: string;
  values: number[];
  mean: Mean;
}

/** Rows per option in plan order, from ballots in voter order. */
export function rankingRows(options: readonly string[], ballots: readonly Readonly<Record<string, number>>[]): RankingRow[] {
  return options.map((option) => {
    const values = ballots.map((b) => b[option]!).filter((v) => v !== undefined);
    return { option, values, mean: { sum: values.reduce((a, b) => a + b, 0), count: values.length } };
  });
}

/** Options by priority: by exact mean (lower first when lower is better), ties in plan order; unvoted last. */
export function priorityOrder(rows: readonly RankingRow[], lowerIsBetter: boolean): string[] {
  const compare = (a: RankingRow, b: RankingRow): number => {
    if (a.mean.count === 0 || b.mean.count === 0) return (a.mean.count === 0 ? 1 : 0) - (b.mean.count === 0 ? 1 : 0);
    // a.sum/a.count vs b.sum/b.count without floating point.
    const diff = a.mean.sum * b.mean.count - b.mean.sum * a.mean.count;
    return lowerIsBetter ? diff : -diff;
  };
  return rows.map((row, index) => ({ row, index }))
    .sort((x, y) => compare(x.row, y.row) || x.index - y.index)
    .map(({ row }) => row.option);
}

/** The sentence that states the direction (CONTRACT.md §4). */
export function directionSentence(lowerIsBetter: boolean, language: Language): string {
  if (language === 'sv') return lowerIsBetter ? 'Ju lägre medeltal desto mer prioriterat.' : 'Ju högre medeltal desto mer prioriterat.';
  return lowerIsBetter ? 'The lower the mean, the higher the priority.' : 'The higher the mean, the higher the priority.';
}
