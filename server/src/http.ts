/**
 * The HTTP API of CONTRACT.md §2, the QR images and the built web app.
 */
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import QRCode from 'qrcode';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normaliseCode, parsePlan, type Language } from '@karusell/shared';
import type { Hub, Room } from './hub';
import type { Limiters } from './limits';
import { checkRenders, isMinutesFormat, minutesFilename, MINUTES_TYPES, readArchive, renderMinutes, type MinutesSource } from './minutes';
import { roomByCode, snapshotOf, tokenHolder } from './sockets';
import type { Store } from './store/sqlite';
import { hashToken, newToken, tokenMatches } from './tokens';

/** What the HTTP layer needs. */
export interface HttpOptions {
  hub: Hub;
  store: Store;
  base: () => string;
  /** Deletes a workshop with all its data and drops its connections. */
  remove: (id: string) => void;
  limiters: Limiters;
}

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

function fail(res: Response, status: number, code: string, message: string, field?: string) {
  res.status(status).json({ error: field === undefined ? { code, message } : { code, field, message } });
}

function unauthorized(res: Response) {
  fail(res, 401, 'unauthorized', 'A valid facilitator token is required.');
}

/** The token in `Authorization: Bearer <token>`, if any. */
function bearer(req: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
}

/** The room when the request carries its facilitator token, else undefined. */
function authorised(req: Request, hub: Hub): Room | undefined {
  const room = hub.rooms.get(String(req.params.id));
  return room && tokenMatches(bearer(req), room.row.facilitatorTokenHash) ? room : undefined;
}

/** Builds the Express app. */
export function createHttpApp(opts: HttpOptions) {
  const { hub, store } = opts;
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet({
    contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null, 'img-src': ["'self'", 'data:'] } },
  }));

  // Phones on venue Wi-Fi: the app's JavaScript and pages travel gzipped.
  app.use(compression());

  app.get('/healthz', (_req, res) => {
    try {
      store.checkWritable(Date.now());
      res.json({ ok: true });
    } catch {
      fail(res, 503, 'store_unavailable', 'The store cannot be written.');
    }
  });

  /** Answers 201 with the new workshop's id, code, secrets and links (create and import alike). */
  async function opened(res: Response, open: (hashes: { facilitator: string; screen: string }) => Room) {
    const facilitatorToken = newToken();
    const screenToken = newToken();
    const room = open({ facilitator: hashToken(facilitatorToken), screen: hashToken(screenToken) });
    // The links are handed out only once the workshop is on disk.
    await store.durable();
    const base = opts.base();
    const { id, code } = room.row;
    res.status(201).json({
      id,
      code,
      facilitatorToken,
      screenToken,
      joinUrl: joinUrl(base, code),
      facilitatorUrl: `${base}/facilitator#workshop=${id}&token=${facilitatorToken}`,
      screenUrl: `${base}/screen#workshop=${id}&token=${screenToken}`,
    });
  }

  /** Before the body is read: an address that made too many workshops this hour gets 429 and nothing is stored. */
  const workshopLimit: express.RequestHandler = async (req, res, next) => {
    const wait = await opts.limiters.workshop(req.socket.remoteAddress ?? 'unknown');
    if (wait === 0) return next();
    res.set('retry-after', String(wait));
    fail(res, 429, 'rate_limited', `Too many workshops created from this address; try again in ${wait} s.`);
  };

  app.post('/api/workshops', workshopLimit, express.json({ limit: '512kb' }), (req, res) => {
    const parsed = parsePlan(req.body);
    if (!parsed.ok) return void res.status(400).json({ error: parsed.error });
    return opened(res, (hashes) => hub.create(parsed.plan, hashes));
  });

  // A long meeting's archive runs to a megabyte or two; nothing is stored unless all of it is valid.
  app.post('/api/workshops/import', workshopLimit, express.json({ limit: '5mb' }), (req, res) => {
    const read = readArchive(req.body);
    if (!read.ok) return void res.status(400).json({ error: read.error });
    const { events, state } = read;
    const broken = checkRenders({ state, log: () => events.map((event, i) => ({ ...event, seq: i + 1 })) });
    if (broken) return fail(res, 400, 'invalid_archive', `The archive's events do not fit together: ${broken}`, 'events');
    return opened(res, (hashes) => hub.restore(events, hashes));
  });

  app.get('/api/workshops/:id/:file', async (req, res) => {
    const [name, format] = String(req.params.file).split('.');
    if (name !== 'minutes' || !format || !isMinutesFormat(format)) return void fail(res, 404, 'not_found', 'No such file.');
    const room = authorised(req, hub);
    if (!room) return unauthorized(res);
    const lang = languageOf(req.query.lang, room.state.plan.language);
    if (!lang) return fail(res, 400, 'bad_language', 'lang must be sv or en.', 'lang');
    const source: MinutesSource = { state: room.state, log: () => store.events(room.row.id) };
    const body = await renderMinutes(format, source, lang);
    res.set({
      'Content-Type': MINUTES_TYPES[format],
      'Content-Disposition': `attachment; filename="${minutesFilename(room.state.plan, format, lang)}"`,
      // The minutes hold what people wrote: never kept by a cache. The page itself may style itself and nothing more.
      'Cache-Control': 'no-store',
      ...(format === 'html' ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" } : {}),
    }).send(body);
  });

  app.delete('/api/workshops/:id', async (req, res) => {
    const room = authorised(req, hub);
    if (!room) return unauthorized(res);
    opts.remove(room.row.id);
    await store.durable();
    res.status(204).end();
  });

  // A phone coming back that kept no copy of what it was shown asks for its snapshot here, beside the app's own
  // download, so it paints its exercise before its socket is up. The same participant token as the socket's resume;
  // anything it may not resume with (wrong code or token, removed) is one 401 that tells nothing.
  app.get('/api/participant/snapshot', async (req, res) => {
    const room = roomByCode(hub, req.query.code);
    const held = room ? tokenHolder(room, bearer(req), store) : { refusal: 'unknown_code' as const };
    if (!room || 'refusal' in held) {
      // Counted as the socket counts them: a wrong code or token, not a removed participant.
      if (!('refusal' in held && held.refusal === 'removed')) await opts.limiters.failed(req.socket.remoteAddress ?? 'unknown');
      return fail(res, 401, 'unauthorized', 'A valid participant token for this code is required.');
    }
    res.set('Cache-Control', 'no-store').json(snapshotOf(room, { role: 'participant', participant: held.participant }, joinUrl(opts.base(), room.row.code)));
  });

  app.get('/api/qr/:file', async (req, res) => {
    const code = normaliseCode(String(req.params.file).replace(/\.svg$/, ''));
    if (!code) return void fail(res, 404, 'not_found', 'Not a join code.');
    const svg = await QRCode.toString(joinUrl(opts.base(), code), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(svg);
  });

  app.use('/api', (_req, res) => fail(res, 404, 'not_found', 'No such endpoint.'));
  if (existsSync(WEB_DIST)) {
    app.use(express.static(WEB_DIST, {
      extensions: ['html'],
      index: 'index.html',
      // Vite names built assets by content hash, so phones may keep them; pages are always revalidated.
      setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    }));
  }

  const onError: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, _next) => {
    if (error.type === 'entity.parse.failed') return fail(res, 400, 'bad_json', 'The body is not valid JSON.', '');
    if (error.type === 'entity.too.large') return fail(res, 413, 'too_large', 'The body is too large.');
    console.error('request failed:', error instanceof Error ? error.message : error);
    fail(res, error.status ?? 500, 'internal', 'Something went wrong.');
  };
  app.use(onError);
  return app;
}

/** The minutes' language: the plan's, or `?lang=sv|en`; null for anything else. */
function languageOf(query: unknown, fallback: Language): Language | null {
  if (query === undefined) return fallback;
  return query === 'sv' || query === 'en' ? query : null;
}

/** The address a participant opens (and the QR code holds). */
export function joinUrl(base: string, code: string): string {
  return `${base}/?code=${code}`;
}
