package definition

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	sg "github.com/sightglass/sightglass"
)

var (
	reID            = regexp.MustCompile(`^[\w\-]+$`)
	reParameterName = regexp.MustCompile(`^[a-zA-Z0-9]+$`)
)

// Model enums Check verifies.
var (
	sheetContentTypes  = []string{"PAGINATED", "INTERACTIVE"}
	elementTypes       = []string{"VISUAL", "FILTER_CONTROL", "PARAMETER_CONTROL", "TEXT_BOX", "IMAGE"}
	parameterValueType = []string{"MULTI_VALUED", "SINGLE_VALUED"}
	crossDatasetTypes  = []string{"ALL_DATASETS", "SINGLE_DATASET"}
	widgetStatuses     = []string{"ENABLED", "DISABLED"}
	visualScopes       = []string{"ALL_VISUALS", "SELECTED_VISUALS"}
)

// checker accumulates the first error, in the wording of AWS's
// validators: the member path is lower camel case with 1-based
// ".N.member." list items, as in "definition.sheets.1.member.sheetId".
type checker struct {
	err error
}

func (c *checker) fail(format string, args ...any) {
	if c.err == nil {
		c.err = sg.Errorf(sg.EINVALID, format, args...)
	}
}

func (c *checker) constraint(path, value, constraint string) {
	c.fail("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: %s", value, path, constraint)
}

func (c *checker) required(path string, present bool) bool {
	if !present {
		c.fail("1 validation error detected: Value null at '%s' failed to satisfy constraint: Member must not be null", path)
	}
	return present
}

// str checks an optional string's length (present = non-empty).
func (c *checker) str(path, v string, minLen, maxLen int) {
	if v == "" {
		return
	}
	n := utf8.RuneCountInString(v)
	if n < minLen {
		c.constraint(path, v, fmt.Sprintf("Member must have length greater than or equal to %d", minLen))
	} else if n > maxLen {
		c.constraint(path, v, fmt.Sprintf("Member must have length less than or equal to %d", maxLen))
	}
}

// requiredStr checks a required string.
func (c *checker) requiredStr(path, v string, minLen, maxLen int) {
	if c.required(path, v != "") {
		c.str(path, v, minLen, maxLen)
	}
}

// id checks a required ShortRestrictiveResourceId.
func (c *checker) id(path, v string) {
	c.requiredStr(path, v, 1, 512)
	if v != "" && !reID.MatchString(v) {
		c.constraint(path, v, `Member must satisfy regular expression pattern: [\w\-]+`)
	}
}

func (c *checker) enum(path, v string, set []string) {
	if v != "" && !slices.Contains(set, v) {
		c.constraint(path, v, "Member must satisfy enum value set: ["+strings.Join(set, ", ")+"]")
	}
}

func (c *checker) list(path string, n, minLen, maxLen int) {
	if n < minLen {
		c.constraint(path, fmt.Sprint(n), fmt.Sprintf("Member must have length greater than or equal to %d", minLen))
	} else if n > maxLen {
		c.constraint(path, fmt.Sprint(n), fmt.Sprintf("Member must have length less than or equal to %d", maxLen))
	}
}

func (c *checker) union(path string, n int) {
	if n != 1 {
		c.fail("Exactly one member of %s must be set; %d are.", path, n)
	}
}

func item(path, member string, i int) string {
	return fmt.Sprintf("%s.%s.%d.member", path, member, i+1)
}

// Check validates what the model constrains in a definition and the
// references inside it: unique sheet, visual, filter, filter group and
// control ids; declared dataset identifiers and parameters; filter scopes
// naming existing sheets and visuals. The error is EINVALID.
func (d *Definition) Check() error {
	c := &checker{}
	const root = "definition"
	if c.required(root+".dataSetIdentifierDeclarations", d.DataSetIdentifierDeclarations != nil) {
		c.list(root+".dataSetIdentifierDeclarations", len(d.DataSetIdentifierDeclarations), 1, 50)
	}
	datasets := map[string]bool{}
	for i, ds := range d.DataSetIdentifierDeclarations {
		p := item(root, "dataSetIdentifierDeclarations", i)
		c.requiredStr(p+".identifier", ds.Identifier, 1, 2048)
		c.required(p+".dataSetArn", ds.DataSetArn != "")
		if datasets[ds.Identifier] {
			c.fail("Data set identifier %s is declared more than once.", ds.Identifier)
		}
		datasets[ds.Identifier] = true
	}
	dataset := func(path, identifier string) {
		if c.required(path, identifier != "") && !datasets[identifier] {
			c.fail("Data set identifier %s at %s is not declared in DataSetIdentifierDeclarations.", identifier, path)
		}
	}

	c.list(root+".calculatedFields", len(d.CalculatedFields), 0, 2000)
	for i, f := range d.CalculatedFields {
		p := item(root, "calculatedFields", i)
		dataset(p+".dataSetIdentifier", f.DataSetIdentifier)
		c.requiredStr(p+".name", f.Name, 1, 128)
		c.requiredStr(p+".expression", f.Expression, 1, 4096)
	}

	c.list(root+".parameterDeclarations", len(d.ParameterDeclarations), 0, 400)
	params := map[string]bool{}
	for i := range d.ParameterDeclarations {
		pd := &d.ParameterDeclarations[i]
		p := item(root, "parameterDeclarations", i)
		c.union(p, pd.members())
		typ, name, valueType := pd.Kind()
		member := p + "." + map[string]string{ParameterString: "stringParameterDeclaration", ParameterInteger: "integerParameterDeclaration", ParameterDecimal: "decimalParameterDeclaration", ParameterDateTime: "dateTimeParameterDeclaration"}[typ]
		if typ == "" {
			continue
		}
		c.requiredStr(member+".name", name, 1, 2048)
		if name != "" && !reParameterName.MatchString(name) {
			c.constraint(member+".name", name, "Member must satisfy regular expression pattern: ^[a-zA-Z0-9]+$")
		}
		if typ != ParameterDateTime && c.required(member+".parameterValueType", valueType != "") {
			c.enum(member+".parameterValueType", valueType, parameterValueType)
		}
		if params[name] {
			c.fail("Parameter %s is declared more than once.", name)
		}
		params[name] = true
	}

	c.list(root+".sheets", len(d.Sheets), 0, 20)
	sheets := map[string]map[string]bool{} // sheet id → visual ids
	visuals := map[string]bool{}
	for i := range d.Sheets {
		s := &d.Sheets[i]
		p := item(root, "sheets", i)
		c.id(p+".sheetId", s.SheetId)
		if _, dup := sheets[s.SheetId]; dup {
			c.fail("Sheet id %s is used by more than one sheet.", s.SheetId)
		}
		sheets[s.SheetId] = map[string]bool{}
		c.str(p+".name", s.Name, 1, 2048)
		c.str(p+".title", s.Title, 1, 1024)
		c.str(p+".description", s.Description, 1, 1024)
		c.enum(p+".contentType", s.ContentType, sheetContentTypes)
		c.list(p+".visuals", len(s.Visuals), 0, 75)
		for j := range s.Visuals {
			v := &s.Visuals[j]
			vp := item(p, "visuals", j)
			c.union(vp, v.members)
			if v.Kind == "" {
				continue
			}
			c.id(vp+"."+lowerFirst(v.Kind)+".visualId", v.VisualID)
			if visuals[v.VisualID] {
				c.fail("Visual id %s is used by more than one visual.", v.VisualID)
			}
			visuals[v.VisualID] = true
			sheets[s.SheetId][v.VisualID] = true
		}
		c.list(p+".textBoxes", len(s.TextBoxes), 0, 100)
		for j, tb := range s.TextBoxes {
			c.id(item(p, "textBoxes", j)+".sheetTextBoxId", tb.SheetTextBoxId)
		}
		if s.Layouts != nil {
			c.list(p+".layouts", len(s.Layouts), 1, 1)
		}
		for j, l := range s.Layouts {
			lp := item(p, "layouts", j)
			if !c.required(lp+".configuration", l.Configuration != nil) {
				continue
			}
			g := l.Configuration.GridLayout
			if g == nil {
				continue
			}
			gp := lp + ".configuration.gridLayout"
			c.required(gp+".elements", g.Elements != nil)
			c.list(gp+".elements", len(g.Elements), 0, 430)
			for k, e := range g.Elements {
				ep := item(gp, "elements", k)
				c.id(ep+".elementId", e.ElementId)
				if c.required(ep+".elementType", e.ElementType != "") {
					c.enum(ep+".elementType", e.ElementType, elementTypes)
				}
				c.span(ep+".columnSpan", e.ColumnSpan, 1, 36)
				c.span(ep+".rowSpan", e.RowSpan, 1, 21)
			}
		}
	}

	c.list(root+".filterGroups", len(d.FilterGroups), 0, 2000)
	groups, filters := map[string]bool{}, map[string]bool{}
	for i := range d.FilterGroups {
		g := &d.FilterGroups[i]
		p := item(root, "filterGroups", i)
		c.id(p+".filterGroupId", g.FilterGroupId)
		if groups[g.FilterGroupId] {
			c.fail("Filter group id %s is used by more than one filter group.", g.FilterGroupId)
		}
		groups[g.FilterGroupId] = true
		if c.required(p+".filters", g.Filters != nil) {
			c.list(p+".filters", len(g.Filters), 0, 20)
		}
		if c.required(p+".crossDataset", g.CrossDataset != "") {
			c.enum(p+".crossDataset", g.CrossDataset, crossDatasetTypes)
		}
		c.enum(p+".status", g.Status, widgetStatuses)
		for j := range g.Filters {
			f := &g.Filters[j]
			fp := item(p, "filters", j)
			c.union(fp, f.members())
			kind, id, col := f.Kind()
			if kind == "" {
				continue
			}
			fp += "." + lowerFirst(kind)
			c.id(fp+".filterId", id)
			if filters[id] {
				c.fail("Filter id %s is used by more than one filter.", id)
			}
			filters[id] = true
			if kind != "NestedFilter" && c.required(fp+".column", col != nil) {
				dataset(fp+".column.dataSetIdentifier", col.DataSetIdentifier)
				c.requiredStr(fp+".column.columnName", col.ColumnName, 1, 127)
			}
		}
		if !c.required(p+".scopeConfiguration", g.ScopeConfiguration != nil) {
			continue
		}
		sc := g.ScopeConfiguration
		sp := p + ".scopeConfiguration"
		c.union(sp, count(sc.AllSheets != nil, sc.SelectedSheets != nil))
		if sc.SelectedSheets == nil {
			continue
		}
		sp += ".selectedSheets"
		cfgs := sc.SelectedSheets.SheetVisualScopingConfigurations
		if c.required(sp+".sheetVisualScopingConfigurations", cfgs != nil) {
			c.list(sp+".sheetVisualScopingConfigurations", len(cfgs), 1, 50)
		}
		for j, sv := range cfgs {
			svp := item(sp, "sheetVisualScopingConfigurations", j)
			c.id(svp+".sheetId", sv.SheetId)
			if c.required(svp+".scope", sv.Scope != "") {
				c.enum(svp+".scope", sv.Scope, visualScopes)
			}
			ids, ok := sheets[sv.SheetId]
			if sv.SheetId != "" && !ok {
				c.fail("Filter group %s is scoped to sheet %s, which does not exist.", g.FilterGroupId, sv.SheetId)
			}
			for _, vid := range sv.VisualIds {
				if ok && !ids[vid] {
					c.fail("Filter group %s is scoped to visual %s, which is not on sheet %s.", g.FilterGroupId, vid, sv.SheetId)
				}
			}
		}
	}

	// Controls name filters and parameters declared above.
	controls := map[string]bool{}
	for i := range d.Sheets {
		s := &d.Sheets[i]
		p := item(root, "sheets", i)
		c.list(p+".filterControls", len(s.FilterControls), 0, 200)
		for j := range s.FilterControls {
			fc := &s.FilterControls[j]
			cp := item(p, "filterControls", j)
			c.union(cp, fc.members())
			kind, id, source, title := fc.Kind()
			if kind == "" {
				continue
			}
			cp += "." + lowerFirst(kind)
			c.id(cp+".filterControlId", id)
			c.id(cp+".sourceFilterId", source)
			if kind != "CrossSheet" {
				c.requiredStr(cp+".title", title, 1, 2048)
			}
			if source != "" && !filters[source] {
				c.fail("Filter control %s names filter %s, which does not exist.", id, source)
			}
			if controls[id] {
				c.fail("Control id %s is used by more than one control.", id)
			}
			controls[id] = true
		}
		c.list(p+".parameterControls", len(s.ParameterControls), 0, 200)
		for j := range s.ParameterControls {
			pc := &s.ParameterControls[j]
			cp := item(p, "parameterControls", j)
			c.union(cp, pc.members())
			kind, id, source, title := pc.Kind()
			if kind == "" {
				continue
			}
			cp += "." + lowerFirst(kind)
			c.id(cp+".parameterControlId", id)
			c.requiredStr(cp+".sourceParameterName", source, 1, 2048)
			c.requiredStr(cp+".title", title, 1, 2048)
			if source != "" && !params[source] {
				c.fail("Parameter control %s names parameter %s, which is not declared.", id, source)
			}
			if controls[id] {
				c.fail("Control id %s is used by more than one control.", id)
			}
			controls[id] = true
		}
	}
	if c.err != nil {
		return c.err
	}
	// Every column reference, in any visual, names a declared dataset.
	for _, ref := range d.columnRefs() {
		dataset(ref.Path+".dataSetIdentifier", ref.DataSetIdentifier)
		c.requiredStr(ref.Path+".columnName", ref.ColumnName, 1, 127)
	}
	return c.err
}

func (c *checker) span(path string, v *int32, minV, maxV int32) {
	if !c.required(path, v != nil) {
		return
	}
	if *v < minV || *v > maxV {
		c.constraint(path, fmt.Sprint(*v), fmt.Sprintf("Member must have value between %d and %d", minV, maxV))
	}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	// Leading capitals lower together: "KPIVisual" → "kpiVisual".
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		i++
	}
	if i > 1 && i < len(s) {
		i--
	}
	return strings.ToLower(s[:i]) + s[i:]
}

func nestedFilterID(raw json.RawMessage) string {
	var v struct{ FilterId string }
	json.Unmarshal(raw, &v)
	return v.FilterId
}
