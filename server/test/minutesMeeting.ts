/**
 * The Dialogmötet of 13 May 2024 (shared/reference), replayed through real
 * socket clients: eight groups with one phone each, the carousel with a
 * sample of the reference's ideas and emphases, the wall, the priority vote
 * with the reference's eight ballots, the talk's notes and the question
 * time. Used by the minutes tests and to write docs/minutes-example.md.
 */
import { inflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Ack } from '@karusell/shared';
import { examplePlanJson } from '@karusell/shared/examplePlan';
import type { Karusell } from '../src/app';
import { createWorkshop, until, type Client, type Created } from './harness';

type Connect = (s: Karusell, auth: Record<string, unknown>) => Promise<Client>;

/** An idea of the reference and how many groups beyond its author emphasised it ((!) = 1). */
type Sample = [text: string, marks?: number];

/** A sample of the carousel's ideas per station, in the reference's order, with its marks. */
export const STATIONS: Record<string, Sample[]> = {
  s1: [
    ['Blanda kompetens, lära av varandra'], ['Lösa samhällsproblem nära medborgarna'], ['Planen är en bra start att jobba vidare på'],
    ['Vi når fler med det vi gör'], ['Stärka demokratin'], ['1+1= 3'], ['Vidga perspektiv och skapa förändring', 1], ['Behovsstyrt'],
  ],
  s2: [
    ['Nödvändigt'], ['Svårare samverka regionalt än kommunalt'], ['Oro för tröghet i samverkan', 1], ['Positiv'],
    ['Blandade känslor (oro- sätta ord på oron)'], ['Möjlighet', 2], ['Utvecklande- öppnar nya vyer'],
  ],
  s3: [
    ['Juridiska lagar och förordningar (LOU, IOP, GDPR mfl)'], ['Otydlighet mellan civilsamhället och VGR', 1],
    ['Resurser för samverkan', 2], ['Uppifrånperspektiv', 2], ['Konkurrens om resurser', 2], ['Beslutsvårda i regionen'],
  ],
  s4: [
    ['Träffas utan tydliga tanke om samverkan'], ['"Tinder" för samverkan- mer tid för mingel och nätverkande'],
    ['Nerifrån och upp', 2], ['Gemensamma IOP'], ['Allmän värnplikt i föreningslivet'],
  ],
};

/** A sample of the wall's ideas per heading. */
export const HEADINGS: Record<string, string[]> = {
  h1: ['Mötesarvoden för dialogmöten', 'Vem äger agendan, vem kan bjuda in?', 'Kontinuitet', 'Tydlig roll- och ansvarsfördelning', 'Mer verkstad, mindre dialog'],
  h2: ['Viktigt! Förstå våra olika roller/funktioner', 'Beskriva våra organisationer kort, "hisspitch"', 'Överenskommelsen behöver synas mer'],
  h3: ['Ta ej bort grundfinansiering', 'Långa avtal', '3-5 år är rimligt när det gäller bidrag', 'En fond som går bortom budgetbesluten'],
};

/** The priority vote exactly as in the reference: each heading's value from group 1 to 8. */
export const BALLOTS = {
  h1: [3, 2, 3, 3, 3, 1, 3, 3],
  h2: [2, 1, 2, 1, 2, 1, 1, 1],
  h3: [1, 2, 1, 2, 1, 2, 1, 2],
};

/** The talk's notes (the reference's 3.3). */
export const TALK_NOTES = [
  'VGR bygger sin välfärd till stor del på det civila samhället. För att kunna hantera och ta riktning framåt behöver vi de här samtalen med varandra, för att utbyta perspektiv och fånga upp behoven hos målgrupperna. Vi är 56 000 välfärdsarbetare inom VGR.',
  'Civilsamhället är en kraft för att jobba förebyggande och främjande för och med människor.\n\nVi tillsammans behöver kraftsamla; till exempel kring fullföljda studier, 3300 unga som går ur skolan utan godkända betyg.',
];

/** The question time: question, answer summary, whether it came from a phone, and its upvotes. */
export const QUESTIONS: [question: string, answer: string, fromPhone: boolean, upvotes: number][] = [
  ['Olika grad av samverkan?', 'Fungerar olika bra beroende på vilken organisation man är och var i regionen som man finns.', false, 0],
  ['Hur kan civilsamhället avlasta regionen?', 'För att fördela uppgifter så behöver frågorna komma upp på högsta politiska nivå!', true, 3],
  ['Hur kompenserar VGR för mindre statliga bidrag till civilsamhället?', 'Budgetförhandlingar med beslut i juni. En svår utmaning då det lagstadgade går först.', true, 1],
  ['Hur möta äldres ohälsa och ofrivillig ensamhet?', 'Hur håller vi oss friskare längre för att frigöra resurser?', false, 0],
];

/** The phones' organisations: seven distinct once compared (two spell Röda Korset differently), all civil society. */
const ORGANISATIONS = ['Röda Korset', ' röda  KORSET ', 'Studiefrämjandet', 'Funktionsrätt Västra Götaland', 'Sensus', 'Hyresgästföreningen', 'Göteborgs Stadsmission', 'Idrottsförbundet'];

const resultOf = (ack: Ack, key: string): string => {
  expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
  return (ack as unknown as { result: Record<string, string> }).result[key]!;
};
const ok = async (sent: Promise<Ack>) => expect(await sent).toEqual({ ok: true });

/** The group (1..8) standing at a station index in a round, first of the two there. */
const groupAt = (station: number, round: number) => ((station - round + 8) % 4) + 1;

async function carousel(f: Client, phones: Client[]) {
  await ok(f.send({ type: 'start_item', item: 'ex1' }));
  await until(() => phones.every((p) => p.snapshots.at(-1)?.state.running === 'ex1'), 'phones in the carousel');
  const slots = Object.keys(STATIONS);
  const ideas: { id: string; slot: number; marks: number }[] = [];
  // Round 1: the two groups at each station write its ideas, taking turns.
  for (const [i, slot] of slots.entries()) {
    for (const [k, [text, marks = 0]] of STATIONS[slot]!.entries()) {
      const group = groupAt(i, 0) + (k % 2) * 4;
      ideas.push({ id: resultOf(await phones[group - 1]!.send({ type: 'add_idea', item: 'ex1', slot, text }), 'idea'), slot: i, marks });
    }
  }
  // Rounds 2 and 3: the groups arriving at a station emphasise what they agree with.
  for (const round of [1, 2]) {
    await ok(f.send({ type: 'next_round', item: 'ex1' }));
    await Promise.all(ideas.filter((idea) => idea.marks >= round)
      .map((idea) => ok(phones[groupAt(idea.slot, round) - 1]!.send({ type: 'emphasise', idea: idea.id }))));
  }
  await ok(f.send({ type: 'next_round', item: 'ex1' }));
  await ok(f.send({ type: 'end_item', item: 'ex1' }));
}

async function wallAndVote(f: Client, phones: Client[], extra: [slot: string, text: string][]) {
  await ok(f.send({ type: 'start_item', item: 'ex2' }));
  await until(() => phones.every((p) => p.snapshots.at(-1)?.state.running === 'ex2'), 'phones on the wall');
  let n = 0;
  for (const [slot, texts] of Object.entries(HEADINGS)) {
    for (const text of texts) resultOf(await phones[n++ % 8]!.send({ type: 'add_idea', item: 'ex2', slot, text }), 'idea');
  }
  for (const [slot, text] of extra) resultOf(await phones[n++ % 8]!.send({ type: 'add_idea', item: 'ex2', slot, text }), 'idea');
  await ok(f.send({ type: 'start_item', item: 'vote' }));
  await until(() => phones.every((p) => p.snapshots.at(-1)?.state.running === 'vote'), 'phones in the vote');
  await Promise.all(phones.map((p, g) =>
    ok(p.send({ type: 'cast_ranking', item: 'vote', ranks: { h1: BALLOTS.h1[g], h2: BALLOTS.h2[g], h3: BALLOTS.h3[g] } }))));
  await ok(f.send({ type: 'end_item', item: 'vote' }));
}

async function talkAndQuestions(f: Client, phones: Client[]) {
  await ok(f.send({ type: 'start_item', item: 'talk2' }));
  for (const text of TALK_NOTES) resultOf(await f.send({ type: 'add_note', item: 'talk2', text }), 'note');
  await ok(f.send({ type: 'start_item', item: 'qa' }));
  await until(() => phones.every((p) => p.snapshots.at(-1)?.state.running === 'qa'), 'phones in the question time');
  for (const [i, [text, answer, fromPhone, upvotes]] of QUESTIONS.entries()) {
    const asker = fromPhone ? phones[i]! : f;
    const question = resultOf(await asker.send({ type: 'ask_question', item: 'qa', text }), 'question');
    for (let v = 1; v <= upvotes; v++) await ok(phones[(i + v) % 8]!.send({ type: 'upvote_question', item: 'qa', question }));
    await ok(f.send({ type: 'set_question_status', question, status: 'answering' }));
    await ok(f.send({ type: 'answer_question', question, text: answer }));
  }
  await ok(f.send({ type: 'end_item', item: 'qa' }));
}

/**
 * Runs the whole meeting; `extraIdeas` go on the wall after the reference's.
 * Returns the workshop as created.
 */
export async function replayReferenceMeeting(s: Karusell, connect: Connect, extraIdeas: [string, string][] = []): Promise<Created> {
  const w = await createWorkshop(s, examplePlanJson);
  const f = await connect(s, { workshopId: w.id, facilitatorToken: w.facilitatorToken });
  const phones = await Promise.all(ORGANISATIONS.map(() => connect(s, { code: w.code })));
  await Promise.all(phones.map(async (p, i) => {
    await ok(p.send({ type: 'set_profile', organisation: ORGANISATIONS[i], sector: 'civil' }));
    await ok(p.send({ type: 'join_group', group: i + 1 }));
  }));
  await ok(f.send({ type: 'start_item', item: 'intro' }));
  await carousel(f, phones);
  await wallAndVote(f, phones, extraIdeas);
  await talkAndQuestions(f, phones);
  await ok(f.send({ type: 'start_item', item: 'reflection' }));
  await ok(f.send({ type: 'set_attendance', participants: 59, organisations: 45, sectors: { civil: 45 } }));
  await ok(f.send({ type: 'end_workshop' }));
  return w;
}

/** One file out of a zip archive (a .docx), read with node:zlib from the central directory. */
export function unzipEntry(zip: Buffer, name: string): string | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + skip;
  }
  return null;
}
