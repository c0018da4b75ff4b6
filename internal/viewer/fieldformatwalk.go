package viewer

import "encoding/json"

// eachFieldFormat decodes a visual's JSON and calls fn for every object in
// it with a FieldId and a FormatConfiguration, the shape of every field
// well member and field option that carries formatting. Nesting is bounded.
func eachFieldFormat(raw json.RawMessage, fn func(fieldID string, fc map[string]any)) bool {
	var root any
	if json.Unmarshal(raw, &root) != nil {
		return false
	}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 64 {
			return
		}
		switch t := v.(type) {
		case map[string]any:
			if id, ok := t["FieldId"].(string); ok {
				if fc, ok := t["FormatConfiguration"].(map[string]any); ok {
					fn(id, fc)
				}
			}
			for _, c := range t {
				walk(c, depth+1)
			}
		case []any:
			for _, c := range t {
				walk(c, depth+1)
			}
		}
	}
	walk(root, 0)
	return true
}
