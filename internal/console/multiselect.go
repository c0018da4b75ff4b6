package console

import (
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/viewer"
)

// multiSummary is what a closed multi-select shows: "All", the one or two
// values chosen, or how many.
func multiSummary(c *viewer.Control) string {
	var chosen []string
	for _, o := range c.Options {
		if o.Selected {
			chosen = append(chosen, o.Value)
		}
	}
	switch {
	case c.AllSelected || len(chosen) == 0:
		return "All"
	case len(chosen) <= 2:
		return strings.Join(chosen, ", ")
	}
	return strconv.Itoa(len(chosen)) + " selected"
}
