
// -----------------------------------------------------------------------------
// stardrill: how the page fetches app.wasm (site.Build appends this to
// go-app's app.js and has go-app's loader call it).
// -----------------------------------------------------------------------------
// go-app's fetchWithProgress copies every chunk of app.wasm through
// JavaScript into a new stream so as to count the bytes: in A/B runs of 9
// to 11 visits on a 2-core machine that copy cost the main thread 50 to 90 ms
// of a load that takes about half a second. Here the response goes to the
// compiler as it is. Only a download that is still running after a moment,
// as on a slow network, has its bytes counted, on a copy of the response,
// for the loader's percentage.
//
// A page the service worker controls reads app.wasm from the worker's store
// itself (worker.js names it "stardrill-" and the version) rather than ask
// the worker for it: the request, the worker's script and the body piped
// through it cost the main thread some 50 ms of a warm visit (A/B, 11 calm
// visits each: 337 → 283 ms of CPU until the app runs, 534 → 499 ms until it
// answers input). When the store lacks it, the page fetches it as usual.
const stardrillCountAfterMs = 400;

function stardrillFetchWasm(url, showProgress) {
  const label = document.getElementById("app-wasm-loader-label");
  if (label) {
    label.innerText = goappLoadingLabel.replace(/\s*\{progress\}%?/, "");
  }
  return stardrillStoredWasm(url).then(
    (stored) =>
      stored ||
      fetch(url).then((response) => {
        const total = parseInt(goappWasmContentLength, 10);
        if (response.ok && response.body && total > 0) {
          stardrillCountSlowDownload(response.clone().body, response.url, total, showProgress);
        }
        return response;
      })
  );
}

// stardrillStoredWasm resolves to the worker's stored copy of url, or to
// undefined when no worker controls the page or its store lacks it.
function stardrillStoredWasm(url) {
  if (!navigator.serviceWorker || !navigator.serviceWorker.controller || !window.caches) {
    return Promise.resolve(undefined);
  }
  const cacheName = "stardrill-" + goappEnv.GOAPP_VERSION;
  return caches.match(url, { cacheName }).catch(() => undefined);
}

// stardrillCountSlowDownload shows how much of body has arrived, if its
// download has not finished after a moment; otherwise it drops the copy.
function stardrillCountSlowDownload(body, url, total, showProgress) {
  setTimeout(async () => {
    if (performance.getEntriesByName(url).length > 0) {
      body.cancel();
      return;
    }
    const reader = body.getReader();
    let loaded = 0;
    let shown = -1;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        return;
      }
      loaded += value.byteLength;
      const percent = Math.min(100, Math.floor((loaded * 100) / total));
      if (percent !== shown) {
        shown = percent;
        showProgress(percent);
      }
    }
  }, stardrillCountAfterMs);
}

// -----------------------------------------------------------------------------
// stardrill: a page whose site data the person blocks.
// -----------------------------------------------------------------------------
// Reading window.localStorage then throws a SecurityError, and go-app reads it
// as it starts (its sweep of expired states) through syscall/js, which
// cannot catch an exception thrown by a property read: the exception ended
// the Go program and the page stopped answering. The page gets instead a
// storage that lasts as long as the page does, marked stardrillBlocked with
// the browser's reason, so that stardrill tells the person nothing is saved.
(() => {
  try {
    window.localStorage;
    return;
  } catch (err) {
    const items = new Map();
    const storage = {
      stardrillBlocked: String(err),
      get length() {
        return items.size;
      },
      key(i) {
        const keys = [...items.keys()];
        return i >= 0 && i < keys.length ? keys[i] : null;
      },
      getItem(k) {
        k = String(k);
        return items.has(k) ? items.get(k) : null;
      },
      setItem(k, v) {
        items.set(String(k), String(v));
      },
      removeItem(k) {
        items.delete(String(k));
      },
      clear() {
        items.clear();
      },
    };
    Object.defineProperty(window, "localStorage", { value: storage, configurable: true });
  }
})();
