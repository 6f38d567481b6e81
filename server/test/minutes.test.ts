/**
 * Acceptance: the reference meeting replayed over real sockets gives minutes
 * that say what the reference says, in every format, and export → import →
 * export gives the same files. Also writes or checks docs/minutes-example.*:
 * run with UPDATE_MINUTES_EXAMPLE=1 to rewrite them after a deliberate change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Karusell } from '../src/app';
import { tempDb, useServers, type Created } from './harness';
import { replayReferenceMeeting, unzipEntry } from './minutesMeeting';

const { server, client } = useServers();
const FORMATS = ['md', 'html', 'csv', 'json', 'docx'] as const;
type Format = (typeof FORMATS)[number];

const url = (s: Karusell, path: string) => `http://127.0.0.1:${s.port}${path}`;
const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

async function download(s: Karusell, w: Pick<Created, 'id' | 'facilitatorToken'>, format: Format, query = '') {
  const res = await fetch(url(s, `/api/workshops/${w.id}/minutes.${format}${query}`), { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
  expect(res.status, `${format}${query}`).toBe(200);
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

async function all(s: Karusell, w: Pick<Created, 'id' | 'facilitatorToken'>) {
  const files = {} as Record<Format, Buffer>;
  for (const format of FORMATS) files[format] = (await download(s, w, format)).body;
  return files;
}

async function importArchive(s: Karusell, body: string) {
  return fetch(url(s, '/api/workshops/import'), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

/** Checks a checked-in example against what the code makes now (or rewrites it on request). */
function example(name: string, made: string) {
  if (process.env.UPDATE_MINUTES_EXAMPLE) writeFileSync(docs(name), made);
  expect(readFileSync(docs(name), 'utf8'), `docs/${name} is out of date: run the test with UPDATE_MINUTES_EXAMPLE=1`).toBe(made);
}

describe('the minutes of the reference meeting', () => {
  it('say what the reference says, in every format and both languages, and survive export → import → export', async () => {
    const s = await server();
    const connect = (srv: Karusell, auth: Record<string, unknown>) => client(srv, auth);
    const w = await replayReferenceMeeting(s, connect);
    const files = await all(s, w);
    const md = files.md.toString('utf8');

    for (const section of ['\n## 1. Bakgrund\n', '\n## 2. Agenda och upplägg\n', '\n## 3. Resultat\n']) expect(md).toContain(section);
    expect(md).toMatch(/^# Anteckningar Dialogmötet 13 maj 2024\n/);
    expect(md).toContain('- När: 13 maj 2024, kl. 14.00–17.30\n');
    expect(md).toContain('- Antal deltagare: 59\n');
    expect(md).toContain('- Antal organisationer: 45, varav civilsamhället 45\n');
    expect(md).toContain('Utropstecken (!) innebär att idén betonats av flera grupper.');
    for (const line of ['- Vidga perspektiv och skapa förändring (!)', '- Möjlighet (!!)', '- Konkurrens om resurser (!!)', '- Nerifrån och upp (!!)', '- Stärka demokratin\n']) {
      expect(md).toContain(line);
    }
    expect(md).toContain('### 3.1 Förutsättningar för samverkan');
    expect(md).toContain('### 3.2 Hur kan samverkan ske?');
    expect(md).toContain('- Jämbördig dialog: 3, 2, 3, 3, 3, 1, 3, 3 (**medeltal 2,6**)');
    expect(md).toContain('- Ökade kunskaper om varandra: 2, 1, 2, 1, 2, 1, 1, 1 (**medeltal 1,4**)');
    expect(md).toContain('- Långsiktiga finansieringsformer: 1, 2, 1, 2, 1, 2, 1, 2 (**medeltal 1,5**)');
    expect(md).toContain('1. Ökade kunskaper om varandra (medeltal 1,4)\n2. Långsiktiga finansieringsformer (medeltal 1,5)\n3. Jämbördig dialog (medeltal 2,6)');
    expect(md).toContain('Ju lägre medeltal desto mer prioriterat.\n\n8 av 8 grupper har röstat.');
    expect(md).toContain('Se under punkt 3.2 för resultat från övningen.');
    expect(md).toContain('### 3.3 Helén Eliasson, ordförande Regionstyrelsen');
    expect(md).toContain('- Hur kan civilsamhället avlasta regionen? (3 röster)\n\n  **Svar:** För att fördela uppgifter');
    expect(md.indexOf('#### Frågestund')).toBeGreaterThan(md.indexOf('### 3.3'));
    expect(md).not.toContain('### 3.4');
    // MINUTES_DUMP=<folder> keeps every file, to look at the Word and print output by eye.
    if (process.env.MINUTES_DUMP) for (const format of FORMATS) writeFileSync(`${process.env.MINUTES_DUMP}/minutes.${format}`, files[format]);
    example('minutes-example.md', md);
    example('minutes-example.html', files.html.toString('utf8'));

    const { res: docxRes } = await download(s, w, 'docx');
    expect(docxRes.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docxRes.headers.get('content-disposition')).toBe('attachment; filename="anteckningar-dialogmotet-2024-05-13.docx"');
    const xml = unzipEntry(files.docx, 'word/document.xml')!;
    const styled = (style: string, text: string) => new RegExp(`<w:pStyle w:val="${style}"/>(?:(?!</w:p>).)*<w:t[^>]*>${text}[^<]*</w:t>`);
    expect(xml).toMatch(styled('Title', 'Anteckningar Dialogmötet 13 maj 2024'));
    for (const h of ['1. Bakgrund', '2. Agenda och upplägg', '3. Resultat']) expect(xml).toMatch(styled('Heading1', h));
    for (const h of ['3.1 Förutsättningar för samverkan', '3.2 Hur kan samverkan ske\\?', '3.3 Helén Eliasson']) expect(xml).toMatch(styled('Heading2', h));
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(unzipEntry(files.docx, 'word/styles.xml')).toContain('<w:lang w:val="sv-SE"/>');

    const csv = files.csv.toString('utf8');
    expect(csv.startsWith('\uFEFF"Punkt";"Station eller rubrik";"Grupp"')).toBe(true);
    expect(csv).toContain('"Förutsättningar för samverkan";"Vad känner du inför samverkan (magkänsla, intuition)?";"6";"idé";"Möjlighet";"2"');

    const en = (await download(s, w, 'md', '?lang=en')).body.toString('utf8');
    expect(en).toMatch(/^# Minutes Dialogmötet 13 May 2024\n/);
    for (const text of ['## 1. Background', '## 2. Agenda', '## 3. Results', '- Number of participants: 59', '- When: 13 May 2024, 14:00–17:30',
      'An exclamation mark (!) means the idea was emphasised by more groups.', '(**mean 1.4**)', 'The lower the mean, the higher the priority.']) {
      expect(en).toContain(text);
    }
    expect((await download(s, w, 'csv', '?lang=en')).body.toString('utf8')).toContain('"Item","Station or heading"');
    example('minutes-example.en.md', en);

    const minutes = url(s, `/api/workshops/${w.id}/minutes.md`);
    expect((await fetch(minutes)).status).toBe(401);
    expect((await fetch(minutes, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(minutes, { headers: { authorization: `Bearer ${w.screenToken}` } })).status).toBe(401);
    const denied = await fetch(url(s, '/api/workshops/nope/minutes.md'), { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
    expect([denied.status, await denied.text()]).toEqual([401, await (await fetch(minutes)).text()]);
    expect((await fetch(`${minutes}?lang=de`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } })).status).toBe(400);
    expect((await fetch(url(s, `/api/workshops/${w.id}/minutes.pdf`), { headers: { authorization: `Bearer ${w.facilitatorToken}` } })).status).toBe(404);

    // The archive names no copy of the workshop: no id, code, tokens or export time.
    const archive = files.json.toString('utf8');
    for (const secret of [w.id, w.code, w.facilitatorToken, w.screenToken]) expect(archive).not.toContain(secret);
    const imported = await importArchive(s, archive);
    expect(imported.status).toBe(201);
    const copy = (await imported.json()) as Created;
    expect(copy).toMatchObject({ id: expect.any(String), code: expect.any(String), facilitatorToken: expect.any(String), screenToken: expect.any(String) });
    expect([copy.id, copy.code, copy.facilitatorToken]).not.toContain(w.id);
    expect(copy.code).not.toBe(w.code);
    const again = await all(s, copy);
    for (const format of ['md', 'html', 'csv', 'json'] as const) expect(again[format].equals(files[format]), format).toBe(true);
    expect(unzipEntry(again.docx, 'word/document.xml')).toBe(xml);
  });

  it('keeps user text as text in every format and refuses a broken archive without storing anything', async () => {
    const dbPath = tempDb();
    const s = await server(dbPath);
    const connect = (srv: Karusell, auth: Record<string, unknown>) => client(srv, auth);
    const hostile: [string, string][] = [
      ['h1', '=HYPERLINK("http://x","y")'],
      ['h2', '**Fet** _kursiv_ <script>alert(1)</script> [länk](http://x) `kod` &amp;'],
      ['h3', '# Rubrik?'],
      ['h3', '1. Numrerad - inte en lista'],
      ['h3', '+46 är ett nummer'],
      ['h3', 'Pling\u0007 och \u0000noll'],
    ];
    const w = await replayReferenceMeeting(s, connect, hostile);
    const files = await all(s, w);
    const md = files.md.toString('utf8');
    expect(md).toContain('- \\=HYPERLINK("http://x","y")\n');
    expect(md).toContain('- \\*\\*Fet\\*\\* \\_kursiv\\_ \\<script\\>alert(1)\\</script\\> \\[länk\\](http://x) \\`kod\\` \\&amp;\n');
    expect(md).toContain('- \\# Rubrik?\n');
    expect(md).toContain('- 1\\. Numrerad - inte en lista\n');
    expect(md).toContain('- \\+46 är ett nummer\n');
    const html = files.html.toString('utf8');
    expect(html).toContain('<li>**Fet** _kursiv_ &lt;script&gt;alert(1)&lt;/script&gt; [länk](http://x) `kod` &amp;amp;</li>');
    expect(html).not.toContain('<script>');
    const csv = files.csv.toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(`"'+46 är ett nummer"`);
    expect(csv).not.toMatch(/(^|[;\n])"[=+\-@]/);
    const xml = unzipEntry(files.docx, 'word/document.xml')!;
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('>Pling och noll</w:t>');

    const count = () => {
      const db = new Database(dbPath, { readonly: true });
      const n = (db.prepare('SELECT count(*) AS n FROM workshops').get() as { n: number }).n;
      db.close();
      return n;
    };
    const before = count();
    const archive = JSON.parse(files.json.toString('utf8')) as { events: Record<string, unknown>[]; plan: { agenda: unknown[] } };
    const refusals: [string, string][] = [
      ['{"format":"something-else"}', 'format'],
      [JSON.stringify({ ...archive, version: 2 }), 'version'],
      [JSON.stringify({ ...archive, plan: { ...archive.plan, agenda: [] } }), 'plan.agenda'],
      [JSON.stringify({ ...archive, events: [...archive.events, { type: 'idea_hidden', idea: '__proto__', at: 1 }] }), `events[${archive.events.length}].idea`],
      [JSON.stringify({ ...archive, events: [...archive.events, { type: 'made_up', at: 1 }] }), `events[${archive.events.length}].type`],
      [JSON.stringify({ ...archive, id: 'x' }), ''],
      [JSON.stringify({ ...archive, events: [...archive.events, { type: 'ballot_cast', item: 'vote', voter: 'g:1', participant: 'x', ballot: { kind: 'ranking', ranks: { h1: 9, h2: 1, h3: 1 } }, at: 1 }] }), `events[${archive.events.length}].ballot`],
      [JSON.stringify({ ...archive, events: [...archive.events, { type: 'ballot_cast', item: 'vote', voter: 'g:1', participant: 'x', ballot: { kind: 'scale', value: 3 }, at: 1 }] }), `events[${archive.events.length}].ballot`],
      [JSON.stringify({ ...archive, events: Array.from({ length: 1001 }, (_, i) => ({ type: 'participant_joined', participant: `p${i}`, at: 1 })) }), 'events[1000]'],
    ];
    for (const [body, field] of refusals) {
      const res = await importArchive(s, body);
      const error = ((await res.json()) as { error: { code: string; field: string; message: string } }).error;
      expect([res.status, error.code], body.slice(0, 80)).toEqual([400, 'invalid_archive']);
      expect(error.field.startsWith(field), `${error.field} for ${field}`).toBe(true);
      expect(error.message.length).toBeGreaterThan(10);
    }
    expect((await importArchive(s, '{"format":')).status).toBe(400);
    expect(count()).toBe(before);
  });
});
