package authoring

import (
	"encoding/json"
	"slices"
	"strconv"
)

// Scope is where a filter applies: every sheet, or one sheet, all its
// visuals or the listed ones.
type Scope struct {
	SheetID   string
	VisualIDs []string // empty: every visual of the sheet
	AllSheets bool     // every visual of every sheet (SheetID unused)
}

func (s Scope) configuration(d obj) (obj, error) {
	if s.AllSheets {
		return obj{"AllSheets": obj{}}, nil
	}
	sh, err := findSheet(d, s.SheetID)
	if err != nil {
		return nil, err
	}
	c := obj{"SheetId": s.SheetID, "Scope": "ALL_VISUALS"}
	if len(s.VisualIDs) > 0 {
		ids := make([]any, 0, len(s.VisualIDs))
		for _, id := range s.VisualIDs {
			if r, err := findVisual(d, id); err != nil || !sameSheet(r.sheet, sh) {
				return nil, editErr("sheet %s has no visual %s", s.SheetID, id)
			}
			ids = append(ids, id)
		}
		c["Scope"], c["VisualIds"] = "SELECTED_VISUALS", ids
	}
	return obj{"SelectedSheets": obj{"SheetVisualScopingConfigurations": []any{c}}}, nil
}

func sameSheet(a, b obj) bool { return a["SheetId"] == b["SheetId"] }

// addFilterGroup adds a filter group of one filter and returns its id.
func addFilterGroup(d obj, scope Scope, kind string, filter obj) (string, error) {
	sc, err := scope.configuration(d)
	if err != nil {
		return "", err
	}
	col, _ := filter["Column"].(obj)
	name, _ := col["ColumnName"].(string)
	if id, _ := col["DataSetIdentifier"].(string); !declared(d, id) {
		return "", editErr("the analysis has no dataset %s", id)
	}
	gid := freshID(d, "FilterGroupId", "filter-"+name)
	filter["FilterId"] = freshID(d, "FilterId", "f-"+name)
	d["FilterGroups"] = append(list(d, "FilterGroups"), obj{
		"FilterGroupId":      gid,
		"CrossDataset":       "SINGLE_DATASET",
		"Status":             "ENABLED",
		"ScopeConfiguration": sc,
		"Filters":            []any{obj{kind: filter}},
	})
	return gid, nil
}

// AddCategoryFilter adds a filter that keeps the rows whose column is one
// of values, in scope, and returns the definition and the filter group's id.
func AddCategoryFilter(raw []byte, c Column, values []string, scope Scope) ([]byte, string, error) {
	if len(values) == 0 {
		return nil, "", editErr("a category filter needs at least one value")
	}
	d, err := decode(raw)
	if err != nil {
		return nil, "", err
	}
	vs := make([]any, len(values))
	for i, v := range values {
		vs[i] = v
	}
	id, err := addFilterGroup(d, scope, "CategoryFilter", obj{
		"Column":        c.ref(),
		"Configuration": obj{"FilterListConfiguration": obj{"MatchOperator": "CONTAINS", "CategoryValues": vs, "NullOption": "NON_NULLS_ONLY"}},
	})
	if err != nil {
		return nil, "", err
	}
	out, err := encode(d)
	return out, id, err
}

// AddNumericRangeFilter adds a filter that keeps the rows whose numeric
// column is within [min, max] (a nil bound is open), in scope.
func AddNumericRangeFilter(raw []byte, c Column, min, max *float64, scope Scope) ([]byte, string, error) {
	if !c.numeric() {
		return nil, "", editErr("a numeric range filter needs a numeric field, not %s", c.Name)
	}
	if min == nil && max == nil {
		return nil, "", editErr("a numeric range filter needs a minimum or a maximum")
	}
	if min != nil && max != nil && *min > *max {
		return nil, "", editErr("the minimum is above the maximum")
	}
	d, err := decode(raw)
	if err != nil {
		return nil, "", err
	}
	f := obj{"Column": c.ref(), "NullOption": "NON_NULLS_ONLY", "IncludeMinimum": true, "IncludeMaximum": true}
	if min != nil {
		f["RangeMinimum"] = obj{"StaticValue": number(*min)}
	}
	if max != nil {
		f["RangeMaximum"] = obj{"StaticValue": number(*max)}
	}
	id, err := addFilterGroup(d, scope, "NumericRangeFilter", f)
	if err != nil {
		return nil, "", err
	}
	out, err := encode(d)
	return out, id, err
}

func number(f float64) json.Number { return json.Number(strconv.FormatFloat(f, 'g', -1, 64)) }

// RemoveFilterGroup removes a filter group, and the filter controls of
// its filters.
func RemoveFilterGroup(raw []byte, groupID string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	groups := list(d, "FilterGroups")
	i := slices.IndexFunc(groups, func(g any) bool {
		gob, _ := g.(obj)
		return gob["FilterGroupId"] == groupID
	})
	if i < 0 {
		return nil, editErr("there is no filter group %s", groupID)
	}
	filterIDs := map[string]bool{}
	usedIDs(groups[i], "FilterId", filterIDs)
	if groups = slices.Delete(groups, i, i+1); len(groups) == 0 {
		delete(d, "FilterGroups") // as it was before the first filter
	} else {
		d["FilterGroups"] = groups
	}
	for _, s := range sheets(d) {
		if controls := list(s, "FilterControls"); controls != nil {
			s["FilterControls"] = slices.DeleteFunc(controls, func(c any) bool {
				ids := map[string]bool{}
				usedIDs(c, "SourceFilterId", ids)
				for id := range ids {
					if filterIDs[id] {
						return true
					}
				}
				return false
			})
		}
	}
	return encode(d)
}
