package viewer

import "sync"

// insightParallel bounds the computations of one insight that ask their
// questions at once: an insight with many computations is otherwise the
// slowest tile of its sheet, its questions asked one after another.
const insightParallel = 2

// computed is what one computation of an insight gave.
type computed struct {
	line string
	err  error
	out  map[string]string // its outputs, for a custom narrative (nil without one)
}

// computeAll computes an insight's computations, up to insightParallel at
// once, each writing its own outputs (when outputs is set); the results
// are in the computations' order, so that the first refusal or error in
// that order decides, as when they ran one by one. A computation after a
// failed one still runs: its answer is then unused.
func (a *insightAsk) computeAll(cs []insightComputation, outputs bool) []computed {
	res := make([]computed, len(cs))
	sem := make(chan struct{}, insightParallel)
	var wg sync.WaitGroup
	for i := range cs {
		b := *a
		b.out = nil
		if outputs {
			b.out = map[string]string{}
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			line, err := b.compute(&cs[i])
			if err == nil && cs[i].Forecast != nil {
				b.put(forecastMark, "")
			}
			res[i] = computed{line: line, err: err, out: b.out}
		})
	}
	wg.Wait()
	return res
}
