/**
 * How long an fsync takes on a disk right now: writes 4 KiB and fdatasyncs
 * it every `interval` ms in `dir` until told to stop over IPC, then reports
 * the spread. The bench runs it beside the idea phase, on the database's
 * disk, because the server waits for one such sync per command.
 *   node --import tsx bench/fsync-probe.ts <dir> <intervalMs>
 */
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { spread } from './stats';

const [dir = '.', interval = '50'] = process.argv.slice(2);
const file = join(dir, `fsync-probe-${process.pid}`);
const fd = openSync(file, 'w');
const block = Buffer.alloc(4096, 1);
const times: number[] = [];
let n = 0;

const timer = setInterval(() => {
  writeSync(fd, block, 0, block.length, (n++ % 256) * block.length);
  const started = performance.now();
  fdatasyncSync(fd);
  times.push(performance.now() - started);
}, Number(interval));

function finish(): void {
  clearInterval(timer);
  closeSync(fd);
  rmSync(file, { force: true });
  process.send?.({ type: 'fsync', spread: spread(times) }, () => process.exit(0));
  if (!process.send) process.exit(0);
}
process.on('message', finish);
process.on('disconnect', finish);
process.on('SIGTERM', finish);
