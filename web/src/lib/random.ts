/** 128 random bits as 32 hex digits (crypto.getRandomValues works on plain-http LAN addresses too, unlike randomUUID). */
export function randomHex(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
