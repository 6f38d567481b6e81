/**
 * The minutes' parts without a server: counting organisations, date forms,
 * escaping (checked with a real CommonMark parser), CSV cells, and a plan
 * with every kind of vote, a Q&A of its own and an item never held.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  decide, evolveAll, initialState, parseCommand, parsePlan,
  type Actor, type Plan, type WorkshopEvent, type WorkshopState,
} from '@karusell/shared';
import { organisationKey } from '../src/minutes/attendance';
import { buildMinutes } from '../src/minutes/build';
import { csvCell, renderCsv } from '../src/minutes/csv';
import { renderHtml } from '../src/minutes/html';
import { escapeMarkdown, renderMarkdown } from '../src/minutes/markdown';
import { minutesFilename } from '../src/minutes';
import { when } from '../src/minutes/words';

/** A workshop driven through decide, as the server would, with fixed times and ids. */
function workshop(planJson: unknown) {
  const parsed = parsePlan(planJson);
  if (!parsed.ok) throw new Error(parsed.error.message);
  let state: WorkshopState = initialState(parsed.plan, 0);
  let now = 1_715_601_600_000;
  let n = 0;
  const apply = (events: WorkshopEvent[]) => (state = evolveAll(state, events));
  const run = (actor: Actor, command: Record<string, unknown>): string | undefined => {
    const parsedCommand = parseCommand({ opId: `op${++n}`, ...command });
    if (!parsedCommand.ok) throw new Error(`${command.type}: ${parsedCommand.code}`);
    const decision = decide(state, parsedCommand.command, { now: (now += 1000), newId: () => `id${++n}`, actor });
    if (!decision.ok) throw new Error(`${command.type}: ${decision.code}`);
    apply(decision.events);
    return Object.values(decision.result ?? {})[0] as string | undefined;
  };
  const join = (id: string, profile: Record<string, string> = {}) => {
    apply([{ type: 'participant_joined', participant: id, at: now }]);
    if (Object.keys(profile).length) run({ role: 'participant', participant: id }, { type: 'set_profile', ...profile });
    return { role: 'participant', participant: id } as const;
  };
  return { run, join, state: () => state, plan: (): Plan => parsed.plan };
}

const facilitator: Actor = { role: 'facilitator' };

describe('organisations and participants', () => {
  it.each([
    [' Röda  Korset ', 'röda korset'],
    ['RÖDA KORSET', 'röda korset'],
    ['Ro\u0308da Korset', 'röda korset'],
    ['Straße e.V.', 'strasse e.v.'],
    ['Föreningen\tVi', 'föreningen vi'],
  ])('%j is compared as %j', (name, key) => expect(organisationKey(name)).toBe(key));

  it('counts people who joined and were not removed, and distinct organisations per sector, when the facilitator gave no totals', () => {
    const w = workshop({ title: 'Möte', groups: 0, agenda: [{ kind: 'talk', title: 'Inledning' }] });
    w.join('p1', { organisation: 'Röda Korset', sector: 'civil' });
    w.join('p2', { organisation: ' röda  korset', sector: 'public' });
    w.join('p3', { organisation: 'Kommunen', sector: 'public' });
    w.join('p4', { organisation: 'Utan sektor' });
    w.join('p5', { organisation: 'Borttagen AB', sector: 'business' });
    w.run(facilitator, { type: 'remove_participant', participant: 'p5' });
    const md = renderMarkdown(buildMinutes(w.state()));
    expect(md).toContain('- Antal deltagare: 4\n- Antal organisationer: 3, varav civilsamhället 1, offentlig sektor 1\n');
    w.run(facilitator, { type: 'set_attendance', participants: 30 });
    expect(renderMarkdown(buildMinutes(w.state()))).toContain('- Antal deltagare: 30\n- Antal organisationer: 3, varav');
    // The facilitator's total makes the phones' sectors a lower bound…
    w.run(facilitator, { type: 'set_attendance', organisations: 12 });
    expect(renderMarkdown(buildMinutes(w.state()))).toContain('- Antal organisationer: 12, varav minst civilsamhället 1, offentlig sektor 1\n');
    // …and the facilitator's counts per sector replace them.
    w.run(facilitator, { type: 'set_attendance', sectors: { civil: 9, public: 3 } });
    expect(renderMarkdown(buildMinutes(w.state()))).toContain('- Antal organisationer: 12, varav civilsamhället 9, offentlig sektor 3\n');
    w.run(facilitator, { type: 'set_attendance', organisations: null });
    expect(renderMarkdown(buildMinutes(w.state()))).toContain('- Antal organisationer: 12, varav civilsamhället 9, offentlig sektor 3\n');
    w.run(facilitator, { type: 'set_attendance', sectors: null });
    expect(renderMarkdown(buildMinutes(w.state()))).toContain('- Antal deltagare: 30\n- Antal organisationer: 3, varav civilsamhället 1, offentlig sektor 1\n');
  });
});

describe('dates and times', () => {
  it.each([
    ['sv', '2024-05-13', '14:00', '17:30', '13 maj 2024, kl. 14.00–17.30'],
    ['en', '2024-05-13', '14:00', '17:30', '13 May 2024, 14:00–17:30'],
    ['sv', '2024-12-01', undefined, undefined, '1 december 2024'],
    ['en', undefined, '09:05', undefined, '09:05'],
    ['sv', undefined, '09:05', '10:00', 'kl. 09.05–10.00'],
  ] as const)('%s %s %s–%s is %j', (lang, date, start, end, text) => expect(when(lang, date, start, end)).toBe(text));

  it('names files in ASCII', () => {
    const plan = parsePlan({ title: 'Dialogmöte om Åre & Malmö!', date: '2024-05-13', groups: 0, agenda: [{ kind: 'talk', title: 'T' }] });
    if (!plan.ok) throw new Error('plan');
    expect(minutesFilename(plan.plan, 'docx', 'sv')).toBe('anteckningar-dialogmote-om-are-malmo-2024-05-13.docx');
    expect(minutesFilename(plan.plan, 'json', 'en')).toBe('archive-dialogmote-om-are-malmo-2024-05-13.json');
  });
});

describe('escaping', () => {
  const md = new MarkdownIt();
  const hostile = [
    '*fet* och _kursiv_', '**dubbel**', '# Rubrik', '## två', '1. lista', '3) lista', '- punkt', '+ punkt', '> citat',
    '<b>html</b>', '<script>alert(1)</script>', '&amp; &lt;', '`kod`', '```', '[länk](http://x)', '![bild](http://x/y.png)',
    'a | b', '~~struken~~', '=HYPERLINK("http://x","y")', 'C:\\mapp\\fil', '---', '***', '___', '\\*', 'a_b_c', '<!-- kommentar -->',
  ];
  it.each(hostile)('%j stays text in Markdown as a list item, a paragraph and a heading', (text) => {
    for (const source of [`- ${escapeMarkdown(text)}\n`, `${escapeMarkdown(text)}\n`, `### ${escapeMarkdown(text, false)}\n`]) {
      const tokens = md.parse(source, {});
      const inline = tokens.filter((t) => t.type === 'inline');
      expect(inline, source).toHaveLength(1);
      expect(inline[0]!.children!.map((c) => c.type), source).toEqual(['text']);
      expect(inline[0]!.children![0]!.content, source).toBe(text);
    }
  });

  it('keeps lines ended by a bare CR as text (CommonMark ends a line there too)', () => {
    for (const note of ['Notering\r# rubrik\r===\r- punkt', 'beskr\r---', 'Syfte\r\n1. ett']) {
      const tokens = md.parse(escapeMarkdown(note), {});
      expect(tokens.map((t) => t.type), JSON.stringify(note)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
    }
  });

  it('keeps several lines of a note as text too', () => {
    const note = 'Första raden\n- inte en lista\n1. inte heller\n===\n> inget citat';
    const html = md.render(escapeMarkdown(note));
    expect(html).toBe(`<p>${note.replace(/>/g, '&gt;').split('\n').join('\n')}</p>\n`);
  });

  it.each([
    ['=1+1', `"'=1+1"`], ['+46 70', `"'+46 70"`], ['-2', `"'-2"`], ['@SUM(A1)', `"'@SUM(A1)"`], ['\tx', `"'\tx"`], ['\rx', `"'\rx"`],
    ['Säg "hej"', '"Säg ""hej"""'], ['vanlig text', '"vanlig text"'], [' =inte', '"\' =inte"'], ['\u200b=1+1', '"\'\u200b=1+1"'], ['a=1', '"a=1"'],
  ])('the CSV cell %j is %s', (value, cell) => expect(csvCell(value)).toBe(cell));
});

describe('a workshop with every kind of vote, a Q&A of its own and an item never held', () => {
  const plan = {
    title: 'Workshop', language: 'en', groups: 0,
    agenda: [
      { id: 'intro', kind: 'talk', title: 'Welcome' },
      { id: 'w', kind: 'wall', title: 'Ideas', headings: [{ id: 'a', title: 'Heading A' }, { id: 'b', title: 'Heading B' }] },
      { id: 'r', kind: 'ranking', title: 'Rank', options: [{ id: 'x', title: 'Option X' }, { id: 'y', title: 'Option Y' }], lowerIsBetter: false },
      { id: 'd', kind: 'dots', title: 'Dots', wall: 'w', dotsPerVoter: 3, maxPerIdea: 2 },
      { id: 's', kind: 'scale', title: 'Scale', min: 1, max: 5 },
      { id: 'q', kind: 'qa', title: 'Questions' },
      { id: 'never', kind: 'wall', title: 'Never run', headings: [{ id: 'n', title: 'N' }] },
    ],
  };

  function held() {
    const w = workshop(plan);
    const [p1, p2, p3] = [w.join('p1'), w.join('p2'), w.join('p3')];
    w.run(facilitator, { type: 'start_item', item: 'w' });
    const first = w.run(p1, { type: 'add_idea', item: 'w', slot: 'a', text: 'First idea' })!;
    const dup = w.run(p2, { type: 'add_idea', item: 'w', slot: 'a', text: 'First idea again' })!;
    const hidden = w.run(p3, { type: 'add_idea', item: 'w', slot: 'b', text: 'Off topic' })!;
    const second = w.run(p3, { type: 'add_idea', item: 'w', slot: 'b', text: 'Second   idea\nover two lines' })!;
    w.run(facilitator, { type: 'merge_ideas', into: first, from: dup });
    w.run(p3, { type: 'emphasise', idea: first });
    w.run(facilitator, { type: 'hide_idea', idea: hidden });
    w.run(facilitator, { type: 'start_item', item: 'r' });
    w.run(p1, { type: 'cast_ranking', item: 'r', ranks: { x: 2, y: 1 } });
    w.run(p2, { type: 'cast_ranking', item: 'r', ranks: { x: 2, y: 1 } });
    w.run(facilitator, { type: 'start_item', item: 'd' });
    w.run(p1, { type: 'cast_dots', item: 'd', dots: { [second]: 2, [first]: 1 } });
    w.run(facilitator, { type: 'start_item', item: 's' });
    for (const [p, value] of [[p1, 3], [p2, 4], [p3, 4]] as const) w.run(p, { type: 'cast_scale', item: 's', value });
    w.run(facilitator, { type: 'start_item', item: 'q' });
    const q = w.run(p1, { type: 'ask_question', item: 'q', text: 'Why *now*?', name: 'Ann' })!;
    w.run(p2, { type: 'upvote_question', item: 'q', question: q });
    w.run(facilitator, { type: 'answer_question', question: q, text: 'Because.\n\nAnd more.' });
    w.run(facilitator, { type: 'end_workshop' });
    return w;
  }

  it('reports each in its own section, in English, and says which item was not held', () => {
    const md = renderMarkdown(buildMinutes(held().state()));
    expect(md).toMatch(/^# Minutes Workshop\n\nBelow is a summary of the material produced in group work and joint discussions at Workshop\.\n/);
    expect(md).not.toContain('- Where:');
    expect(md).toContain('- Number of participants: 3\n- Number of organisations: 0\n');
    expect([...md.matchAll(/^### (3\.\d) (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['3.1 Ideas', '3.2 Rank', '3.3 Dots', '3.4 Scale', '3.5 Questions']);
    expect(md).toContain('- **Never run**\n\n  Under the heading, the participants discussed concrete ideas:\n\n  - N\n\n  This item has not been held.');
    expect(md).toContain('- **Welcome**\n\n- **Ideas**');
    expect(md).toContain('#### Heading A\n\n- First idea (!!)\n\n#### Heading B\n\n- Second idea over two lines\n');
    expect(md).not.toContain('Off topic');
    expect(md).not.toContain('First idea again');
    expect(md).toContain('The numbers are in the order the ballots came in.\n\n- Option X: 2, 2 (**mean 2.0**)\n- Option Y: 1, 1 (**mean 1.0**)');
    expect(md).toContain('1. Option X (mean 2.0)\n2. Option Y (mean 1.0)\n\nThe higher the mean, the higher the priority.\n\n2 of 3 participants have voted.');
    expect(md).toContain('Each participant had three dots to spread over the ideas of “Ideas”, at most 2 on one idea.');
    expect(md).toContain('- 2 dots: Second idea over two lines\n- 1 dot: First idea (!!)\n\n1 of 3 participants have voted.');
    expect(md).toContain('Mean 3.7 (3 answers).\n\n- 1: 0 answers\n- 2: 0 answers\n- 3: 1 answer\n- 4: 2 answers\n- 5: 0 answers\n\n3 of 3 participants have answered.');
    expect(md).toContain('- Why \\*now\\*? – Ann (1 vote)\n\n  **Answer:** Because.\n\n  And more.\n');
    expect(md).toContain('- **Questions**\n\n  Questions from the participants, sent from their phones or asked aloud.\n\n  See 3.5 for notes.');
  });

  it('gives the CSV one row per idea and question with its status, merged and hidden ones included', () => {
    const csv = renderCsv(held().state(), 'en');
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toBe('"Item","Station or heading","Group","Type","Text","Emphases","Votes","Time (Swedish time)","Status","Answer","Name","Original text"');
    expect(rows[1]).toBe('"Ideas","Heading A","","idea","First idea","2","","2024-05-13 14:00:02","visible","","",""');
    expect(rows[2]).toContain('"First idea again","0","","2024-05-13 14:00:03","merged into: First idea"');
    expect(rows[3]).toContain('"Off topic","0","","2024-05-13 14:00:04","hidden"');
    expect(rows[5]).toBe('"Questions","","","question","Why *now*?","","1","2024-05-13 14:00:19","queued","Because.\n\nAnd more.","Ann",""');
  });

  it('prints the HTML with the language set and the ballots as a table', () => {
    const html = renderHtml(buildMinutes(held().state(), 'sv'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html).toContain('<tr><th scope="col">Alternativ</th><th scope="col">Röst 1</th><th scope="col">Röst 2</th><th scope="col">Medeltal</th></tr>');
    expect(html).toContain('<li><p>Why *now*? – Ann (1 röst)</p>');
    expect(html).toContain('@page { size: A4;');
  });
});
