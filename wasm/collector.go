package main

import (
	"runtime"
	"runtime/debug"
)

// startGCPercent is Go's GOGC while the app opens: the collector waits for a
// heap ten times the usual size, 40 MB at first, which a year of daily
// practice (6 MB) does not reach and a damaged store of several megabytes
// still would.
const startGCPercent = 1000

// pauseCollector holds Go's garbage collector back (see startGCPercent). The
// function it returns restores the previous setting and collects at once.
//
// The browser holds the collector back first thing so that opening the app
// collects nothing, and resumes it once the first page shows. With a year of
// practice saved, go-app's start-up sweep of localStorage and the store's
// reading of it allocate about 6 MB, which used to set off the page's first
// collection on the way to the first page; a first collection also makes V8
// compile the collector's own code, 40 to 130 ms in all. Every visit collects
// sooner or later (an analysis of a 300-word answer allocates 47 KB, so
// typing an answer fills the first 4 MB), so the first collection is better
// run when the page has just shown and is being read than while someone
// clicks or types.
func pauseCollector() (resume func()) {
	percent := debug.SetGCPercent(startGCPercent)
	return func() {
		debug.SetGCPercent(percent)
		runtime.GC()
	}
}
