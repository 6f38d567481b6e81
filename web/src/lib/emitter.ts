/**
 * The event emitter socket.io-client and engine.io-client build on
 * (@socket.io/component-emitter), as a class, in place of the original on the
 * phone (vite.config.ts swaps it in): the methods those libraries call, with
 * the same behaviour, without the mixin form and the aliases they never use.
 * tests/build/phoneSocket.test.ts puts both through the same calls.
 */

type Listener = ((...args: any[]) => void) & { fn?: Listener };

/** Listeners per event, called in the order they were added. */
export class Emitter {
  #listeners = new Map<string, Listener[]>();

  on(event: string, fn: Listener): this {
    if (!this.#listeners.has(event)) this.#listeners.set(event, []);
    this.#listeners.get(event)!.push(fn);
    return this;
  }

  /** Calls `fn` the first time the event comes, then takes it off (`off(event, fn)` also finds it). */
  once(event: string, fn: Listener): this {
    const on: Listener = (...args) => {
      this.off(event, on);
      fn.apply(this, args);
    };
    on.fn = fn;
    return this.on(event, on);
  }

  /** Takes off every listener (no arguments), an event's (one), or one listener of an event (two). */
  off(...args: [event?: string, fn?: Listener]): this {
    const [event = '', fn] = args;
    if (!args.length) this.#listeners.clear();
    else if (args.length === 1) this.#listeners.delete(event);
    else {
      const list = this.listeners(event);
      const at = list.findIndex((listener) => listener === fn || listener.fn === fn);
      if (at >= 0) list.splice(at, 1);
      if (!list.length) this.#listeners.delete(event);
    }
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    for (const listener of this.listeners(event).slice()) listener.apply(this, args);
    return this;
  }

  listeners(event: string): Listener[] {
    return this.#listeners.get(event) ?? [];
  }

  hasListeners(event: string): boolean {
    return this.listeners(event).length > 0;
  }
}

// The names the libraries use besides: emitReserved stays the plain emit even where a subclass overrides emit.
const methods = Emitter.prototype as Emitter & Record<'removeListener' | 'removeAllListeners' | 'emitReserved', unknown>;
methods.removeListener = methods.removeAllListeners = methods.off;
methods.emitReserved = methods.emit;
