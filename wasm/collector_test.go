package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestPauseCollector(t *testing.T) {
	percent := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(percent) })
	var before, paused, resumed runtime.MemStats
	runtime.ReadMemStats(&before)

	resume := pauseCollector()
	if got := debug.SetGCPercent(startGCPercent); got != startGCPercent {
		t.Errorf("paused, GOGC is %d, want %d", got, startGCPercent)
	}
	// Garbage, as the start-up's reading of a year of practice leaves.
	for range 8 {
		runtime.KeepAlive(make([]byte, 1<<20))
	}
	runtime.ReadMemStats(&paused)
	if paused.NumGC != before.NumGC {
		t.Errorf("%d collections while paused with %d MB on the heap, want none",
			paused.NumGC-before.NumGC, paused.HeapAlloc>>20)
	}

	resume()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("resumed, GOGC is %d, want the 100 it was before", got)
	}
	runtime.ReadMemStats(&resumed)
	if resumed.NumGC == paused.NumGC {
		t.Errorf("no collection on resuming with %d MB on the heap", paused.HeapAlloc>>20)
	}
}
