/** The phone's app: takes over the static join form in index.html, keeping what was typed. */
import { mount } from 'svelte';
import App from './App.svelte';

/** Mounts the app in place of the static join form (once the page has it: the entry is async, and may run first). */
export function start(): void {
  if (document.readyState === 'loading') return void document.addEventListener('DOMContentLoaded', start, { once: true });
  const target = document.getElementById('app');
  if (!target) return;
  const input = document.getElementById('join-code');
  const typed = input instanceof HTMLInputElement ? input.value : '';
  const hadFocus = input !== null && document.activeElement === input;
  target.replaceChildren();
  mount(App, { target, props: { typed } });
  if (hadFocus) document.getElementById('join-code')?.focus();
}
