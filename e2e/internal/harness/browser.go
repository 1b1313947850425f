// Package harness drives stardrill's static site in headless Chromium for
// end-to-end tests and benchmarks: it compiles the app, builds and serves the
// site, launches Chromium through chromedp, and gives tests small helpers
// that find elements the way a screen reader does (by role and accessible
// name), act on them with real input events, and record everything that went
// wrong on the page (console errors, exceptions, CSP violations, requests to
// other origins).
package harness

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// MissingChromium is the message given when no Chromium can be found.
const MissingChromium = "Chromium is not installed: run `make test`, which installs it, or apt-get install chromium"

// FindChromium returns the Chromium to drive: /usr/bin/chromium (Debian's
// package) or else "chromium" on PATH.
func FindChromium() (string, error) {
	const debian = "/usr/bin/chromium"
	if st, err := os.Stat(debian); err == nil && !st.IsDir() {
		return debian, nil
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New(MissingChromium)
}

// Flags are the command-line switches every Chromium is started with,
// besides --user-data-dir and the remote-debugging port chromedp adds. They
// keep Chromium from reaching any host but 127.0.0.1 on its own.
func Flags() []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"),
	}
}

// Browser is one Chromium process with its own profile.
type Browser struct {
	ctx         context.Context // the first tab's, which keeps the process alive
	cancel      context.CancelFunc
	cancelAlloc context.CancelFunc

	mu     sync.Mutex
	output bytes.Buffer // Chromium's stderr, for error messages
}

// Launch starts the Chromium at exe with a profile in profileDir, which
// should be a fresh empty folder.
func Launch(exe, profileDir string) (*Browser, error) {
	b := &Browser{}
	opts := append(Flags(), chromedp.ExecPath(exe), chromedp.UserDataDir(profileDir),
		chromedp.CombinedOutput(lockedWriter{&b.mu, &b.output}))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	// chromedp logs, as an error, each DOM event its node tree does not
	// follow, such as a popover entering the top layer; they say nothing
	// about the page.
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithErrorf(func(format string, args ...any) {
		if !strings.HasPrefix(format, "unhandled node event") {
			log.Printf("ERROR: "+format, args...)
		}
	}))
	if err := chromedp.Run(ctx); err != nil {
		cancel()
		cancelAlloc()
		b.mu.Lock()
		defer b.mu.Unlock()
		return nil, fmt.Errorf("starting %s: %w\n%s", exe, err, b.output.Bytes())
	}
	b.ctx, b.cancel, b.cancelAlloc = ctx, cancel, cancelAlloc
	return b, nil
}

// NewBrowser launches a Chromium with a fresh profile for one test and closes
// it when the test ends. It fails the test when Chromium is missing.
func NewBrowser(t testing.TB) *Browser {
	t.Helper()
	exe, err := FindChromium()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Launch(exe, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b
}

// Close ends the Chromium process.
func (b *Browser) Close() {
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	_ = chromedp.Cancel(ctx)
	b.cancel()
	b.cancelAlloc()
}

// Version is the browser's product name and version, such as
// "Chrome/156.0.7000.0".
func (b *Browser) Version() string {
	c := chromedp.FromContext(b.ctx)
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	_, product, _, _, _, err := browser.GetVersion().Do(cdp.WithExecutor(ctx, c.Browser))
	if err != nil {
		return "unknown Chromium"
	}
	return product
}

// newWindow creates a browser context that disappears with the connection
// and opens a window in it, returning the window's tab.
func (b *Browser) newWindow() (target.ID, cdp.BrowserContextID, error) {
	c := chromedp.FromContext(b.ctx)
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	exec := cdp.WithExecutor(ctx, c.Browser)
	bc, err := target.CreateBrowserContext().WithDisposeOnDetach(true).Do(exec)
	if err != nil {
		return "", "", err
	}
	id, err := target.CreateTarget("about:blank").WithBrowserContextID(bc).WithNewWindow(true).Do(exec)
	return id, bc, err
}

// dispose throws away a browser context made by newWindow, with its storage.
func (b *Browser) dispose(bc cdp.BrowserContextID) {
	c := chromedp.FromContext(b.ctx)
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	_ = target.DisposeBrowserContext(bc).Do(cdp.WithExecutor(ctx, c.Browser))
}

// NewTab opens a tab of width×height CSS pixels in the browser's profile: it
// shares storage, HTTP cache and service workers with the other tabs of this
// browser that are not isolated. Scrollbars take no room, as on phones, so
// pages lay out at the full width. The tab closes when the test ends.
func (b *Browser) NewTab(t testing.TB, width, height int) *Tab {
	t.Helper()
	return b.newTab(t, width, height, false)
}

// NewIsolatedTab is NewTab in a new browser context, like a private window:
// storage, cache and service workers start empty and are thrown away when
// the test ends.
func (b *Browser) NewIsolatedTab(t testing.TB, width, height int) *Tab {
	t.Helper()
	return b.newTab(t, width, height, true)
}

type lockedWriter struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.buf.Len() > 1<<16 {
		return len(p), nil // keep the start, where launch errors are
	}
	return w.buf.Write(p)
}
