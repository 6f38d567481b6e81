/** Svelte options shared by the Vite plugin and svelte-check. */
export default {
  compilerOptions: {
    runes: true,
    // Leaves out the version marker Svelte would add to every page (bytes the phone does not need).
    discloseVersion: false,
  },
};
