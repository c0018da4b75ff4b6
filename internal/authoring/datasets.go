package authoring

import (
	"sort"
	"strconv"
	"strings"
)

// The datasets of an analysis: a new analysis over one or more datasets,
// a dataset added to or removed from an analysis, and the dataset a
// visual reads (QuickSight draws a visual from one dataset).

// MaxDataSets is the number of datasets an analysis may declare
// (DataSetIdentifierDeclarations holds 1 to 50 items).
const MaxDataSets = 50

// maxIdentifier is the longest identifier the model allows.
const maxIdentifier = 2048

// UniqueIdentifier returns base as a dataset identifier no declaration
// in used has: base itself, else "base 2", "base 3"…, each within the
// model's 2048 characters. It marks the result used.
func UniqueIdentifier(base string, used map[string]bool) string {
	base = strings.TrimSpace(base)
	if base == "" {
		base = "Dataset"
	}
	if len(base) > maxIdentifier-8 {
		base = strings.TrimSpace(base[:maxIdentifier-8])
	}
	id := base
	for n := 2; used[id]; n++ {
		id = base + " " + strconv.Itoa(n)
	}
	used[id] = true
	return id
}

// NewAnalysisOf returns the definition of a new analysis over the given
// datasets, declared in that order under their identifiers, with one
// empty sheet.
func NewAnalysisOf(dataSets []DataSet) ([]byte, error) {
	if len(dataSets) == 0 {
		return nil, editErr("choose at least one dataset")
	}
	if len(dataSets) > MaxDataSets {
		return nil, editErr("an analysis can use at most %d datasets", MaxDataSets)
	}
	decls := make([]any, 0, len(dataSets))
	seen := map[string]bool{}
	for _, ds := range dataSets {
		if seen[ds.Identifier] {
			return nil, editErr("dataset identifier %s is declared twice", ds.Identifier)
		}
		seen[ds.Identifier] = true
		decls = append(decls, obj{"Identifier": ds.Identifier, "DataSetArn": ds.ARN})
	}
	d := obj{
		"DataSetIdentifierDeclarations": decls,
		"Sheets": []any{obj{
			"SheetId": FirstSheetID,
			"Name":    "Sheet 1",
			"Visuals": []any{},
			"Layouts": []any{obj{"Configuration": obj{"GridLayout": obj{"Elements": []any{}}}}},
		}},
	}
	return encode(d)
}

// AddDataSet declares one more dataset in the analysis under an
// identifier made unique from name (the dataset's name, as QuickSight
// names it). It returns the identifier. A dataset the analysis already
// declares is refused.
func AddDataSet(raw []byte, name, arn string) ([]byte, string, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, "", err
	}
	decls := list(d, "DataSetIdentifierDeclarations")
	used := map[string]bool{}
	for _, x := range decls {
		xo, _ := x.(obj)
		if xo["DataSetArn"] == arn {
			return nil, "", editErr("the analysis already uses dataset %s (as %v)", name, xo["Identifier"])
		}
		if id, ok := xo["Identifier"].(string); ok {
			used[id] = true
		}
	}
	if len(decls) >= MaxDataSets {
		return nil, "", editErr("an analysis can use at most %d datasets", MaxDataSets)
	}
	id := UniqueIdentifier(name, used)
	d["DataSetIdentifierDeclarations"] = append(decls, any(obj{"Identifier": id, "DataSetArn": arn}))
	out, err := encode(d)
	return out, id, err
}

// RemoveDataSet removes a dataset's declaration. A dataset still read by
// a visual, a filter, a calculated field, a parameter or any other part
// of the definition is not removed: the error names what uses it. The
// last dataset is not removed either.
func RemoveDataSet(raw []byte, identifier string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	decls := list(d, "DataSetIdentifierDeclarations")
	at := -1
	for i, x := range decls {
		if xo, _ := x.(obj); xo["Identifier"] == identifier {
			at = i
		}
	}
	if at < 0 {
		return nil, editErr("the analysis has no dataset %s", identifier)
	}
	if len(decls) == 1 {
		return nil, editErr("%s is the analysis's only dataset: an analysis needs at least one", identifier)
	}
	if users := DataSetUsers(d, identifier); len(users) > 0 {
		return nil, editErr("dataset %s is still used by %s: remove those first", identifier, strings.Join(users, ", "))
	}
	d["DataSetIdentifierDeclarations"] = append(decls[:at:at], decls[at+1:]...)
	return encode(d)
}

// DataSetUsers names the parts of a decoded definition that read the
// dataset declared as identifier: "visual Title (visual-1)", "filter
// group fg-1", "calculated field Margin", "parameter Region", or the
// definition member that holds the reference.
func DataSetUsers(d obj, identifier string) []string {
	reads := func(v any) bool {
		ids := map[string]bool{}
		usedIDs(v, "DataSetIdentifier", ids)
		return ids[identifier]
	}
	var out []string
	for key, member := range d {
		switch key {
		case "DataSetIdentifierDeclarations":
		case "Sheets":
			for _, s := range sheets(d) {
				for _, v := range list(s, "Visuals") {
					for _, m := range asObj(v) {
						mo, _ := m.(obj)
						if mo != nil && reads(mo) {
							out = append(out, "visual "+visualName(mo))
						}
					}
				}
				if reads(withoutKey(s, "Visuals")) {
					out = append(out, "sheet "+orStr(s["Name"], s["SheetId"]))
				}
			}
		case "FilterGroups":
			for _, g := range list(d, key) {
				if reads(g) {
					out = append(out, "filter group "+orStr(asObj(g)["FilterGroupId"], nil))
				}
			}
		case "CalculatedFields":
			for _, f := range list(d, key) {
				if fo := asObj(f); fo["DataSetIdentifier"] == identifier {
					out = append(out, "calculated field "+orStr(fo["Name"], nil))
				}
			}
		case "ParameterDeclarations":
			for _, p := range list(d, key) {
				if reads(p) {
					for _, decl := range asObj(p) {
						out = append(out, "parameter "+orStr(asObj(decl)["Name"], nil))
					}
				}
			}
		default:
			if reads(member) {
				out = append(out, key)
			}
		}
	}
	sort.Strings(out)
	return out
}

// VisualDataSet returns the dataset a visual's fields read ("" when it has
// none yet).
func VisualDataSet(raw []byte, visualID string) (string, error) {
	d, err := decode(raw)
	if err != nil {
		return "", err
	}
	r, err := findVisual(d, visualID)
	if err != nil {
		return "", err
	}
	return visualDataSet(r.visual), nil
}

// visualDataSet returns the first dataset a visual reads, in a stable
// order ("" when none).
func visualDataSet(v obj) string {
	ids := map[string]bool{}
	usedIDs(v, "DataSetIdentifier", ids)
	first := ""
	for id := range ids {
		if first == "" || id < first {
			first = id
		}
	}
	return first
}

// oneDataSet refuses a field of dataset identifier in a visual that reads
// another dataset: a visual reads one dataset.
func oneDataSet(v obj, identifier, field string) error {
	ids := map[string]bool{}
	usedIDs(v, "DataSetIdentifier", ids)
	if len(ids) == 0 || ids[identifier] {
		return nil
	}
	return editErr("%s is a field of dataset %s, but visual %s reads dataset %s: a visual reads one dataset. Choose %s in the fields pane, or add a new visual for %s",
		field, identifier, visualName(v), visualDataSet(v), visualDataSet(v), identifier)
}

// visualName is a visual's title and id, as messages name it.
func visualName(v obj) string {
	id, _ := v["VisualId"].(string)
	t, _ := child(child(v, "Title"), "FormatText")["PlainText"].(string)
	if t == "" {
		return id
	}
	return t + " (" + id + ")"
}

func asObj(v any) obj {
	o, _ := v.(obj)
	return o
}

func withoutKey(o obj, key string) obj {
	out := make(obj, len(o))
	for k, v := range o {
		if k != key {
			out[k] = v
		}
	}
	return out
}

// orStr returns v as a string, or alt's when v is not one.
func orStr(v, alt any) string {
	if s, ok := v.(string); ok && s != "" {
		return s
	}
	s, _ := alt.(string)
	return s
}
