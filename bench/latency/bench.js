// The driver of stardrill's latency benchmark page. It starts the Go engines
// (latency.wasm, see main_wasm.go), builds Fuse.js and uFuzzy indexes over the
// very strings the Go index holds, and exposes two functions that the e2e
// benchmark calls:
//
//   searchBench({queries, rounds, tenfoldRounds, warmup}) types every query
//     one character at a time into each engine and times each keystroke, on
//     the real bank (after warm-up rounds) and on the tenfold bank (whose
//     code is warm by then);
//   feedbackBench({words, runs, warmup}) times the feedback engine on an
//     answer of that many words.
//
// Both return raw samples in milliseconds (performance.now(); 5 µs steps
// when the page is cross-origin isolated, 100 µs otherwise).
import Fuse from "./fuse.mjs";
import uFuzzy from "./ufuzzy.mjs";

// The most results an engine returns: what the Questions page shows.
const limit = 40;

const ready = new Promise((resolve) => { globalThis.sdReady = resolve; });
const go = new Go();
WebAssembly.instantiateStreaming(fetch("latency.wasm"), go.importObject)
  .then(({instance}) => go.run(instance))
  .catch((err) => console.error("starting latency.wasm:", err));

// fuse searches with Fuse.js's default options, plus the match ranges that a
// highlight needs (the Go engine computes them too).
function fuse(strings) {
  const f = new Fuse(strings, {includeMatches: true});
  return (q) => f.search(q, {limit}).length;
}

// ufuzzy searches with uFuzzy's default options through filter, info and
// sort, doing what the Go engine does on every keystroke: it ranks every
// match and finds its highlight ranges (uf.search would skip both beyond
// 1,000 matches), and, like Go's search.Session, when the query extends the
// previous one it filters only what matched that one.
function ufuzzy(strings) {
  const uf = new uFuzzy();
  let prev = "", prevIdxs = null;
  return (query) => {
    const q = query.trim();
    const within = prev !== "" && q.startsWith(prev) ? prevIdxs : null;
    const idxs = q === "" ? null : uf.filter(strings, q, within);
    prev = idxs ? q : "";
    prevIdxs = idxs;
    if (!idxs || idxs.length === 0) return 0;
    // info.ranges holds the highlight ranges of every match.
    const info = uf.info(idxs, strings, q);
    const order = uf.sort(info, strings, q);
    return Math.min(order.length, limit);
  };
}

function prefixes(q) {
  const out = [];
  for (let i = 1; i <= q.length; i++) out.push(q.slice(0, i));
  return out;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

globalThis.searchBench = async ({queries, rounds = 5, tenfoldRounds = 1, warmup = 1}) => {
  await ready;
  const banks = {real: globalThis.sdSearchReal, tenfold: globalThis.sdSearchTenfold};
  const plan = {real: [warmup, rounds], tenfold: [0, tenfoldRounds]};
  // gc lists, for each Go keystroke, whether a garbage collection ran in it.
  const out = {samples: {}, counts: {}, sizes: {}, gc: {}};
  // One bank at a time, so that the garbage one bank's searches leave is
  // collected during that bank's searches; within a bank the engines take
  // turns on every keystroke, so they share the same conditions.
  for (const [bank, goFind] of Object.entries(banks)) {
    const strings = globalThis.sdStrings(bank);
    out.sizes[bank] = strings.length;
    const engines = {go: goFind, fuse: fuse(strings), ufuzzy: ufuzzy(strings)};
    for (const name of Object.keys(engines)) {
      out.samples[name + "/" + bank] = [];
      out.counts[name + "/" + bank] = {};
    }
    out.gc[bank] = [];
    const [skip, timed] = plan[bank];
    for (let r = 0; r < skip + timed; r++) {
      for (const q of queries) {
        for (const p of prefixes(q)) {
          for (const [name, find] of Object.entries(engines)) {
            const gcs = name === "go" ? globalThis.sdGCs() : 0;
            const t0 = performance.now();
            const n = find(p);
            const dt = performance.now() - t0;
            if (r >= skip) {
              out.samples[name + "/" + bank].push(dt);
              if (name === "go") out.gc[bank].push(globalThis.sdGCs() > gcs);
            }
            if (p === q) out.counts[name + "/" + bank][q] = n;
          }
        }
        await tick();
      }
    }
  }
  return out;
};

globalThis.feedbackBench = async ({words = 300, runs = 200, warmup = 20}) => {
  await ready;
  const text = globalThis.sdAnswer(words);
  const samples = [];
  let score = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    score = globalThis.sdAnalyze(text);
    const dt = performance.now() - t0;
    if (i >= warmup) samples.push(dt);
    if (i % 10 === 9) await tick();
  }
  return {samples, score, words: text.split(/\s+/).filter(Boolean).length};
};

ready.then(() => {
  globalThis.benchReady = true;
  document.getElementById("status").textContent = "Ready.";
});
