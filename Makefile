# stardrill: `make run` runs the trainer, `make test` runs every test.
# Both work on a fresh machine with Go installed; `make test` installs
# Chromium (Debian's package) for the browser tests when it is missing.

GO          ?= go
STATICCHECK := .bin/staticcheck
WASM_EXEC   := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
ADDR        ?= 127.0.0.1:8000

.PHONY: run dist test unit lint wasmtest e2e bench size chromium fuzz clean

## run: build the site, serve it on 127.0.0.1:8000 and print the URL
run:
	$(GO) run ./wasm serve -addr $(ADDR)

## dist: write the deployable static site into dist/ (PREFIX=/repo for a sub-path)
dist:
	$(GO) run ./wasm build -o dist $(if $(PREFIX),-prefix $(PREFIX))

## test: every test: lint, native unit tests, js/wasm tests, browser tests
test: lint unit wasmtest e2e

# staticcheck is built for this machine once, then run for both targets.
$(STATICCHECK):
	GOBIN=$(CURDIR)/.bin $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint: $(STATICCHECK)
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	$(STATICCHECK) ./...
	GOOS=js GOARCH=wasm $(STATICCHECK) ./...

unit:
	$(GO) test -short ./...

# Packages that touch the browser, tested under Node with Go's wasm runner.
WASM_PKGS := ./app/localstore/ ./app/ui/
wasmtest:
	GOOS=js GOARCH=wasm $(GO) test -timeout 5m -exec="$(WASM_EXEC)" $(WASM_PKGS)

e2e: chromium e2e/js/node_modules
	$(GO) test -count=1 -timeout 20m ./e2e/

# Browser-side tools for the tests and benchmarks only (axe-core, Fuse.js,
# uFuzzy), pinned in e2e/js/package-lock.json.
e2e/js/node_modules: e2e/js/package.json e2e/js/package-lock.json
	cd e2e/js && npm ci --no-audit --no-fund
	touch $@

## chromium: install Debian's Chromium for the browser tests when it is missing
chromium:
	@if command -v chromium >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "Chromium is missing and installing it needs root: run 'sudo apt-get update && sudo apt-get install -y chromium chromium-driver', then 'make test' again."; exit 1; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "Chromium is missing and this is not a Debian-like system: install Chromium so that 'chromium' is on PATH, then 'make test' again."; exit 1; fi; \
	echo "Installing Chromium for the browser tests (Debian packages chromium, chromium-driver)…"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null \
	  || { echo "Installing Chromium failed: see apt-get's message above."; exit 1; }

## fuzz: run every fuzz target for FUZZTIME each (default 2m)
# Go 1.26's fuzzing can end a run with "context deadline exceeded" and no
# failing input (go.dev/issue/75804, fixed in Go 1.27): such a target runs
# once more; a failure that writes an input to testdata/fuzz stops at once.
FUZZTIME ?= 2m
fuzz:
	@for pkg in $$($(GO) list ./app/...); do \
	  corpus=$$($(GO) list -f '{{.Dir}}' $$pkg)/testdata/fuzz; \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    before=$$(ls $$corpus/$$target 2>/dev/null | wc -l); \
	    echo "fuzzing $$pkg $$target for $(FUZZTIME)"; \
	    $(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$pkg && continue; \
	    if [ "$$(ls $$corpus/$$target 2>/dev/null | wc -l)" != "$$before" ]; then \
	      echo "$$target found a failing input: see $$corpus/$$target"; exit 1; fi; \
	    echo "$$target stopped without a failing input (go.dev/issue/75804): running it again"; \
	    $(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

## bench: print the figures the README quotes (sizes, load, search, feedback)
bench: chromium e2e/js/node_modules
	$(GO) test -run '^$$' -bench . -benchmem ./app/...
	STARDRILL_BENCH=1 $(GO) test -count=1 -timeout 30m -run 'TestBenchFigures' -v ./e2e/

## size: app.wasm's size beside the floor's and the margin to its budget (about a minute, no browser)
size:
	STARDRILL_SIZE=1 STARDRILL_E2E_SHORT=1 $(GO) test -count=1 -run 'TestWasmSize' -v ./e2e/

clean:
	rm -rf dist web/app.wasm e2e/screenshots
