package harness

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"stardrill/app/site"
)

// ModuleRoot returns the folder of the stardrill module that holds the
// current directory, where go build and go run must be started.
func ModuleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("finding the module root (is Go on PATH?): %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run the tests from inside the stardrill source folder: go env GOMOD found no go.mod")
	}
	return filepath.Dir(mod), nil
}

// CompileWasm compiles the main package pkg (such as "./wasm") of the module
// at root to WebAssembly, writing out. It uses the flags of the product build
// (site.WasmBuildArgs) for every package, the benchmark floor included, and
// then any extra go build flags, such as -tags.
func CompileWasm(root, pkg, out string, extra ...string) error {
	args := append(append(append([]string{"build"}, site.WasmBuildArgs()...), extra...), "-o", out, pkg)
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("GOOS=js GOARCH=wasm go build %s: %w\n%s", pkg, err, msg)
	}
	return nil
}

// BuildSite writes the static site of the main package pkg into dir by
// running "go run PKG build -o DIR -wasm WASM", which reuses the compiled
// wasm instead of compiling it again.
func BuildSite(root, pkg, wasm, dir string) error {
	cmd := exec.Command("go", "run", pkg, "build", "-o", dir, "-wasm", wasm)
	cmd.Dir = root
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go run %s build: %w\n%s", pkg, err, out.Bytes())
	}
	return nil
}

// WatchSources stats every file of the module at root (except hidden
// folders and e2e/screenshots), so that go test's result cache, which
// remembers the files a test looked at, reruns the tests when any source,
// asset or question changes. The app is compiled by a separate go command,
// whose inputs the cache would otherwise not see. Call it from a test (the
// cache does not see what TestMain does before m.Run).
func WatchSources(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || p == filepath.Join(root, "e2e", "screenshots")) {
				return filepath.SkipDir
			}
			return nil
		}
		_, err = os.Stat(p)
		return err
	})
}
