package viewer

import (
	"context"
	"slices"
	"strings"

	"github.com/sightglass/sightglass/internal/query"
)

// maxIsolated is the most hidden measures a failed question is retried
// with one at a time; past it, all of them are left out (extras.failed).
const maxIsolated = 8

// isolateHidden is called when the visual's question failed with its
// hidden measures (conditional formats, computed reference lines): each
// is asked alone, and those that fail alone are left out, with what
// they need named in the tile's notes, so that one condition the view
// cannot compute (a console-written comparison of a number with a
// string) does not hide every other. It returns false, leaving x as it
// was, when there are too many to try, the request ended, or none fails
// alone (the failure is their sum: the caller leaves them all out).
func (x *extras) isolateHidden(ctx context.Context, ask Runner, arn string, q *query.Question) bool {
	if len(x.hidden) < 2 || len(x.hidden) > maxIsolated {
		return false
	}
	var bad []int
	var why []string
	for i, h := range x.hidden {
		if _, err := ask(ctx, arn, withHidden(q, []hiddenMeasure{h})); err != nil {
			if ctx.Err() != nil {
				return false
			}
			bad = append(bad, i)
			w := strings.TrimSuffix(hiddenText(err), ".") + " (its expression: " + conditionText(h.expr) + ")."
			if !slices.Contains(why, w) {
				why = append(why, w)
			}
		}
	}
	if len(bad) == 0 || len(bad) == len(x.hidden) {
		return false
	}
	x.dropHidden(bad)
	for _, w := range why {
		x.note("A conditional format or computed reference line is not shown: " + w)
	}
	return true
}

// dropHidden leaves out the hidden measures at the indices bad, and the
// conditions and computed lines that read them; the others keep theirs,
// renumbered.
func (x *extras) dropHidden(bad []int) {
	renum := make([]int, len(x.hidden))
	var kept []hiddenMeasure
	for i, h := range x.hidden {
		if slices.Contains(bad, i) {
			renum[i] = -1
			continue
		}
		renum[i] = len(kept)
		kept = append(kept, hiddenMeasure{id: hiddenID(len(kept)), expr: h.expr})
	}
	x.hidden = kept
	conds := x.conds[:0]
	for _, c := range x.conds {
		if n := renum[c.hidden]; n >= 0 {
			c.hidden = n
			conds = append(conds, c)
		}
	}
	x.conds = conds
	refs := x.refs[:0]
	for _, l := range x.refs {
		if l.hidden >= 0 {
			if renum[l.hidden] < 0 {
				continue
			}
			l.hidden = renum[l.hidden]
		}
		refs = append(refs, l)
	}
	x.refs = refs
}

// conditionText is a hidden measure's expression as the definition
// wrote it (a condition without the ifelse that makes it 1 or 0), cut
// to a readable length.
func conditionText(e string) string {
	if c, ok := strings.CutPrefix(e, "ifelse("); ok && strings.HasSuffix(c, ", 1, 0)") {
		e = strings.TrimSuffix(c, ", 1, 0)")
	}
	if r := []rune(e); len(r) > 160 {
		e = string(r[:160]) + "…"
	}
	return e
}
