package bank_test

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"stardrill/app/bank"
	"stardrill/content"
)

// TestCompiledIsCurrent checks that content/bank.bin, which the browser
// loads, is the bank the question files hold now.
func TestCompiledIsCurrent(t *testing.T) {
	loaded, err := bank.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	data, err := bank.Encode(loaded)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != content.Compiled {
		t.Fatal("content/bank.bin is older than the question files: run `go generate ./content` and commit bank.bin")
	}
	decoded, err := bank.Decode(content.Compiled)
	if err != nil {
		t.Fatal(err)
	}
	sameBank(t, decoded, loaded)
}

// sameBank checks that got holds what want holds, through the exported API.
// A nil list and an empty one count as the same.
func sameBank(t *testing.T, got, want *bank.Bank) {
	t.Helper()
	if g, w := got.Competencies(), want.Competencies(); !reflect.DeepEqual(g, w) {
		t.Fatalf("competencies differ:\n got %v\nwant %v", g, w)
	}
	gq, wq := got.Questions(), want.Questions()
	if len(gq) != len(wq) {
		t.Fatalf("got %d questions, want %d", len(gq), len(wq))
	}
	for i := range wq {
		if g, w := canonical(gq[i]), canonical(wq[i]); !reflect.DeepEqual(g, w) {
			t.Errorf("question %d differs:\n got %#v\nwant %#v", i, g, w)
		}
		if q, ok := got.Question(wq[i].ID); !ok || q.ID != wq[i].ID {
			t.Errorf("Question(%q) does not find it", wq[i].ID)
		}
	}
	for _, c := range want.Competencies() {
		if g, w := got.Examples(c.ID), want.Examples(c.ID); !reflect.DeepEqual(g, w) {
			t.Errorf("the examples of %s differ", c.ID)
		}
		if g, w := len(got.InCompetency(c.ID)), len(want.InCompetency(c.ID)); g != w {
			t.Errorf("InCompetency(%s) has %d questions, want %d", c.ID, g, w)
		}
	}
}

// canonical makes every empty list of q nil.
func canonical(q bank.Question) bank.Question {
	nilIfEmpty := func(s []string) []string {
		if len(s) == 0 {
			return nil
		}
		return s
	}
	q.Variants, q.Assesses, q.Pitfalls, q.Tags = nilIfEmpty(q.Variants), nilIfEmpty(q.Assesses), nilIfEmpty(q.Pitfalls), nilIfEmpty(q.Tags)
	if len(q.Levels) == 0 {
		q.Levels = nil
	}
	if len(q.MustCover) == 0 {
		q.MustCover = nil
	}
	points := make([]bank.Point, len(q.MustCover))
	for i, p := range q.MustCover {
		p.Cues = nilIfEmpty(p.Cues)
		points[i] = p
	}
	if q.MustCover != nil {
		q.MustCover = points
	}
	return q
}

func TestEncodeRoundTripSmall(t *testing.T) {
	b, err := bank.Load(small)
	if err != nil {
		t.Fatal(err)
	}
	// Questions a user wrote are not part of the compiled bank.
	mine, err := b.With([]bank.Question{{ID: bank.CustomPrefix + "x1", Competency: "zeta", Text: "Tell me about a plan that fell apart."}})
	if err != nil {
		t.Fatal(err)
	}
	data, err := bank.Encode(mine)
	if err != nil {
		t.Fatal(err)
	}
	got, err := bank.Decode(string(data))
	if err != nil {
		t.Fatal(err)
	}
	sameBank(t, got, b)
	again, err := bank.Encode(got)
	if err != nil || string(again) != string(data) {
		t.Errorf("encoding the decoded bank changed it (err %v)", err)
	}
}

func TestEncodeRefusesNUL(t *testing.T) {
	// The only way to reach Encode with a NUL byte is a question file that
	// holds one.
	src := string(small["zeta.md"].Data)
	bad := strings.Replace(src, "Tell me", "Tell\x00me", 1)
	if bad == src {
		t.Fatal("the test file changed: fix the replacement")
	}
	fs := fstest.MapFS{"zeta.md": {Data: []byte(bad)}, "alpha.md": small["alpha.md"]}
	b, err := bank.Load(fs)
	if err != nil {
		t.Skipf("Load already refuses the control byte: %v", err)
	}
	if _, err := bank.Encode(b); err == nil {
		t.Error("Encode accepted a string holding a NUL byte")
	}
}

// encodedSmall is the small test bank, compiled.
func encodedSmall(tb testing.TB) []byte {
	tb.Helper()
	b, err := bank.Load(small)
	if err != nil {
		tb.Fatal(err)
	}
	data, err := bank.Encode(b)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func TestDecodeRejectsDamage(t *testing.T) {
	good := encodedSmall(t)
	cases := map[string]string{
		"empty":         "",
		"other magic":   "stardrill bank 9\n" + string(good[len("stardrill bank 2\n"):]),
		"no bank":       "stardrill bank 2\n" + strings.Repeat("\x00", 14),
		"trailing data": string(good) + "x",
	}
	for cut := 1; cut < len(good); cut += len(good) / 37 {
		cases["cut at "+strconv.Itoa(cut)] = string(good[:cut])
	}
	for name, data := range cases {
		if _, err := bank.Decode(data); err == nil {
			t.Errorf("%s: Decode accepted damaged data", name)
		} else if !strings.Contains(err.Error(), "go generate ./content") {
			t.Errorf("%s: the error %q does not say how to mend it", name, err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(string(encodedSmall(f)))
	f.Add("stardrill bank 2\n\x01\x00" + strings.Repeat("\x01\x00", 13))
	f.Fuzz(func(t *testing.T, data string) {
		sum, sumErr := bank.Summarize(data)
		b, err := bank.Decode(data)
		if err != nil {
			return
		}
		if sumErr != nil {
			t.Fatalf("Decode reads data Summarize refuses: %v", sumErr)
		}
		if want := b.Summary(); !reflect.DeepEqual(sum, want) {
			t.Fatalf("Summarize = %+v, want the decoded bank's %+v", sum, want)
		}
		again, err := bank.Encode(b)
		if err != nil {
			t.Fatalf("Decode read strings Encode refuses: %v", err)
		}
		if string(again) != data {
			t.Fatalf("decoding then encoding changed the data:\n%q\n%q", data, again)
		}
	})
}

// TestSummarizeMatchesDecode checks the Summary the browser starts with
// against the bank it decodes later, for the real bank and a small one.
func TestSummarizeMatchesDecode(t *testing.T) {
	for name, data := range map[string]string{"content": content.Compiled, "small": string(encodedSmall(t))} {
		sum, err := bank.Summarize(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := bank.Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := b.Summary(); !reflect.DeepEqual(sum, want) {
			t.Errorf("%s: Summarize = %+v\nwant %+v", name, sum, want)
		}
		if len(sum.IDs) != len(b.Questions()) || len(sum.Competencies) != len(b.Competencies()) {
			t.Errorf("%s: the summary lists %d questions in %d competencies, the bank %d in %d",
				name, len(sum.IDs), len(sum.Competencies), len(b.Questions()), len(b.Competencies()))
		}
	}
	for _, bad := range []string{"", "stardrill bank 1\n", content.Compiled[:len(content.Compiled)/2]} {
		if _, err := bank.Summarize(bad); err == nil {
			t.Errorf("Summarize accepted damaged data of %d bytes", len(bad))
		}
	}
}

// BenchmarkSummarize reads what the browser reads at start.
func BenchmarkSummarize(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bank.Summarize(content.Compiled); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecode reads the compiled bank, as the browser does at start.
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bank.Decode(content.Compiled); err != nil {
			b.Fatal(err)
		}
	}
}
