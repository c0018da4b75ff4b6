package iam

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
)

// Effect is what a statement does to the requests it applies to.
type Effect string

// Effects.
const (
	EffectAllow Effect = "Allow"
	EffectDeny  Effect = "Deny"
)

// Policy language versions.
const (
	Version2012 = "2012-10-17"
	Version2008 = "2008-10-17"
)

// Statement is one statement of a policy. In a parsed policy, exactly one
// of Actions and NotActions is set, and exactly one of Resources and
// NotResources.
type Statement struct {
	Sid                     string
	Effect                  Effect
	Actions, NotActions     []string
	Resources, NotResources []string
}

// Policy is a parsed identity policy.
type Policy struct {
	Version    string // Version2012, Version2008, or "" (2008 semantics)
	ID         string // the document's optional Id
	Statements []Statement
}

// ParsePolicy parses and validates an identity policy document. Errors are
// *PolicyError. See the package documentation for the accepted grammar.
func ParsePolicy(doc []byte) (*Policy, error) {
	if err := checkSize(doc); err != nil {
		return nil, err
	}
	if off := invalidUTF8(doc); off >= 0 {
		return nil, docError("policy document is not valid UTF-8 (at %s)", position(doc, off))
	}
	if !json.Valid(doc) {
		var raw json.RawMessage
		err := json.Unmarshal(doc, &raw)
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			// Offset is just past the offending character, or the length
			// of doc when it ends too soon.
			off := int(se.Offset) - 1
			if se.Offset == int64(len(doc)) && strings.HasPrefix(se.Error(), "unexpected end") {
				off = len(doc)
			}
			return nil, docError("policy document is not valid JSON: %s (at %s)", se, position(doc, off))
		}
		return nil, docError("policy document is not valid JSON")
	}
	p := &parser{dec: json.NewDecoder(bytes.NewReader(doc)), stmt: topLevel}
	p.dec.UseNumber()
	pol, err := p.policy()
	if err != nil {
		if pe, ok := errors.AsType[*PolicyError](err); ok {
			return nil, pe
		}
		// The document is valid JSON, so the decoder should not fail.
		return nil, docError("policy document could not be read: %v", err)
	}
	if pol.Version == Version2012 && p.variable != nil {
		return nil, p.variable
	}
	return pol, nil
}

// policyJSON is the canonical form of a policy document: Statement and
// every list are arrays, and empty optional keys are left out.
type policyJSON struct {
	Version   string          `json:"Version,omitempty"`
	ID        string          `json:"Id,omitempty"`
	Statement []statementJSON `json:"Statement"`
}

type statementJSON struct {
	Sid         string   `json:"Sid,omitempty"`
	Effect      Effect   `json:"Effect"`
	Action      []string `json:"Action,omitempty"`
	NotAction   []string `json:"NotAction,omitempty"`
	Resource    []string `json:"Resource,omitempty"`
	NotResource []string `json:"NotResource,omitempty"`
}

// MarshalJSON returns p as a policy document in canonical form, which
// ParsePolicy reads back to an equal Policy, unless it has grown past
// MaxPolicyChars: arrays and escapes can make it longer than the document p
// was parsed from.
func (p Policy) MarshalJSON() ([]byte, error) {
	out := policyJSON{Version: p.Version, ID: p.ID, Statement: make([]statementJSON, len(p.Statements))}
	for i, s := range p.Statements {
		out.Statement[i] = statementJSON{
			Sid:         s.Sid,
			Effect:      s.Effect,
			Action:      s.Actions,
			NotAction:   s.NotActions,
			Resource:    s.Resources,
			NotResource: s.NotResources,
		}
	}
	return json.Marshal(out)
}
