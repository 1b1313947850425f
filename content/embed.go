// Package content holds stardrill's question bank: one Markdown-shaped file per
// competency, in the format described in README.md, and the same bank compiled
// for the browser.
package content

import "embed"

// Files holds every *.md file of this folder, competency files and README.md
// alike, as they were at build time. Pass it to bank.Load, which skips README.md.
//
//go:embed [a-z]*.md
var Files embed.FS

// Compiled is the bank of Files in the compact form bank.Decode reads. The
// browser loads this instead of parsing Files: it downloads smaller and reads
// in a fraction of the time. After editing a question file, run
// `go generate ./content` (make run and make dist do it for you); a test
// fails while bank.bin is out of date.
//
//go:embed bank.bin
var Compiled string

//go:generate go run ../wasm compile -o bank.bin
