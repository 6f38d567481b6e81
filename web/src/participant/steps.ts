/**
 * The steps of a first join (profile, group), in a chunk of their own: a phone
 * works in the current item, so the page does not carry them. App.svelte
 * starts loading them when a join begins, so they arrive with the socket.
 */
export { default as ProfileForm } from './ProfileForm.svelte';
export { default as GroupPicker } from './GroupPicker.svelte';
