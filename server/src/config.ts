/**
 * Settings from the environment (CONTRACT.md §5): PORT, HOST, KARUSELL_DB,
 * PUBLIC_URL, and KARUSELL_RETENTION_DAYS (off unless set). The public address defaults to this machine's LAN address so
 * phones on the same network can open the join link.
 */
import { networkInterfaces } from 'node:os';
import type { Limits } from './limits';

/** The server's settings. */
export interface Config {
  port: number;
  host: string;
  dbPath: string;
  /** Explicit public base URL, without trailing slash; undefined = derive from the LAN address. */
  publicUrl: string | undefined;
  /** Days after its end an ended workshop is deleted (KARUSELL_RETENTION_DAYS); undefined = kept. */
  retentionDays?: number | undefined;
  /** Rate limits other than the defaults (tests). */
  limits?: Partial<Limits>;
}

/** Reads the settings from an environment. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const publicUrl = env.PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new Error(`PUBLIC_URL must start with http:// or https://, got "${publicUrl}"`);
  const retention = env.KARUSELL_RETENTION_DAYS?.trim();
  const retentionDays = retention ? Number(retention) : undefined;
  if (retentionDays !== undefined && !(Number.isFinite(retentionDays) && retentionDays >= 0)) {
    throw new Error(`KARUSELL_RETENTION_DAYS must be a number of days (0 or more), got "${retention}"`);
  }
  return { port, host: env.HOST || '0.0.0.0', dbPath: env.KARUSELL_DB || './data/karusell.db', publicUrl, retentionDays };
}

/** The first non-internal IPv4 address of this machine, or localhost. */
export function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}

/** The base URL phones use: PUBLIC_URL, or the LAN address (or the bound host) and port. */
export function publicBase(config: Config, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? lanAddress() : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
