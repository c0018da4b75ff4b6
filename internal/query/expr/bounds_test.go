package expr

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// nested wraps core in n levels of open … close.
func nested(open, core, close string, n int) string {
	return strings.Repeat(open, n) + core + strings.Repeat(close, n)
}

func TestParseBoundsNesting(t *testing.T) {
	chain := func(op string, n int) string { return "1" + strings.Repeat(" "+op+" 1", n) }
	cases := []struct {
		name string
		src  string
	}{
		{"parentheses", nested("(", "1", ")", 20000)},
		{"negation", nested("-(", "1", ")", 20000)},
		{"bare negation", strings.Repeat("-", 30000) + "1"},
		{"not", strings.Repeat("NOT ", 10000) + "a"},
		{"calls", nested("abs(", "1", ")", 10000)},
		{"lists", "in(x, " + nested("[", "1", "]", 20000) + ")"},
		{"sum chain", chain("+", 10000)},
		{"product chain", chain("*", 10000)},
		{"and chain", strings.Repeat("a AND ", 10000) + "a"},
		{"or chain", strings.Repeat("a OR ", 10000) + "a"},
	}
	for _, tc := range cases {
		_, err := Parse(tc.src)
		var e *Error
		if !errors.As(err, &e) || e.Msg != tooDeep {
			t.Errorf("%s: Parse = %v, want %q", tc.name, err, tooDeep)
		}
	}
	// Just under the bound still parses and compiles.
	for _, src := range []string{nested("(", "{Sales}", ")", MaxDepth-2), chain("+", MaxDepth-5), nested("-(", "{Sales}", ")", MaxDepth/2-2)} {
		n, err := Parse(src)
		if err != nil {
			t.Fatalf("Parse(%.40q…): %v", src, err)
		}
		if _, err := testCompiler(dialect.SQLite).Compile(n); err != nil {
			t.Fatalf("Compile(%.40q…): %v", src, err)
		}
	}
}

// chainSource is the calculated fields c1…cn, each twice the one before.
func chainSource(n int) func(string) (Node, bool, error) {
	return func(name string) (Node, bool, error) {
		var i int
		if _, err := fmt.Sscanf(name, "c%d", &i); err != nil || i < 1 || i > n {
			return nil, false, nil
		}
		prev := "{Sales}"
		if i > 1 {
			prev = fmt.Sprintf("{c%d}", i-1)
		}
		node, err := Parse(prev + " + " + prev)
		return node, true, err
	}
}

func TestSizerRefusesDoublingChain(t *testing.T) {
	calls := 0
	src := chainSource(100)
	s := &Sizer{Source: func(name string) (Node, bool, error) { calls++; return src(name) }}
	_, err := s.Size("c100")
	var e *Error
	if !errors.As(err, &e) || !strings.HasPrefix(e.Msg, tooLarge) || e.Pos != 0 {
		t.Fatalf("Size(c100) = %v, want %q at the first reference", err, tooLarge)
	}
	// Each field is read once: the work is linear in the chain.
	if calls > 2*100 {
		t.Errorf("Source called %d times", calls)
	}
	// The first link past the bound is the one refused on its own.
	first := 0
	for i := 1; i <= 100 && first == 0; i++ {
		if _, err := (&Sizer{Source: src}).Size(fmt.Sprintf("c%d", i)); err != nil {
			first = i
		}
	}
	if sz, err := (&Sizer{Source: src}).Size(fmt.Sprintf("c%d", first-1)); err != nil || sz.Nodes > MaxNodes || 2*sz.Nodes+1 <= MaxNodes {
		t.Errorf("link %d: size %+v, %v", first-1, sz, err)
	}
}

func TestSizerDepthAndCycles(t *testing.T) {
	// c_i = {c_(i-1)} + 1: depth grows by one per link.
	linear := func(name string) (Node, bool, error) {
		var i int
		if _, err := fmt.Sscanf(name, "c%d", &i); err != nil || i < 1 {
			return nil, false, nil
		}
		node, err := Parse(fmt.Sprintf("{c%d} + 1", i-1))
		return node, true, err
	}
	if _, err := (&Sizer{Source: linear}).Size("c100"); err != nil {
		t.Fatalf("100 links: %v", err)
	}
	_, err := (&Sizer{Source: linear}).Size("c5000")
	var e *Error
	if !errors.As(err, &e) || e.Msg != tooDeep {
		t.Fatalf("5000 links: %v, want %q", err, tooDeep)
	}
	cycle := func(name string) (Node, bool, error) {
		switch name {
		case "a":
			n, err := Parse("{b} + 1")
			return n, true, err
		case "b":
			n, err := Parse("{a} * 2")
			return n, true, err
		}
		return nil, false, nil
	}
	_, err = (&Sizer{Source: cycle}).Size("a")
	if sg.ErrorCode(err) != sg.EINVALID || !strings.Contains(sg.ErrorMessage(err), "refers to itself") {
		t.Fatalf("cycle: %v", err)
	}
}

func TestMeasureCountsReferences(t *testing.T) {
	n, err := Parse("{a} + {b} * 2")
	if err != nil {
		t.Fatal(err)
	}
	sizes := map[string]Size{"a": {Nodes: 40, Depth: 7}}
	sz, err := Measure(n, 1, func(name string, _ int) (Size, error) { return sizes[name], nil })
	if err != nil {
		t.Fatal(err)
	}
	// + and * and 2 and b, plus a's 40 nodes; a sits at depth 2.
	if want := (Size{Nodes: 44, Depth: 8}); sz != want {
		t.Errorf("Measure = %+v, want %+v", sz, want)
	}
	sizes["a"] = Size{Nodes: MaxNodes, Depth: 1}
	if _, err := Measure(n, 1, func(name string, _ int) (Size, error) { return sizes[name], nil }); err == nil {
		t.Error("Measure passed MaxNodes without an error")
	}
}
