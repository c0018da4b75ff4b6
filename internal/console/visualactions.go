package console

import (
	"net/url"
	"strings"

	"github.com/sightglass/sightglass/internal/viewer"
)

// withActionState adds to a viewer state the clicks of filter actions a
// request carries (x.<VisualId>, web/src/visualactions.js). They are not
// part of the state a dashboard persists or a view saves: a reader's click
// filters this render only, as in QuickSight.
func withActionState(st viewer.State, q url.Values) viewer.State {
	for k, vs := range q {
		if strings.HasPrefix(k, viewer.ActionStatePrefix) && len(vs) > 0 {
			st[k] = vs[:min(len(vs), 2)] // a county map's click: the county and its state
		}
	}
	return st
}
