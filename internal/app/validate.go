package app

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/apimodel"
)

// Patterns and enums of the QuickSight model (2026 shapes).
var (
	reSessionName    = regexp.MustCompile(`^[\w+=.@-]*$`)
	reAccountName    = regexp.MustCompile(`^([\da-zA-Z]+)([-]*[\da-zA-Z])*$`)
	reIAMName        = regexp.MustCompile(`^[\w+=,.@-]+$`)
	reCapabilityName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)
)

// invalid returns a constraint violation (ValidationException) in the
// wording AWS's validators use.
func invalid(member, value, constraint string) error {
	return sg.Errorf(sg.EVALIDATION, "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: %s", value, member, constraint)
}

func required(member string) error {
	return sg.Errorf(sg.EVALIDATION, "1 validation error detected: Value null at '%s' failed to satisfy constraint: Member must not be null", member)
}

func checkPattern(member, value string, re *regexp.Regexp) error {
	if !re.MatchString(value) {
		return invalid(member, value, "Member must satisfy regular expression pattern: "+strings.Trim(re.String(), "^$"))
	}
	return nil
}

// checkLen checks a length in characters; max < 0 means no maximum.
func checkLen(member, value string, minLen, maxLen int) error {
	n := utf8.RuneCountInString(value)
	if n < minLen {
		return invalid(member, value, fmt.Sprintf("Member must have length greater than or equal to %d", minLen))
	}
	if maxLen >= 0 && n > maxLen {
		return invalid(member, value, fmt.Sprintf("Member must have length less than or equal to %d", maxLen))
	}
	return nil
}

func checkEnum(member, value string, set []string) error {
	if !slices.Contains(set, value) {
		return invalid(member, value, "Member must satisfy enum value set: ["+strings.Join(set, ", ")+"]")
	}
	return nil
}

// checkModel checks a string against the named shape of QuickSight's
// service model (length, pattern, enum), in AWS's validation wording.
func checkModel(shape, member, value string) error {
	if err := apimodel.CheckString(shape, member, value); err != nil {
		return sg.Errorf(sg.EVALIDATION, "%s", err.Error())
	}
	return nil
}

// checkAccountID validates an AwsAccountId.
func checkAccountID(id string) error { return checkModel("AwsAccountId", "awsAccountId", id) }

// checkNamespace validates a Namespace member.
func checkNamespace(ns string) error { return checkModel("Namespace", "namespace", ns) }

// checkUserName validates a UserName: at least one character, each in
// U+0020..U+00FF.
func checkUserName(member, name string) error { return checkModel("UserName", member, name) }

func checkCustomPermissionsName(member, name string) error {
	return checkModel("RoleName", member, name)
}

func checkTags(tags []sg.Tag) error {
	if tags == nil {
		return nil
	}
	if len(tags) < 1 || len(tags) > 200 {
		return invalid("tags", fmt.Sprint(len(tags)), "Member must have length between 1 and 200")
	}
	if len(tags) > sg.MaxResourceTags {
		return sg.Errorf(sg.ELIMIT, "A resource can have at most %d tags; %d were given.", sg.MaxResourceTags, len(tags))
	}
	seen := make(map[string]bool, len(tags))
	for i, t := range tags {
		if err := checkLen(fmt.Sprintf("tags.%d.member.key", i+1), t.Key, 1, 128); err != nil {
			return err
		}
		if err := checkLen(fmt.Sprintf("tags.%d.member.value", i+1), t.Value, 1, 256); err != nil {
			return err
		}
		if seen[t.Key] {
			return sg.Errorf(sg.EINVALID, "Duplicate tag key %q.", t.Key)
		}
		seen[t.Key] = true
	}
	return nil
}

// checkEmail is deliberately loose, as QuickSight's is: one @ with text on
// both sides and no spaces.
func checkEmail(member, email string) error {
	at := strings.IndexByte(email, '@')
	if at <= 0 || at == len(email)-1 || strings.ContainsAny(email, " \t\r\n") || strings.Count(email, "@") != 1 || len(email) > 254 {
		return sg.Errorf(sg.EINVALID, "The %s '%s' is not a valid email address.", member, email)
	}
	return nil
}
