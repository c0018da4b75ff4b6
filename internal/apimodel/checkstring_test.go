package apimodel

import (
	"strings"
	"testing"
)

// TestCheckString: a value that passes is nil; one that fails is named
// by its path, with the value and the constraint, however it failed.
func TestCheckString(t *testing.T) {
	if err := CheckString("AwsAccountId", "awsAccountId", "111122223333"); err != nil {
		t.Fatalf("a valid account id: %v", err)
	}
	for _, tc := range []struct{ value, want string }{
		{"12345", "Member must satisfy regular expression pattern"},
		{"", "Member must have length greater than or equal to 12"},
		{"1111222233334", "Member must have length less than or equal to 12"},
	} {
		err := CheckString("AwsAccountId", "awsAccountId", tc.value)
		if err == nil || !strings.Contains(err.Error(), "'"+tc.value+"' at 'awsAccountId' failed to satisfy constraint: "+tc.want) {
			t.Fatalf("CheckString(%q) = %v, want the path and %q", tc.value, err, tc.want)
		}
	}
}
