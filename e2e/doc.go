// Package e2e holds stardrill's end-to-end browser tests and its load and
// size benchmarks. It has no code of its own: the tests are in the _test.go
// files and the helpers in e2e/internal/harness.
//
// The tests compile the app to WebAssembly once, build the static site, serve
// it on 127.0.0.1 and drive Debian's Chromium (/usr/bin/chromium) through
// chromedp:
//
//	go test ./e2e/ -v
//
// They fail, rather than skip, when Chromium is missing. -short or
// STARDRILL_E2E_SHORT=1 skips them for a quick unit run. Screenshots of every
// page at phone and desktop widths, light and dark, are written to
// e2e/screenshots/ or to $STARDRILL_SHOTS.
//
// The benchmark figures (app.wasm sizes raw, gzip -9 and brotli -q 11, and
// load-to-interactive cold and warm, each against a bare go-app hello world
// in bench/hello as the framework floor) are printed by a test that runs
// only when asked:
//
//	STARDRILL_BENCH=1 go test ./e2e/ -run TestBenchFigures -v
package e2e
