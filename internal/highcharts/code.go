package highcharts

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/tailscale/hujson"
)

// Bounds of a chart code.
const (
	MaxCodeBytes = 512 << 10 // the chart code's text
	maxDepth     = 100       // nesting of arrays and objects
)

// Parse reads a chart code: a JSON object that may hold // and /* */
// comments and trailing commas, as the chart code editor accepts.
func Parse(code []byte) (map[string]any, error) {
	if len(code) > MaxCodeBytes {
		return nil, fmt.Errorf("the chart code is %d bytes, more than the %d Sightglass reads", len(code), MaxCodeBytes)
	}
	if d := depth(code); d > maxDepth {
		return nil, fmt.Errorf("the chart code nests more than %d levels", maxDepth)
	}
	std, err := hujson.Standardize(code)
	if err != nil {
		return nil, fmt.Errorf("the chart code is not valid JSON: %v", err)
	}
	var out any
	dec := json.NewDecoder(bytes.NewReader(std))
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("the chart code is not valid JSON: %v", err)
	}
	m, ok := out.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("the chart code is not a JSON object")
	}
	return m, nil
}

// depth is the deepest nesting of brackets outside strings and comments.
func depth(b []byte) int {
	d, top := 0, 0
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			i += 2
			for i+1 < len(b) && !(b[i] == '*' && b[i+1] == '/') {
				i++
			}
			i++
		case c == '[' || c == '{':
			d++
			top = max(top, d)
		case c == ']' || c == '}':
			d--
		}
	}
	return top
}
