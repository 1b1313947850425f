package main

import (
	"runtime"
	"runtime/debug"
)

const (
	// startGCPercent is Go's GOGC while the app opens: the collector waits
	// for a heap ten times the usual size, 40 MB at first, which a year of
	// daily practice (6 MB) does not reach and a damaged store of several
	// megabytes still would.
	startGCPercent = 1000
	// collectAbove is the heap at which Go's collector, at its default GOGC,
	// would have run during start: its first goal.
	collectAbove = 4 << 20
)

// pauseCollector holds Go's garbage collector back (see startGCPercent). The
// function it returns restores the previous setting and, if the heap has
// grown past collectAbove meanwhile, collects at once.
//
// The browser pauses the collector first thing so that opening the app
// collects nothing, and resumes it once the first page shows. With a year of
// practice saved, go-app's start-up sweep of localStorage and the store's
// reading of it allocate about 6 MB, and the page's first collection also
// makes V8 compile the collector's own code: 40 to 130 ms on the way to the
// first page. Resumed, that collection comes while the first page is being
// read rather than on the person's first click or key press, the next time
// the app allocates much. With nothing saved the heap stays under 1 MB and
// nothing is collected.
func pauseCollector() (resume func()) {
	percent := debug.SetGCPercent(startGCPercent)
	return func() {
		debug.SetGCPercent(percent)
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if m.HeapAlloc > collectAbove {
			runtime.GC()
		}
	}
}
