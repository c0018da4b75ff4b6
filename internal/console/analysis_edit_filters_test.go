package console

import (
	"encoding/json"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
)

// TestFilterLabelMatchWords covers the configurations the editor's own
// forms do not build (a FilterListConfiguration excluding its values, a
// parameter-driven custom filter): each label says what the viewer
// applies.
func TestFilterLabelMatchWords(t *testing.T) {
	for _, c := range []struct{ config, want string }{
		{`{"FilterListConfiguration":{"MatchOperator":"CONTAINS","CategoryValues":["Europe","Asia"]}}`, "region is one of Europe, Asia"},
		{`{"FilterListConfiguration":{"MatchOperator":"DOES_NOT_CONTAIN","CategoryValues":["Europe","Asia"]}}`, "region is not one of Europe, Asia"},
		{`{"FilterListConfiguration":{"MatchOperator":"DOES_NOT_CONTAIN","CategoryValues":["Europe"]}}`, "region is not one of Europe"},
		{`{"FilterListConfiguration":{"MatchOperator":"STARTS_WITH","CategoryValues":["Eu","As"]}}`, "region starts with Eu, As"},
		{`{"CustomFilterListConfiguration":{"MatchOperator":"CONTAINS","CategoryValues":["Europe","Asia"]}}`, "region is one of Europe, Asia"},
		{`{"CustomFilterListConfiguration":{"MatchOperator":"EQUALS","CategoryValues":["Europe","Asia"]}}`, "region equals Europe, Asia"},
		{`{"CustomFilterConfiguration":{"MatchOperator":"CONTAINS","CategoryValue":"urop"}}`, "region contains urop"},
		{`{"CustomFilterConfiguration":{"MatchOperator":"DOES_NOT_CONTAIN","ParameterName":"Part"}}`, "region does not contain ${Part}"},
	} {
		var cfg definition.CategoryFilterConfiguration
		if err := json.Unmarshal([]byte(c.config), &cfg); err != nil {
			t.Fatal(err)
		}
		f := definition.Filter{CategoryFilter: &definition.CategoryFilter{FilterId: "f", Column: &definition.ColumnIdentifier{DataSetIdentifier: "d", ColumnName: "region"}, Configuration: &cfg}}
		if got := filterLabel(f); got != c.want {
			t.Errorf("%s: %q, want %q", c.config, got, c.want)
		}
	}
}
