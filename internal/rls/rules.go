package rls

import (
	"slices"
	"strconv"
	"strings"
	"time"

	sg "github.com/sightglass/sightglass"
)

// Limits of a rules dataset, so that reading one bounds memory and the
// condition it becomes.
const (
	MaxRules          = 100_000 // rows
	MaxValuesPerCell  = 1_000
	MaxValueBytes     = 4_096
	MaxConditionArgs  = 20_000 // bound values in one reader's condition
	maxFieldsPerRules = 200
)

// Rule is a row of a rules dataset: the user or group it applies to and,
// per field, the values it covers. A field missing from Values (an empty
// cell) covers every value.
type Rule struct {
	User   string // UserName (VERSION_1) or UserARN (VERSION_2)
	Group  string // GroupName or GroupARN
	Values map[string][]string
}

// Rules is a parsed rules dataset.
type Rules struct {
	Fields []string // the field columns, in the rules dataset's order
	Rules  []Rule
	// byUser and byGroup index Rules by the user and group they name.
	byUser, byGroup map[string][]int
}

// principalColumns are the user and group columns of a format version.
func principalColumns(version string) (user, group string) {
	if version == Version2 {
		return "UserARN", "GroupARN"
	}
	return "UserName", "GroupName"
}

// CheckRulesColumns checks the columns of a rules dataset against the
// dataset it secures: a user or group column of the format version, at
// least one field column, and every field column a column of the dataset.
func CheckRulesColumns(version string, rulesColumns, dataSetColumns []string) error {
	_, err := splitColumns(version, rulesColumns, dataSetColumns)
	return err
}

func splitColumns(version string, columns, dataSetColumns []string) (fields []string, err error) {
	userCol, groupCol := principalColumns(version)
	if !slices.Contains(columns, userCol) && !slices.Contains(columns, groupCol) {
		return nil, sg.Errorf(sg.EINVALID, "A %s rules dataset needs a %s or %s column.", version, userCol, groupCol)
	}
	seen := map[string]bool{}
	for _, c := range columns {
		if seen[c] {
			return nil, sg.Errorf(sg.EINVALID, "The rules dataset has column %q twice.", c)
		}
		seen[c] = true
		if c == userCol || c == groupCol {
			continue
		}
		if dataSetColumns != nil && !slices.Contains(dataSetColumns, c) {
			return nil, sg.Errorf(sg.EINVALID, "The rules dataset's column %q is not a column of the dataset.", c)
		}
		fields = append(fields, c)
	}
	if len(fields) == 0 {
		return nil, sg.Errorf(sg.EINVALID, "The rules dataset needs at least one column besides %s and %s.", userCol, groupCol)
	}
	if len(fields) > maxFieldsPerRules {
		return nil, sg.Errorf(sg.ELIMIT, "The rules dataset has %d field columns; at most %d are supported.", len(fields), maxFieldsPerRules)
	}
	return fields, nil
}

// ParseRules turns the rows of a rules dataset (columns named as the
// result of its query, values as the query engine returns them) into
// rules. A cell holds one value, several separated by commas, or nothing
// (NULL or blank) for every value.
func ParseRules(version string, columns []string, rows [][]any) (*Rules, error) {
	fields, err := splitColumns(version, columns, nil)
	if err != nil {
		return nil, err
	}
	if len(rows) > MaxRules {
		return nil, sg.Errorf(sg.ELIMIT, "The rules dataset has more than %d rows.", MaxRules)
	}
	userCol, groupCol := principalColumns(version)
	out := &Rules{Fields: fields, Rules: make([]Rule, 0, len(rows))}
	for i, row := range rows {
		if len(row) != len(columns) {
			return nil, sg.Errorf(sg.EINVALID, "Row %d of the rules dataset has %d values for %d columns.", i+1, len(row), len(columns))
		}
		r := Rule{}
		for j, c := range columns {
			s, err := cellText(row[j])
			if err != nil {
				return nil, sg.Errorf(sg.EINVALID, "Row %d of the rules dataset, column %q: %v", i+1, c, err)
			}
			switch c {
			case userCol:
				r.User = strings.TrimSpace(s)
			case groupCol:
				r.Group = strings.TrimSpace(s)
			default:
				vals, err := splitCell(s)
				if err != nil {
					return nil, sg.Errorf(sg.EINVALID, "Row %d of the rules dataset, column %q: %v", i+1, c, err)
				}
				if len(vals) > 0 {
					if r.Values == nil {
						r.Values = map[string][]string{}
					}
					r.Values[c] = vals
				}
			}
		}
		out.Rules = append(out.Rules, r)
	}
	out.byUser, out.byGroup = map[string][]int{}, map[string][]int{}
	for i, r := range out.Rules {
		if r.User != "" {
			out.byUser[r.User] = append(out.byUser[r.User], i)
		}
		if r.Group != "" {
			out.byGroup[r.Group] = append(out.byGroup[r.Group], i)
		}
	}
	return out, nil
}

type parseError string

func (e parseError) Error() string { return string(e) }

// cellText is a rules cell as text.
func cellText(v any) (string, error) {
	var s string
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		s = x
	case []byte:
		s = string(x)
	case int64:
		s = strconv.FormatInt(x, 10)
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		s = strconv.FormatBool(x)
	case time.Time:
		s = x.UTC().Format(time.RFC3339Nano)
	default:
		return "", parseError("a value of an unsupported type")
	}
	if len(s) > MaxValueBytes*MaxValuesPerCell {
		return "", parseError("the cell is too long")
	}
	return s, nil
}

// splitCell splits a cell at commas into trimmed, non-empty values; none
// means every value.
func splitCell(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var vals []string
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if len(part) > MaxValueBytes {
			return nil, parseError("a value is longer than " + strconv.Itoa(MaxValueBytes) + " bytes")
		}
		if len(vals) == MaxValuesPerCell {
			return nil, parseError("more than " + strconv.Itoa(MaxValuesPerCell) + " values in one cell")
		}
		vals = append(vals, part)
	}
	return vals, nil
}

// Matching returns the rules that apply to a user (its name or ARN, by
// format version; "" for none) or any of its groups.
func (r *Rules) Matching(user string, groups []string) []Rule {
	var idx []int
	if user != "" {
		idx = append(idx, r.byUser[user]...)
	}
	for _, g := range groups {
		idx = append(idx, r.byGroup[g]...)
	}
	slices.Sort(idx)
	idx = slices.Compact(idx) // a rule naming the user and a group counts once
	out := make([]Rule, len(idx))
	for i, j := range idx {
		out[i] = r.Rules[j]
	}
	return out
}

func sortStrings(s []string) { slices.Sort(s) }
