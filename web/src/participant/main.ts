/** The phone's entry: takes over the static join form in index.html, keeping what was typed. */
import { mount } from 'svelte';
import '../lib/base.css';
import './participant.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (target) {
  const input = document.getElementById('join-code');
  const typed = input instanceof HTMLInputElement ? input.value : '';
  const hadFocus = input !== null && document.activeElement === input;
  target.replaceChildren();
  mount(App, { target, props: { typed } });
  if (hadFocus) document.getElementById('join-code')?.focus();
}
