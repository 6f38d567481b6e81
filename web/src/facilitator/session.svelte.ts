/**
 * The facilitator's live connection to one workshop: state, status, and
 * commands whose refusals land in one alert.
 */
import type { CommandInput } from '@karusell/shared/commands';
import { openConnection, type Connection, type ConnectRefusal, type ConnectionStatus } from '../lib/connection';
import { RoomWorkshop } from '../lib/workshop.svelte';
import { followPlanLanguage, i18n } from './i18n';

/** One facilitator's session. */
export class FacilitatorSession {
  readonly workshop = new RoomWorkshop();
  status: ConnectionStatus | null = $state(null);
  /** Why the connection was refused (the link is wrong or the workshop is gone). */
  refusal: ConnectRefusal | null = $state(null);
  /** The last refused command, in words. */
  error = $state('');
  #connection: Connection;

  constructor(workshopId: string, facilitatorToken: string) {
    this.#connection = openConnection({
      auth: () => ({ workshopId, facilitatorToken }),
      lastSeq: () => this.workshop.seq,
      onSnapshot: (snapshot) => {
        this.workshop.applySnapshot(snapshot);
        followPlanLanguage(snapshot.state.plan.language);
      },
      onEvents: (batch) => this.workshop.applyEvents(batch),
      onStatus: (status, refusal) => {
        this.status = status;
        this.refusal = refusal ?? null;
      },
    });
  }

  /** Sends a command; a refusal is shown in the alert. Resolves true when accepted. */
  run = async (command: CommandInput): Promise<boolean> => {
    this.error = '';
    const ack = await this.#connection.send(command);
    if (!ack.ok) this.error = i18n.refusal(ack.error.code, ack.error.message);
    return ack.ok;
  };

  dismissError = (): void => {
    this.error = '';
  };

  close(): void {
    this.#connection.close();
  }
}
