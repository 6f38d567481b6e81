/**
 * Text in the projector's SVG charts. SVG text does not wrap, so a long
 * label is broken at spaces into a few lines of about a given length, and
 * cut with "…" after the last one (the full text stays in the chart's
 * <title> and in the table beside it).
 */

/** Breaks a label into at most `maxLines` lines of at most `perLine` characters; the last ends in "…" when text was left out. */
export function wrapLabel(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.trim().split(/\s+/)) {
    // A word longer than a whole line (a long compound, an address) is cut into pieces.
    while (word.length > perLine) {
      if (line) lines.push(line);
      lines.push(`${word.slice(0, perLine - 1)}-`);
      word = word.slice(perLine - 1);
      line = '';
    }
    const longer = line ? `${line} ${word}` : word;
    if (longer.length <= perLine) line = longer;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length < perLine ? last : last.slice(0, perLine - 1).trimEnd()}…`;
  return kept;
}
