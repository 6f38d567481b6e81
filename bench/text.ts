/**
 * Idea texts for the load: 60–120 characters of plausible Swedish, behind a
 * tag the screen reads back (`[k12 t1717171717171.3]`: idea 12, sent at that
 * wall-clock millisecond).
 */

const OPENINGS = [
  'Vi behöver', 'Det vore bra med', 'Viktigt att skapa', 'Vi föreslår', 'Satsa på', 'Regionen kan erbjuda',
  'Civilsamhället önskar', 'Låt oss prova', 'Det saknas ofta', 'Bygg vidare på',
];
const MIDDLES = [
  'fler mötesplatser mellan föreningar och förvaltning', 'långsiktig finansiering i stället för projektpengar',
  'en gemensam kalender för dialogmöten', 'tydligare kontaktvägar in i regionen', 'mer kunskap om hur ideella krafter arbetar',
  'återkoppling efter varje samråd', 'enklare ansökningar för små organisationer', 'jämbördig dialog där alla får tala till punkt',
  'samverkan som börjar tidigt i processen', 'uppföljning av överenskommelsen varje år',
];
const ENDINGS = [
  'så att fler kan delta.', 'och det behöver ske redan i år.', 'för att bygga förtroende över tid.', 'i hela Västra Götaland.',
  'med tydliga ansvariga.', 'så att ingen behöver börja om.', 'även för de minsta föreningarna.', 'och följas upp på nästa möte.',
];

/** A Swedish idea of 60–120 characters, varied by n. */
export function swedishIdea(n: number): string {
  const pick = <T>(list: readonly T[], salt: number) => list[(n * 7 + salt * 13 + Math.floor(n / list.length)) % list.length]!;
  const text = `${pick(OPENINGS, 1)} ${pick(MIDDLES, 2)} ${pick(ENDINGS, 3)}`;
  return text.length > 120 ? `${text.slice(0, 119).trimEnd()}.` : text.padEnd(60, '.');
}

/** The tagged text of an idea. */
export function taggedIdea(tag: string, sentAt: number, n: number): string {
  return `[${tag} t${sentAt.toFixed(1)}] ${swedishIdea(n)}`;
}

/** Reads the tag and send time back; undefined for texts the bench did not write. */
export function readTag(text: string): { tag: string; sentAt: number } | undefined {
  const m = /^\[(\S+) t(\d+(?:\.\d+)?)\]/.exec(text);
  return m ? { tag: m[1]!, sentAt: Number(m[2]) } : undefined;
}
