//go:build !wasm

package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stardrill/app/site"
)

const usage = "usage: go run ./bench/hello build -o DIR -wasm app.wasm"

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 || args[0] != "build" {
		return errors.New(usage)
	}
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	out := fs.String("o", "", "folder to write the site into")
	wasm := fs.String("wasm", "", "the compiled app.wasm of this package")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *out == "" || *wasm == "" {
		return errors.New(usage)
	}
	routes()
	return build(*out, *wasm)
}

// build writes the static site: go-app's pages and scripts, the wasm, and
// icons drawn here, so that nothing is fetched from another host.
func build(dir, wasm string) error {
	web := filepath.Join(dir, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		return err
	}
	if err := site.CopyFile(filepath.Join(web, "app.wasm"), wasm); err != nil {
		return err
	}
	for _, size := range []int{192, 512} {
		if err := writeIcon(filepath.Join(web, fmt.Sprintf("icon-%d.png", size)), size); err != nil {
			return err
		}
	}
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#1d4e89"/></svg>`
	if err := os.WriteFile(filepath.Join(web, "icon.svg"), []byte(svg), 0o644); err != nil {
		return err
	}
	h := &app.Handler{
		Name:        "hello",
		Title:       "hello",
		Description: "The smallest go-app page, for comparison.",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			SVG:      "/web/icon.svg",
			Maskable: "/web/icon-192.png",
		},
	}
	if err := app.GenerateStaticWebsite(dir, h, "/"); err != nil {
		return fmt.Errorf("writing the pages: %w", err)
	}
	return nil
}

// writeIcon draws a plain square icon of size×size pixels.
func writeIcon(name string, size int) error {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	blue := color.RGBA{0x1d, 0x4e, 0x89, 0xff}
	for y := range size {
		for x := range size {
			img.Set(x, y, blue)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(name, buf.Bytes(), 0o644)
}
