/** Start-up only: read the environment, start the server, print where to go, stop cleanly. */
import { startKarusell } from './app';
import { readConfig } from './config';

const config = readConfig(process.env);
const karusell = await startKarusell(config);
console.log(`Karusell is running.`);
console.log(`  Open (facilitator): ${karusell.base}/facilitator`);
console.log(`  Participants join at: ${karusell.base}/`);
console.log(`  Listening on ${config.host}:${karusell.port}, store ${config.dbPath}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing writes and closing the store.`);
    void karusell.close().then(() => process.exit(0));
  });
}
