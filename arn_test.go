package sightglass

import (
	"strings"
	"testing"
)

// parseARNBySplit is ParseARN's reference: strings.SplitN in six.
func parseARNBySplit(s string) (ARN, bool) {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[1] == "" || parts[2] == "" {
		return ARN{}, false
	}
	return ARN{Partition: parts[1], Service: parts[2], Region: parts[3], AccountID: parts[4], Resource: parts[5]}, true
}

func checkParseARN(t *testing.T, s string) {
	t.Helper()
	got, ok := ParseARN(s)
	want, wantOK := parseARNBySplit(s)
	if got != want || ok != wantOK {
		t.Fatalf("ParseARN(%q) = %+v, %v; want %+v, %v", s, got, ok, want, wantOK)
	}
}

func TestParseARN(t *testing.T) {
	for _, s := range []string{
		"", "arn", "arn:aws:quicksight:us-east-1:111122223333", "arn:aws:quicksight:us-east-1:111122223333:dashboard/d",
		"arn:aws:quicksight:::user/default/a:b:c", "arn::quicksight:r:a:x", "arn:aws::r:a:x", "ARN:aws:s:r:a:x", ":::::", "arn:a:s:::",
	} {
		checkParseARN(t, s)
	}
	if a, ok := ParseARN("arn:aws:quicksight:us-east-1:111122223333:user/default/a:b"); !ok || a.Resource != "user/default/a:b" || a.AccountID != "111122223333" {
		t.Fatalf("got %+v, %v", a, ok)
	}
}

// FuzzParseARN: ParseARN splits as strings.SplitN does.
func FuzzParseARN(f *testing.F) {
	f.Add("arn:aws:quicksight:us-east-1:111122223333:dashboard/d")
	f.Add("arn:::::")
	f.Fuzz(checkParseARN)
}
