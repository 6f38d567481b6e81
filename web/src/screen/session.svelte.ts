/** The screen's read-only connection: it folds what it is shown and never sends a command. */
import { openConnection, type Connection, type ConnectRefusal, type ConnectionStatus } from '../lib/connection';
import { RoomWorkshop } from '../lib/workshop.svelte';
import { i18n } from './i18n';

/** One projector's session. */
export class ScreenSession {
  readonly workshop = new RoomWorkshop();
  status: ConnectionStatus | null = $state(null);
  refusal: ConnectRefusal | null = $state(null);
  #connection: Connection;

  constructor(workshopId: string, screenToken: string) {
    this.#connection = openConnection({
      auth: () => ({ workshopId, screenToken }),
      lastSeq: () => this.workshop.seq,
      onSnapshot: (snapshot) => {
        this.workshop.applySnapshot(snapshot);
        void i18n.use(snapshot.state.plan.language);
      },
      onEvents: (batch) => this.workshop.applyEvents(batch),
      onStatus: (status, refusal) => {
        this.status = status;
        this.refusal = refusal ?? null;
      },
    });
  }

  close(): void {
    this.#connection.close();
  }
}
