package authoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/sightglass/sightglass/internal/apimodel"
	"github.com/sightglass/sightglass/internal/definition"
)

// obj is a JSON object of the definition being edited.
type obj = map[string]any

// ErrEdit is the class of errors of an edit the definition cannot take
// (no such visual, a field in a well it does not fit, …): the author's
// mistake, to be shown, not an internal failure.
var ErrEdit = errors.New("authoring")

func editErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrEdit, fmt.Sprintf(format, args...))
}

// MaxDefinitionBytes bounds a definition the editor reads.
const MaxDefinitionBytes = 8 << 20

// decode reads a definition as generic JSON, numbers kept exact.
func decode(raw []byte) (obj, error) {
	if len(raw) > MaxDefinitionBytes {
		return nil, editErr("the definition is larger than %d bytes", MaxDefinitionBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var d obj
	if err := dec.Decode(&d); err != nil || d == nil {
		return nil, editErr("the definition is not a JSON object")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, editErr("the definition is not a JSON object")
	}
	return d, nil
}

// encode writes the edited definition and checks it as UpdateAnalysis
// would: against the model, then the definition's own checks.
func encode(d obj) ([]byte, error) {
	raw, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	if err := Validate(raw); err != nil {
		return nil, err
	}
	return raw, nil
}

// Validate checks a definition against QuickSight's model and the
// definition checks. Its error wraps ErrEdit.
func Validate(raw []byte) error {
	if err := apimodel.ValidateJSON("AnalysisDefinition", "definition", raw); err != nil {
		return fmt.Errorf("%w: %v", ErrEdit, err)
	}
	def, err := definition.Parse(raw)
	if err == nil {
		err = def.Check()
	}
	if err != nil {
		return fmt.Errorf("%w: %v", ErrEdit, err)
	}
	return nil
}

func list(o obj, key string) []any {
	l, _ := o[key].([]any)
	return l
}

func child(o obj, key string) obj {
	c, _ := o[key].(obj)
	return c
}

// ensure returns o[key] as an object, creating it.
func ensure(o obj, key string) obj {
	c, ok := o[key].(obj)
	if !ok {
		c = obj{}
		o[key] = c
	}
	return c
}

// visualRef is a visual found in a definition.
type visualRef struct {
	sheet  obj
	index  int    // in the sheet's Visuals
	kind   string // the union member
	visual obj    // the member's object
}

// sheets returns the definition's sheets.
func sheets(d obj) []obj {
	var out []obj
	for _, s := range list(d, "Sheets") {
		if so, ok := s.(obj); ok {
			out = append(out, so)
		}
	}
	return out
}

func findSheet(d obj, sheetID string) (obj, error) {
	for _, s := range sheets(d) {
		if s["SheetId"] == sheetID {
			return s, nil
		}
	}
	return nil, editErr("there is no sheet %s", sheetID)
}

func findVisual(d obj, visualID string) (*visualRef, error) {
	for _, s := range sheets(d) {
		for i, v := range list(s, "Visuals") {
			u, _ := v.(obj)
			for kind, m := range u {
				if mo, ok := m.(obj); ok && mo["VisualId"] == visualID {
					return &visualRef{sheet: s, index: i, kind: kind, visual: mo}, nil
				}
			}
		}
	}
	return nil, editErr("there is no visual %s", visualID)
}

// wells returns the object that holds a visual's wells, creating the
// path to it.
func (r *visualRef) wells(k *KindSpec) obj {
	fw := ensure(ensure(r.visual, "ChartConfiguration"), "FieldWells")
	if k.Container == "" {
		return fw
	}
	return ensure(fw, k.Container)
}
