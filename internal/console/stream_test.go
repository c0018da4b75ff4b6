package console

import (
	"bytes"
	"context"
	"strconv"
	"testing"
)

// A part goes out as soon as it and those before it are ready, flushed
// when the next one is not ready yet; parts ready together go out in one
// flush.
func TestWriteInOrderFlushesWhatIsReady(t *testing.T) {
	ready := make([]chan struct{}, 4)
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	var out bytes.Buffer
	var flushed []string
	flush := func() error {
		flushed = append(flushed, out.String())
		return nil
	}
	render := func(i int, b *bytes.Buffer) { b.WriteString("<" + strconv.Itoa(i) + ">") }
	done := make(chan bool)
	go func() {
		done <- writeInOrder(context.Background(), &out, flush, 4, func(i int) <-chan struct{} { return ready[i] }, render)
	}()
	// Tile 2 is ready first: nothing can go before tile 0 and 1.
	close(ready[2])
	close(ready[0])
	close(ready[1])
	close(ready[3])
	if !<-done {
		t.Fatal("writeInOrder gave up")
	}
	if got := out.String(); got != "<0><1><2><3>" {
		t.Fatalf("written %q, want the parts in order", got)
	}
	for _, f := range flushed {
		if f == "<0><1><2><3>" {
			t.Fatalf("flushed the whole: %q (the last part is never flushed here, the page's tail follows it)", flushed)
		}
	}
}

// With the next part not ready, what is ready is flushed before waiting.
func TestWriteInOrderFlushesBeforeWaiting(t *testing.T) {
	ready := []chan struct{}{make(chan struct{}), make(chan struct{})}
	var out bytes.Buffer
	flushedAt := make(chan string, 2)
	flush := func() error {
		flushedAt <- out.String()
		return nil
	}
	close(ready[0])
	done := make(chan bool)
	go func() {
		done <- writeInOrder(context.Background(), &out, flush, 2, func(i int) <-chan struct{} { return ready[i] }, func(i int, b *bytes.Buffer) { b.WriteString(strconv.Itoa(i)) })
	}()
	if got := <-flushedAt; got != "0" {
		t.Fatalf("flushed %q while part 1 was computed, want %q", got, "0")
	}
	close(ready[1])
	if !<-done || out.String() != "01" {
		t.Fatalf("written %q", out.String())
	}
}

// When the request ends, the writer stops waiting.
func TestWriteInOrderStopsWithTheRequest(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	never := make(chan struct{})
	done := make(chan bool)
	go func() {
		done <- writeInOrder(ctx, &bytes.Buffer{}, func() error { return nil }, 1, func(int) <-chan struct{} { return never }, func(int, *bytes.Buffer) {})
	}()
	cancel()
	if <-done {
		t.Fatal("reported every part written after the request ended")
	}
}
