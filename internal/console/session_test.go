package console

import (
	"slices"
	"testing"
)

// TestExperienceRoutesExist: every route an experience's session may use
// is a console route (a renamed route would otherwise be refused to it).
func TestExperienceRoutesExist(t *testing.T) {
	patterns := RoutePatterns()
	for p := range experienceRoutes {
		if !slices.Contains(patterns, p) {
			t.Errorf("experienceRoutes names %q, which is not a console route", p)
		}
	}
}
