package expr

import (
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// parseJSONCall compiles parseJson(json, 'path'): the value at the path
// as a string (see dialect.JSONValue).
func (c *Compiler) parseJSONCall(n *Call) (Value, error) {
	if err := arity(n, 2, 2); err != nil {
		return Value{}, err
	}
	x, err := c.Compile(n.Args[0])
	if err != nil {
		return Value{}, err
	}
	if err := want(n.Args[0], x, dialect.String); err != nil {
		return Value{}, err
	}
	s, ok := n.Args[1].(*String)
	if !ok {
		return Value{}, errorf(n.Args[1].Pos(), "parseJson: the path must be a string literal such as '$.items.qty'")
	}
	steps, perr := parseJSONPath(s.Value)
	if perr != nil {
		return Value{}, errorf(s.At, "parseJson: %s", perr.Msg)
	}
	p := c.Bind(dialect.JSONPath(steps), dialect.String)
	sql, ok := dialect.JSONValue(c.Dialect, x.SQL, p)
	if !ok {
		return Value{}, errorf(n.At, "parseJson is not supported on %s", c.Dialect.Name())
	}
	return Value{SQL: sql, Type: dialect.String, Kind: x.Kind}, nil
}

// maxJSONIndex bounds an array index of a path.
const maxJSONIndex = 1 << 20

// parseJSONPath reads $ then .key and [index] steps; a key is letters,
// digits, blanks, _ and -.
func parseJSONPath(path string) ([]dialect.JSONStep, *Error) {
	if !strings.HasPrefix(path, "$") {
		return nil, errorf(0, "the path must start with $")
	}
	var steps []dialect.JSONStep
	rest := path[1:]
	for rest != "" {
		switch rest[0] {
		case '.':
			end := strings.IndexAny(rest[1:], ".[")
			if end < 0 {
				end = len(rest) - 1
			}
			key := rest[1 : 1+end]
			if key == "" || strings.TrimSpace(key) == "" {
				return nil, errorf(0, "the path has an empty key")
			}
			for _, r := range key {
				if !(r == ' ' || r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && r != '\u2028' && r != '\u2029') {
					return nil, errorf(0, "the path's key %q may hold only letters, digits, blanks, _ and -", key)
				}
			}
			steps = append(steps, dialect.JSONStep{Key: key})
			rest = rest[1+end:]
		case '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, errorf(0, "the path has an unclosed [")
			}
			i, err := strconv.Atoi(rest[1:end])
			if err != nil || i < 0 || i > maxJSONIndex || rest[1] == '+' {
				return nil, errorf(0, "the path's index %q is not a whole number from 0 to %d", rest[1:end], maxJSONIndex)
			}
			steps = append(steps, dialect.JSONStep{Index: i, IsIndex: true})
			rest = rest[end+1:]
		default:
			return nil, errorf(0, "the path continues with %q where . or [ was expected", rest[:1])
		}
	}
	return steps, nil
}
