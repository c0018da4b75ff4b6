package iam

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// parser walks a document that is known to be valid JSON, token by token,
// so that it can report duplicate keys and where each problem is.
type parser struct {
	dec      *json.Decoder
	stmt     int            // index of the statement being read, or single, or topLevel
	sids     map[string]int // statement ids seen, with their statement index
	variable *PolicyError   // first resource with a policy variable, reported under 2012-10-17
}

// Values of parser.stmt besides statement indexes.
const (
	single   = -1 // the document's Statement is one object
	topLevel = -2 // no statement has been reached yet
)

func (p *parser) policy() (*Policy, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('{') {
		return nil, docError("policy document must be a JSON object, not %s", kind(tok))
	}
	pol := &Policy{}
	var seen [len(topKeys)]bool
	for p.dec.More() {
		key, err := p.key()
		if err != nil {
			return nil, err
		}
		k := slices.Index(topKeys[:], key)
		if k < 0 {
			return nil, docError("policy document has unknown key %s", quoteKey(key, topKeys[:]))
		}
		if seen[k] {
			return nil, docError("policy document has duplicate key %q", key)
		}
		seen[k] = true
		switch key {
		case "Version":
			v, err := p.str(key)
			if err != nil {
				return nil, err
			}
			if v != Version2012 && v != Version2008 {
				return nil, &PolicyError{Path: "Version", Message: fmt.Sprintf("must be %q or %q (got %q)", Version2012, Version2008, v)}
			}
			pol.Version = v
		case "Id":
			if pol.ID, err = p.str(key); err != nil {
				return nil, err
			}
		case "Statement":
			if pol.Statements, err = p.statements(); err != nil {
				return nil, err
			}
			p.stmt = topLevel
		}
	}
	if !seen[2] { // Statement
		return nil, docError("policy document must contain \"Statement\"")
	}
	return pol, nil
}

// statements reads the value of Statement: one object or an array of them.
func (p *parser) statements() ([]Statement, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		p.stmt = single
		s, err := p.statement()
		if err != nil {
			return nil, err
		}
		return []Statement{s}, nil
	case json.Delim('['):
		var list []Statement
		for p.dec.More() {
			p.stmt = len(list)
			tok, err := p.dec.Token()
			if err != nil {
				return nil, err
			}
			if tok != json.Delim('{') {
				return nil, &PolicyError{Path: statementPath(p.stmt), Message: "must be an object, not " + kind(tok)}
			}
			s, err := p.statement()
			if err != nil {
				return nil, err
			}
			list = append(list, s)
		}
		if len(list) == 0 {
			return nil, &PolicyError{Path: "Statement", Message: "must not be an empty array"}
		}
		_, err := p.dec.Token() // ]
		return list, err
	}
	return nil, &PolicyError{Path: "Statement", Message: "must be an object or an array of objects, not " + kind(tok)}
}

// Top-level keys, in the order of policy's seen array.
var topKeys = [...]string{"Version", "Id", "Statement"}

// Statement keys, in the order of their bits in statement's seen mask.
var statementKeys = [...]string{"Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"}

const (
	keySid = 1 << iota
	keyEffect
	keyAction
	keyNotAction
	keyResource
	keyNotResource
)

// statement reads a statement object after its opening brace.
func (p *parser) statement() (Statement, error) {
	var s Statement
	seen := 0
	for p.dec.More() {
		key, err := p.key()
		if err != nil {
			return s, err
		}
		switch key {
		case "Principal", "NotPrincipal":
			return s, p.err(key, -1, "is not allowed in an identity policy: the policy applies to the principal it is attached to")
		case "Condition":
			return s, p.err(key, -1, "is not supported by Sightglass")
		}
		i := slices.Index(statementKeys[:], key)
		if i < 0 {
			return s, p.err("", -1, "has unknown key "+quoteKey(key, statementKeys[:]))
		}
		bit := 1 << i
		if seen&bit != 0 {
			return s, p.err("", -1, fmt.Sprintf("has duplicate key %q", key))
		}
		seen |= bit
		switch bit {
		case keySid:
			if s.Sid, err = p.str(key); err != nil {
				return s, err
			}
			if msg := checkSid(s.Sid); msg != "" {
				return s, p.err(key, -1, msg)
			}
		case keyEffect:
			v, err := p.str(key)
			if err != nil {
				return s, err
			}
			if v != string(EffectAllow) && v != string(EffectDeny) {
				return s, p.err(key, -1, fmt.Sprintf("must be %q or %q (got %q)", EffectAllow, EffectDeny, v))
			}
			s.Effect = Effect(v)
		case keyAction:
			s.Actions, err = p.list(key, checkAction)
		case keyNotAction:
			s.NotActions, err = p.list(key, checkAction)
		case keyResource:
			s.Resources, err = p.list(key, checkResource)
		case keyNotResource:
			s.NotResources, err = p.list(key, checkResource)
		}
		if err != nil {
			return s, err
		}
	}
	if _, err := p.dec.Token(); err != nil { // }
		return s, err
	}
	switch {
	case seen&keyEffect == 0:
		return s, p.err("", -1, `must contain "Effect"`)
	case seen&(keyAction|keyNotAction) == 0:
		return s, p.err("", -1, `must contain "Action" or "NotAction"`)
	case seen&(keyAction|keyNotAction) == keyAction|keyNotAction:
		return s, p.err("", -1, `must not contain both "Action" and "NotAction"`)
	case seen&(keyResource|keyNotResource) == 0:
		return s, p.err("", -1, `must contain "Resource" or "NotResource"`)
	case seen&(keyResource|keyNotResource) == keyResource|keyNotResource:
		return s, p.err("", -1, `must not contain both "Resource" and "NotResource"`)
	}
	if s.Sid != "" {
		if p.sids == nil {
			p.sids = make(map[string]int)
		}
		if i, dup := p.sids[s.Sid]; dup {
			return s, p.err("Sid", -1, fmt.Sprintf("%q is already the Sid of %s: statement ids must be unique", s.Sid, statementPath(i)))
		}
		p.sids[s.Sid] = p.stmt
	}
	return s, nil
}

// list reads a string or an array of strings, checking each with check,
// which returns a message or "".
func (p *parser) list(key string, check func(string) string) ([]string, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	if v, ok := tok.(string); ok {
		if msg := check(v); msg != "" {
			return nil, p.err(key, -1, msg)
		}
		p.noteVariable(key, -1, v)
		return []string{v}, nil
	}
	if tok != json.Delim('[') {
		return nil, p.err(key, -1, "must be a string or an array of strings, not "+kind(tok))
	}
	var list []string
	for p.dec.More() {
		tok, err := p.dec.Token()
		if err != nil {
			return nil, err
		}
		v, ok := tok.(string)
		if !ok {
			return nil, p.err(key, len(list), "must be a string, not "+kind(tok))
		}
		if msg := check(v); msg != "" {
			return nil, p.err(key, len(list), msg)
		}
		p.noteVariable(key, len(list), v)
		list = append(list, v)
	}
	if len(list) == 0 {
		return nil, p.err(key, -1, "must not be an empty array")
	}
	_, err = p.dec.Token() // ]
	return list, err
}

// noteVariable remembers the first resource that uses a policy variable:
// under 2012-10-17 IAM would substitute it, which Sightglass does not do.
// The Version may come after the statements, so the error waits.
func (p *parser) noteVariable(key string, i int, v string) {
	if p.variable == nil && (key == "Resource" || key == "NotResource") && strings.Contains(v, "${") {
		p.variable = p.err(key, i, fmt.Sprintf("%q uses a policy variable (${...}), which Sightglass does not support", v))
	}
}

// key reads an object key.
func (p *parser) key() (string, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return "", err
	}
	return tok.(string), nil // the decoder returns keys as strings
}

// str reads the string value of key.
func (p *parser) str(key string) (string, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return "", err
	}
	v, ok := tok.(string)
	if !ok {
		return "", p.err(key, -1, "must be a string, not "+kind(tok))
	}
	return v, nil
}

// err returns an error about element i of key (i < 0: key itself; key "":
// the statement itself) in the statement being read, or about a top-level
// key before any statement.
func (p *parser) err(key string, i int, msg string) *PolicyError {
	path := key
	if p.stmt != topLevel {
		path = statementPath(p.stmt)
		if key != "" {
			path += "." + key
		}
	}
	if i >= 0 {
		path += "[" + strconv.Itoa(i) + "]"
	}
	return &PolicyError{Path: path, Message: msg}
}

// kind names the JSON type of a token's value, for error messages.
func kind(tok json.Token) string {
	switch tok := tok.(type) {
	case json.Delim:
		if tok == '[' {
			return "an array"
		}
		return "an object"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}

// quoteKey quotes an unknown key, with a hint when it differs from a known
// key only in case.
func quoteKey(key string, known []string) string {
	for _, k := range known {
		if strings.EqualFold(k, key) {
			return fmt.Sprintf("%q (keys are case-sensitive: did you mean %q?)", key, k)
		}
	}
	return fmt.Sprintf("%q", key)
}
