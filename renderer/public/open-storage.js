// Loaded async by index.html, ahead of the app: the first touch of localStorage opens the origin's storage with a
// synchronous round trip to the browser process (about 20 ms of a cold start here). Made here, while the app's code
// is still downloading, it no longer holds up the app's first render, which reads the panel layout from localStorage.
try {
  globalThis.localStorage.getItem('courier.collectionsOpen');
} catch {
  // storage refused (a policy, an opaque origin): the app falls back to its defaults without it
}
