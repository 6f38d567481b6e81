/** Connection states as the views show them, without importing socket.io-client (the phone loads that later). */
export type { ConnectionStatus, ConnectRefusal } from './connection';

/** The common message key that describes each connection state. */
export const STATUS_KEY = {
  connecting: 'statusConnecting',
  connected: 'statusConnected',
  reconnecting: 'statusReconnecting',
  refused: 'statusClosed',
  closed: 'statusClosed',
} as const;
