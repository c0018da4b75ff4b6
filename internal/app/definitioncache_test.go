package app

import (
	"os"
	"testing"
)

// TestDefinitionCacheByContent: the same bytes give the same parsed
// definition; other bytes (an updated analysis) give their own.
func TestDefinitionCacheByContent(t *testing.T) {
	raw, err := os.ReadFile("../definition/testdata/sales.json")
	if err != nil {
		t.Fatal(err)
	}
	a := &App{}
	first, err := a.parseStored(raw)
	if err != nil {
		t.Fatal(err)
	}
	again, err := a.parseStored(append([]byte(nil), raw...))
	if err != nil || again != first {
		t.Fatalf("same bytes parsed again: %p vs %p (%v)", again, first, err)
	}
	other, err := a.parseStored(append(append([]byte(nil), raw...), ' '))
	if err != nil || other == first {
		t.Fatalf("changed bytes served the cached definition (%v)", err)
	}
	if len(other.Sheets) != len(first.Sheets) || len(first.Sheets) == 0 {
		t.Fatalf("sheets %d vs %d", len(other.Sheets), len(first.Sheets))
	}
	if _, err := a.parseStored([]byte(`{"Sheets": 3}`)); err == nil {
		t.Fatal("a bad definition parsed")
	}
}
