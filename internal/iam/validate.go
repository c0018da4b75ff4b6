package iam

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxPolicyChars is the most characters a policy document may have, not
// counting whitespace: IAM's limit for a managed policy.
const MaxPolicyChars = 6144

// checkSize reports whether doc is within MaxPolicyChars, not counting JSON
// whitespace. It stops counting at the limit.
func checkSize(doc []byte) error {
	if len(doc) <= MaxPolicyChars {
		return nil // never more characters than bytes
	}
	n := 0
	for i := 0; i < len(doc); {
		c, w := utf8.DecodeRune(doc[i:])
		i += w
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if n++; n > MaxPolicyChars {
			return docError("policy document exceeds %d characters (whitespace is not counted)", MaxPolicyChars)
		}
	}
	return nil
}

// checkSid checks a statement id: IAM allows ASCII letters and digits.
func checkSid(sid string) string {
	for i := 0; i < len(sid); i++ {
		if !isAlnum(sid[i]) {
			return fmt.Sprintf("%q must contain only ASCII letters and digits", sid)
		}
	}
	return ""
}

// checkAction checks an action pattern: "*" or service:Operation, where
// the service prefix is letters, digits and hyphens and the operation is
// letters, digits and wildcards. It returns a message, or "" if a is valid.
func checkAction(a string) string {
	if a == "*" {
		return ""
	}
	service, op, ok := strings.Cut(a, ":")
	if !ok || service == "" || op == "" {
		return fmt.Sprintf("%q must be \"*\" or of the form service:Operation, such as \"quicksight:DescribeUser\"", a)
	}
	for i := 0; i < len(service); i++ {
		if c := service[i]; !isAlnum(c) && c != '-' {
			return fmt.Sprintf("%q has an invalid service prefix %q: use letters, digits and hyphens, without wildcards", a, service)
		}
	}
	for i := 0; i < len(op); i++ {
		if c := op[i]; !isAlnum(c) && c != '*' && c != '?' {
			return fmt.Sprintf("%q has an invalid operation %q: use letters, digits, \"*\" and \"?\"", a, op)
		}
	}
	return ""
}

// checkResource checks a resource pattern: "*" or an ARN with a partition,
// a service prefix without wildcards, and something after it. Wildcards
// may appear anywhere else, and since "*" spans ":", the ARN need not spell
// out all six fields ("arn:aws:quicksight:us-east-1:*").
func checkResource(r string) string {
	if r == "*" {
		return ""
	}
	for _, c := range r {
		if c < 0x20 || c == 0x7f {
			return fmt.Sprintf("%q must not contain control characters", r)
		}
	}
	f := strings.SplitN(r, ":", 4)
	if len(f) < 4 || f[0] != "arn" || f[1] == "" || f[2] == "" || f[3] == "" {
		return fmt.Sprintf("%q must be \"*\" or an ARN, such as \"arn:aws:quicksight:us-east-1:123456789012:user/default/*\"", r)
	}
	for i := 0; i < len(f[2]); i++ {
		if c := f[2][i]; !isAlnum(c) && c != '-' {
			return fmt.Sprintf("%q has an invalid service prefix %q: use letters, digits and hyphens, without wildcards", r, f[2])
		}
	}
	return ""
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
