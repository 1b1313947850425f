// stardrill's service worker. It stores the whole app when installed, answers
// from that store first, and when the network is gone, or has no such page
// (the page of a question the user wrote exists only in the browser), it
// answers a page request with the stored app shell, which then routes to the
// right page.
// It does not claim pages opened before it was installed: a first visit runs
// from the network, and go-app only offers "Reload to update" to a page that
// an older worker controls.
const cacheName = "stardrill-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

// A first visit downloads app.wasm for itself. Storing the app at install
// would download it a second time at the same moment and slow that visit,
// so a first install waits until the page says the app runs (it posts
// "stardrill:running"), and then a little longer: storing everything, app.wasm
// and every page, takes the machine's attention for a moment, and the first
// seconds are when a person starts to read and click (the page stays
// reachable meanwhile: the site's 404.html is the app). It waits 10 s at
// most. An update, installed while an older worker serves the pages, stores
// the new version at once.
const settleMs = 1500;
let appRuns;
const running = new Promise((resolve) => (appRuns = resolve)).then(
  () => new Promise((resolve) => setTimeout(resolve, settleMs))
);

self.addEventListener("message", (event) => {
  if (event.data === "stardrill:running") {
    appRuns();
  }
});

self.addEventListener("install", (event) => {
  const ready = self.registration.active
    ? Promise.resolve()
    : Promise.race([running, new Promise((resolve) => setTimeout(resolve, 10000))]);
  event.waitUntil(
    ready
      .then(() => caches.open(cacheName))
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("stardrill-") && key !== cacheName)
            .map((key) => caches.delete(key))
        )
      )

  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  if (new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(answer(request));
});

async function answer(request) {
  const cache = await caches.open(cacheName);
  const page = request.mode === "navigate";
  const stored = await cache.match(request, { ignoreSearch: page });
  if (stored) {
    return stored;
  }
  let response;
  try {
    response = await fetch(request);
  } catch (err) {
    const shell = page && (await appShell(cache));
    if (shell) {
      return shell;
    }
    throw err;
  }
  if (page && response.status === 404) {
    return (await appShell(cache)) || response;
  }
  return response;
}

// appShell is the stored page at the root of the app.
async function appShell(cache) {
  const scope = self.registration.scope;
  return (await cache.match(scope)) || (await cache.match(scope.replace(/\/$/, "")));
}
