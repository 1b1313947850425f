// Command latency is the page that times stardrill's search and feedback
// engines in the browser, next to Fuse.js and uFuzzy searching the same
// strings. It is a benchmark, not part of the product: the product never
// loads Fuse.js or uFuzzy. TestBenchFigures in e2e compiles it with the
// product's flags (site.WasmBuildArgs), builds its site, opens it in
// headless Chromium and prints the figures.
//
// Compiled to WebAssembly it loads the real question bank and exposes the
// engines to JavaScript (see main_wasm.go); compiled natively it writes the
// page's site:
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o latency.wasm ./bench/latency
//	go run ./bench/latency build -o DIR -wasm latency.wasm
//
// The site holds index.html, bench.js (the driver), Go's wasm_exec.js, the
// compiled wasm, and Fuse.js and uFuzzy copied from e2e/js/node_modules
// (make e2e/js/node_modules installs them). Serve it over http on one origin.
package main
