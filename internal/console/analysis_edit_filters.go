package console

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/authoring"
	"github.com/sightglass/sightglass/internal/definition"
)

// editorFilter is a filter group of the sheet in the filters pane.
type editorFilter struct {
	GroupID, Label, Scope string
}

// sheetFilters lists the filter groups that apply on a sheet.
func sheetFilters(def *definition.Definition, sheetID string) []editorFilter {
	var out []editorFilter
	for _, g := range def.FilterGroups {
		scope := ""
		if sc := g.ScopeConfiguration; sc != nil {
			if sc.AllSheets != nil {
				scope = "all sheets"
			} else if sc.SelectedSheets != nil {
				for _, c := range sc.SelectedSheets.SheetVisualScopingConfigurations {
					if c.SheetId != sheetID {
						continue
					}
					scope = "this sheet"
					if c.Scope == "SELECTED_VISUALS" {
						scope = strings.Join(c.VisualIds, ", ")
					}
				}
			}
		}
		if scope == "" {
			continue
		}
		var parts []string
		for _, f := range g.Filters {
			parts = append(parts, filterLabel(f))
		}
		out = append(out, editorFilter{GroupID: g.FilterGroupId, Label: strings.Join(parts, "; "), Scope: scope})
	}
	return out
}

// filterLabel is how the filters pane names a filter.
func filterLabel(f definition.Filter) string {
	switch {
	case f.CategoryFilter != nil:
		if more := filterLabelMore(f); more != "" {
			return more
		}
		return columnName(f.CategoryFilter.Column) + " (category filter)"
	case f.NumericRangeFilter != nil:
		if more := filterLabelMore(f); more != "" {
			return more
		}
		return columnName(f.NumericRangeFilter.Column) + " in a range"
	case f.TimeRangeFilter != nil:
		if more := filterLabelMore(f); more != "" {
			return more
		}
		return columnName(f.TimeRangeFilter.Column) + " in a date range"
	}
	if more := filterLabelMore(f); more != "" {
		return more
	}
	return "a filter the editor shows but does not edit"
}

func columnName(c *definition.ColumnIdentifier) string {
	if c == nil {
		return "?"
	}
	return c.ColumnName
}

// addFilter is the add-filter action: a category filter (values, one per
// line or comma-separated) or a numeric range filter (min, max) on a
// field, scoped to the sheet or to the selected visual.
func (c *Console) addFilter(ctx context.Context, s *signedIn, f url.Values, raw []byte) ([]byte, error) {
	key, err := url.ParseQuery(f.Get("field"))
	if err != nil {
		return nil, sg.Errorf(sg.EINVALID, "Choose the field to filter.")
	}
	col, err := c.columnOf(ctx, s, raw, key.Get("d"), key.Get("c"))
	if err != nil {
		return nil, err
	}
	scope := authoring.Scope{SheetID: f.Get("sheetId")}
	if f.Get("scope") == "visual" && f.Get("visual") != "" {
		scope.VisualIDs = []string{f.Get("visual")}
	}
	if col.Type == "INTEGER" || col.Type == "DECIMAL" {
		lo, err := bound(f.Get("min"), "minimum")
		if err != nil {
			return nil, err
		}
		hi, err := bound(f.Get("max"), "maximum")
		if err != nil {
			return nil, err
		}
		out, _, err := authoring.AddNumericRangeFilter(raw, col, lo, hi, scope)
		return out, err
	}
	var values []string
	for _, v := range strings.FieldsFunc(f.Get("values"), func(r rune) bool { return r == ',' || r == '\n' }) {
		if v = strings.TrimSpace(v); v != "" {
			values = append(values, v)
		}
	}
	out, _, err := authoring.AddCategoryFilter(raw, col, values, scope)
	return out, err
}

func bound(s, what string) (*float64, error) {
	if s = strings.TrimSpace(s); s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, sg.Errorf(sg.EINVALID, "The %s %q is not a number.", what, s)
	}
	return &v, nil
}

// matchText words a category or numeric equality filter's match operator.
// A filter list (FilterListConfiguration, CustomFilterListConfiguration)
// keeps or drops its listed values themselves on CONTAINS and
// DOES_NOT_CONTAIN, as the viewer applies it, so these read "is one of"
// and "is not one of"; a custom filter's single value (or parameter) is
// matched in part, so they read "contains" and "does not contain".
func matchText(f definition.Filter, match string) string {
	if c := f.CategoryFilter; c != nil && c.Configuration != nil &&
		(c.Configuration.FilterListConfiguration != nil || c.Configuration.CustomFilterListConfiguration != nil) {
		switch match {
		case "CONTAINS":
			return "is one of"
		case "DOES_NOT_CONTAIN":
			return "is not one of"
		}
	}
	return strings.ToLower(strings.ReplaceAll(orText(match, "EQUALS"), "_", " "))
}
