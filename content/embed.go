// Package content holds stardrill's question bank: one Markdown-shaped file per
// competency, in the format described in README.md.
package content

import "embed"

// Files holds every *.md file of this folder, competency files and README.md
// alike, as they were at build time. Pass it to bank.Load, which skips README.md.
//
//go:embed [a-z]*.md
var Files embed.FS
