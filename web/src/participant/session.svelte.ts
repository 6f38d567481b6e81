/**
 * The phone's flow: code → connection → profile (optional) → group → the
 * running item. Owns the one connection; components only get callbacks.
 * socket.io-client is imported only when a code is used, so the join form
 * is usable before it loads.
 */
import type { CommandInput } from '@karusell/shared/commands';
import type { Profile } from '@karusell/shared/events';
import { normaliseCode } from '@karusell/shared/ids';
import { PROTOCOL_VERSION, type Ack, type Snapshot } from '@karusell/shared/protocol';
import type { Connection, Outbox } from '../lib/connection';
import { randomHex } from '../lib/random';
import type { ConnectionStatus, ConnectRefusal } from '../lib/status';
import { load, save } from '../lib/storage';
import { Workshop } from '../lib/workshop.svelte';
import { followPlanLanguage, i18n, joinRefusalText } from './i18n';
import { LAST_CODE, lastJoined, lastSeen, linkedCode, seenKey, tokenKey } from './resume';
import { fetchView } from './views';

/** The step the phone shows. */
export type View = 'join' | 'connecting' | 'profile' | 'group' | 'current';

/** Something to tell the person: at the code field, about a refused join, or about a refused command. */
export interface Message {
  text: string;
  at: 'code' | 'join' | 'command';
}

const joinKeyKey = (code: string) => `karusell:join-key:${code}`;
const outboxKey = (code: string) => `karusell:outbox:${code}`;

/** The commands not yet acknowledged, kept on this phone per meeting; whatever cannot be read is left out. */
function outboxFor(code: string): Outbox {
  return {
    load() {
      try {
        const list: unknown = JSON.parse(load(outboxKey(code)) ?? '[]');
        return Array.isArray(list) ? list.filter((c) => typeof c?.opId === 'string' && typeof c.type === 'string') : [];
      } catch {
        return [];
      }
    },
    save: (commands) => save(outboxKey(code), commands.length ? JSON.stringify(commands) : null),
  };
}

/** A random key (128 bits) that makes this phone's first join idempotent: a retry finds the same participant. */
function joinKeyFor(code: string, fresh = false): string {
  const known = fresh ? null : load(joinKeyKey(code));
  if (known) return known;
  const key = randomHex();
  save(joinKeyKey(code), key);
  return key;
}

/** One phone's session in one workshop. */
export class ParticipantSession {
  view: View = $state.raw('join');
  status: ConnectionStatus | null = $state.raw(null);
  message: Message | null = $state.raw(null);
  busy = $state.raw(false);
  /** How many commands wait for the server's answer. */
  pending = $state.raw(0);
  /** What an earlier page left unsent, being sent again now. */
  restored: Connection['restored'] = $state.raw([]);
  /** What was last typed (or linked) as the code, to show again after a refusal. */
  typed = $state.raw('');
  /** True from a fresh join until the group step is done: the steps then offer "Skip", not "Cancel". */
  onboarding = $state.raw(false);
  readonly workshop = new Workshop();

  #connection: Connection | null = null;
  #generation = 0;
  #code = '';
  #token: string | null = null;

  /** Joins at once from a `?code=` link or a remembered participant token. */
  start(): void {
    const linked = linkedCode();
    const last = lastJoined();
    if (linked) this.submitCode(linked);
    else if (last) {
      this.typed = last;
      void this.join(last);
    }
  }

  /** What the person typed in the code field. */
  submitCode(typed: string): void {
    this.typed = typed;
    const code = normaliseCode(typed);
    if (code) void this.join(code);
    else this.message = { text: i18n.t('codeInvalid'), at: 'code' };
  }

  async join(code: string): Promise<void> {
    this.#disconnect();
    const generation = this.#generation;
    this.#code = code;
    this.#token = load(tokenKey(code));
    this.onboarding = !this.#token;
    this.message = null;
    this.view = 'connecting';
    this.workshop.reset();
    // A phone coming back shows what it last saw, and only then (or after 3 s at most) fetches the connection's code:
    // on a slow network the two would share the bandwidth, and the paint would wait for both. The server's snapshot
    // then replaces the copy.
    await Promise.race([this.#showSeen(code, generation), new Promise((later) => setTimeout(later, 3000))]);
    if (generation !== this.#generation) return;
    const connection = await import('../lib/connection').catch(() => null);
    if (generation !== this.#generation) return;
    if (!connection) return this.#refused(i18n.t('networkError'), 'join');
    // Callbacks from a connection this session has since dropped are ignored.
    const current = () => generation === this.#generation;
    this.#connection = connection.openConnection({
      auth: () => (this.#token ? { code, participantToken: this.#token } : { code, joinKey: joinKeyFor(code) }),
      lastSeq: () => this.workshop.seq,
      onSnapshot: (snapshot) => current() && void this.#onSnapshot(snapshot),
      onEvents: (batch) => {
        if (!current()) return;
        this.workshop.applyEvents(batch);
        clearTimeout(this.#keeping);
        this.#keeping = setTimeout(() => this.#keep(), 1000);
      },
      onStatus: (status, refusal) => current() && this.#onStatus(status, refusal),
      outbox: outboxFor(code),
      onPending: (count) => current() && (this.pending = count),
    });
    this.restored = this.#connection.restored;
  }

  async #onSnapshot(snapshot: Snapshot): Promise<void> {
    if (snapshot.participantToken) save(tokenKey(this.#code), (this.#token = snapshot.participantToken));
    save(LAST_CODE, this.#code);
    // Keep the code in the address, so a reload (or a phone waking up) comes straight back.
    history.replaceState(null, '', `${location.pathname}?code=${this.#code}`);
    await this.#show(snapshot);
    this.#keep();
  }

  /**
   * Shows what this phone was last shown (its kept copy, or the server's snapshot over HTTP), if any; resolves once
   * it is painted (or could not be). Never over the socket's snapshot, should that come first.
   */
  async #showSeen(code: string, generation: number): Promise<void> {
    const seen = await lastSeen(code);
    if (!seen || generation !== this.#generation || this.workshop.state) return;
    // The server's clock has moved on as much as ours since the copy was kept.
    await this.#show({ ...seen, serverNow: seen.serverNow + Date.now() - seen.savedAt });
  }

  /** Shows a snapshot once its texts are in; resolves once the running exercise's view is in too (or failed). */
  async #show(snapshot: Snapshot): Promise<void> {
    this.workshop.applySnapshot(snapshot);
    // The running exercise's view downloads alongside the texts, not after them.
    const view = fetchView(snapshot.state);
    await followPlanLanguage(snapshot.state.plan.language);
    if (this.view === 'connecting') this.view = this.onboarding ? 'profile' : 'current';
    await view;
  }

  #keeping: ReturnType<typeof setTimeout> | undefined;
  /** Stores what the phone is shown now (never its token) for the next visit's first paint. */
  #keep(): void {
    const { state, info, seq, me } = this.workshop;
    if (!state || !info || seq === null || !me) return;
    const seen: Snapshot = { protocol: PROTOCOL_VERSION, role: 'participant', seq, info, state, participant: me, serverNow: this.workshop.now() };
    save(seenKey(this.#code), JSON.stringify({ ...seen, savedAt: Date.now() }));
  }

  #onStatus(status: ConnectionStatus, refusal?: ConnectRefusal): void {
    this.status = status;
    if (status !== 'refused' || !refusal) return;
    if (refusal.code === 'bad_token') {
      // The remembered participant is unknown here: forget it and join as someone new.
      save(tokenKey(this.#code), (this.#token = null));
      save(seenKey(this.#code), null);
      joinKeyFor(this.#code, true);
      this.onboarding = true;
      this.workshop.reset();
      this.view = 'connecting';
      return this.#connection?.retry();
    }
    this.#disconnect();
    save(LAST_CODE, null);
    save(seenKey(this.#code), null);
    this.#refused(joinRefusalText(refusal.code, refusal.message), refusal.code === 'unknown_code' ? 'code' : 'join');
  }

  /** Stops trying to join (the network may be down, or it was the wrong code). */
  cancel(): void {
    this.#disconnect();
    this.view = 'join';
  }

  #refused(text: string, at: Message['at']): void {
    this.message = { text, at };
    this.view = 'join';
  }

  #disconnect(): void {
    this.#generation += 1;
    this.#connection?.close();
    this.#connection = null;
    this.status = null;
    this.restored = [];
    this.pending = 0;
  }

  async #send(command: CommandInput): Promise<boolean> {
    if (!this.#connection) return false;
    this.busy = true;
    this.message = null;
    const ack = await this.#connection.send(command);
    this.busy = false;
    if (!ack.ok) this.message = { text: i18n.refusal(ack.error.code, ack.error.message), at: 'command' };
    return ack.ok;
  }

  /** Sends a command and hands back its ack, leaving the page's message alone (the carousel shows its own). */
  request = (command: CommandInput): Promise<Ack> =>
    this.#connection?.send(command) ?? Promise.resolve({ ok: false, error: { code: 'closed', message: '' } });

  async saveProfile(profile: Profile): Promise<void> {
    if (await this.#send({ type: 'set_profile', ...profile })) this.afterProfile();
  }

  /** After the profile step (saved, skipped or cancelled): the group step while joining, else back. */
  afterProfile(): void {
    const needsGroup = (this.workshop.state?.groups ?? 0) > 0 && this.workshop.myself?.group == null;
    if (this.onboarding && needsGroup) this.view = 'group';
    else this.back();
  }

  async chooseGroup(group: number): Promise<void> {
    if (await this.#send({ type: 'join_group', group })) this.back();
  }

  /** Opens a step again from the current view. */
  open(view: 'profile' | 'group'): void {
    this.message = null;
    this.view = view;
  }

  /** Back to the current item; joining is done. */
  back(): void {
    this.onboarding = false;
    this.view = 'current';
  }
}
