import { describe, expect, it } from 'vitest';
import {
  extendTimer, pauseTimer, remainingMs, resumeTimer, rotationMap, startTimer, stationIndexOf, visitedStationIndexes,
} from './carousel';

describe('rotation', () => {
  const sizes: [number, number][] = [[4, 4], [8, 4], [3, 4], [5, 3], [1, 1], [12, 5]];
  it.each(sizes)('G=%i, S=%i: every group visits every station exactly once in S rounds', (groups, stations) => {
    for (let g = 1; g <= groups; g++) {
      const visited = Array.from({ length: stations }, (_, r) => stationIndexOf(g, r, stations));
      expect([...visited].sort((a, b) => a - b)).toEqual(Array.from({ length: stations }, (_, i) => i));
      expect(visitedStationIndexes(g, stations - 1, stations)).toEqual(visited);
    }
  });
  it.each(sizes)('G=%i, S=%i: the map places every group once per round', (groups, stations) => {
    for (let r = 0; r < stations; r++) {
      const map = rotationMap(groups, r, stations);
      expect(map.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: groups }, (_, i) => i + 1));
    }
  });
  it('group 1 starts at the first station and moves one on each round', () => {
    expect([0, 1, 2, 3, 4].map((r) => stationIndexOf(1, r, 4))).toEqual([0, 1, 2, 3, 0]);
    expect(rotationMap(3, 0, 4)).toEqual([[1], [2], [3], []]);
    expect(rotationMap(5, 1, 3)).toEqual([[3], [1, 4], [2, 5]]);
  });
});

describe('round timer', () => {
  const start = startTimer(1_000, 8);
  const cases: [string, number, number][] = [
    ['fresh', remainingMs(start, 1_000), 480_000],
    ['half way', remainingMs(start, 241_000), 240_000],
    ['time up is zero, never negative', remainingMs(start, 999_999), 0],
    ['paused keeps time left', remainingMs(pauseTimer(start, 61_000), 500_000), 420_000],
    ['resumed counts from resume', remainingMs(resumeTimer(pauseTimer(start, 61_000), 500_000), 510_000), 410_000],
    ['+1 min while running', remainingMs(extendTimer(start, 61_000, 60), 61_000), 480_000],
    ['+1 min while paused', remainingMs(extendTimer(pauseTimer(start, 61_000), 70_000, 60), 900_000), 480_000],
    ['+1 min after time is up counts from now', remainingMs(extendTimer(start, 600_000, 60), 600_000), 60_000],
    ['half-minute rounds', remainingMs(startTimer(0, 0.5), 0), 30_000],
  ];
  it.each(cases)('%s', (_name, actual, expected) => expect(actual).toBe(expected));
  it('pause and resume are idempotent', () => {
    const paused = pauseTimer(start, 2_000);
    expect(pauseTimer(paused, 9_000)).toEqual(paused);
    expect(resumeTimer(start, 9_000)).toEqual(start);
  });
});
