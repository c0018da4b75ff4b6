package awsapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
)

// input is a bound request: decoded path labels, the query and the body.
type input struct {
	Labels map[string]string
	Query  url.Values
	Body   []byte
	// Object is Body as the model check decoded it (nil when it did not),
	// or when a typed decoder read the body, its top-level scalar
	// members (what the audit log takes from it): read only.
	Object map[string]any
	// Plain says that Object holds exactly Body's members (see
	// apimodel.CheckRequestBody), so decode may fill from it.
	Plain bool
	// typed is the body's struct when a typed decoder read it (see
	// checkInput), for the operation to take instead of decoding.
	typed any
}

// decode unmarshals the JSON body into v. An absent body is an empty
// object. Malformed JSON, or a member of the wrong type, is a
// SerializationException, as AWS answers.
func (in *input) decode(v any) error {
	body := bytes.TrimSpace(in.Body)
	if len(body) == 0 {
		return nil
	}
	if in.Plain && in.Object != nil && fill(v, in.Object) {
		return nil
	}
	if err := json.Unmarshal(body, v); err != nil {
		if te, ok := err.(*json.UnmarshalTypeError); ok {
			return errSerialization(fmt.Sprintf("Member %s must be of type %s, not JSON %s.", te.Field, te.Type, te.Value))
		}
		return errSerialization("The request body is not a valid JSON object.")
	}
	return nil
}

// queryInt parses an optional integer query member; absent is nil.
func (in *input) queryInt(name string) (*int, error) {
	s := in.Query.Get(name)
	if s == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil, errSerialization(fmt.Sprintf("Query member %s must be an integer, got '%s'.", name, s))
	}
	return &n, nil
}

// output is an operation's output shape. Each embeds meta, which the writer
// fills with the request id and the HTTP status, because every QuickSight
// output carries both in its body (for some operations Status is read only
// from the body).
type output interface {
	setMeta(requestID string, status int)
}

// meta holds the members every output shape has.
type meta struct {
	RequestID string `json:"RequestId"`
	Status    int    `json:"Status"`
}

func (m *meta) setMeta(requestID string, status int) {
	m.RequestID = requestID
	m.Status = status
}

// empty is the output of operations that return only RequestId and Status.
type empty struct{ meta }

// queryInt64 parses an optional long query member; absent is nil.
func (in *input) queryInt64(name string) (*int64, error) {
	s := in.Query.Get(name)
	if s == "" {
		return nil, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil, errSerialization(fmt.Sprintf("Query member %s must be an integer, got '%s'.", name, s))
	}
	return &n, nil
}

// queryBool parses an optional boolean query member; absent is false.
func (in *input) queryBool(name string) (bool, error) {
	switch s := in.Query.Get(name); s {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	default:
		return false, errSerialization(fmt.Sprintf("Query member %s must be true or false, got '%s'.", name, s))
	}
}
