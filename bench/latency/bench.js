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

// spin is the reference for the feedback timings: integer arithmetic in
// JavaScript that allocates nothing and calls nothing, loops times over.
const spin = (loops) => {
  let x = 1;
  for (let i = 0; i < loops; i++) x = (x * 48271) % 2147483647;
  return x;
};

// spinLoopsFor returns how many loops of spin take about ms milliseconds
// here. It times spin again and again, scaling the count towards ms each
// time, so that V8 has compiled spin at its top tier before the count is
// taken: the median of the last ten counts.
const spinLoopsFor = (ms) => {
  let loops = 1000;
  const counts = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    spin(loops);
    const dt = Math.max(performance.now() - t0, 0.005);
    loops = Math.max(1, Math.round(loops * Math.min(4, Math.max(0.25, ms / dt))));
    if (i >= 50) counts.push(loops);
  }
  counts.sort((a, b) => a - b);
  return counts[counts.length >> 1];
};

// feedbackBench times star.Analyze on an answer of the given length: runs
// analyses after a warm-up, as a page's first keystrokes would meet them,
// while V8 still compiles the hottest Go functions again with its
// optimizing compiler on background threads (which, on a 2-core machine,
// take the main thread's core from time to time); then as many again,
// later, as typing meets them once that is done. Then, for reference, a
// loop of spin as long as the later median analysis, in the same rhythm:
// pauses that the machine causes, rather than the page, show there.
globalThis.feedbackBench = async ({words = 300, runs = 200, warmup = 20}) => {
  await ready;
  const text = globalThis.sdAnswer(words);
  const timed = async (f, skip) => {
    const out = [];
    for (let i = 0; i < skip + runs; i++) {
      const t0 = performance.now();
      f();
      const dt = performance.now() - t0;
      if (i >= skip) out.push(dt);
      if (i % 10 === 9) await tick();
    }
    return out;
  };
  let score = 0;
  const analyze = () => (score = globalThis.sdAnalyze(text));
  const samples = await timed(analyze, warmup);
  const later = await timed(analyze, 0);
  const median = [...later].sort((a, b) => a - b)[later.length >> 1];
  const loops = spinLoopsFor(median);
  let sink = 0;
  const reference = await timed(() => (sink += spin(loops)), warmup);
  return {samples, later, reference, sink, score, words: text.split(/\s+/).filter(Boolean).length};
};

ready.then(() => {
  globalThis.benchReady = true;
  document.getElementById("status").textContent = "Ready.";
});
