// The home page is prerendered: its HTML (header, navigation, heading, "Loading decks…") paints before any
// JavaScript runs, which is most of a phone's first-visit wait. Its data still comes from IndexedDB in the
// browser: the page touches Dexie only inside effects, which do not run while prerendering.
export const ssr = true;
export const prerender = true;
