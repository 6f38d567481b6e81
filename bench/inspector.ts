/**
 * Asking the server for a garbage collection from outside, for the memory
 * figure: with `--gc` the bench starts it with `--inspect=127.0.0.1:0` and
 * calls HeapProfiler.collectGarbage over the inspector protocol, then reads
 * process.memoryUsage() there. Only the HeapProfiler and Runtime domains are
 * used (the Debugger domain stays off, so nothing is deoptimised).
 */
import { once } from 'node:events';
import WebSocket from 'ws';

/** process.memoryUsage() of the server, in bytes. */
export interface MemoryUsage { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number }

/** A session on the server's inspector. */
export interface Inspector {
  memoryAfterGc: () => Promise<MemoryUsage>;
  close: () => void;
}

/** Connects to an inspector WebSocket URL (from "Debugger listening on ws://…"). */
export async function openInspector(url: string): Promise<Inspector> {
  const ws = new WebSocket(url);
  await once(ws, 'open');
  let next = 0;
  const pending = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (m.id !== undefined) pending.get(m.id)?.(m), pending.delete(m.id);
  });
  const call = <T>(method: string, params: Record<string, unknown> = {}): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result as T)));
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    async memoryAfterGc() {
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.collectGarbage');
      const r = await call<{ result: { value: string } }>('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
      return JSON.parse(r.result.value) as MemoryUsage;
    },
    close: () => ws.close(),
  };
}
