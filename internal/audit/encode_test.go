package audit

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// sampleEvent fills every member, s in every string.
func sampleEvent(s string, withSession bool) *Event {
	e := &Event{
		EventVersion: Version, EventTime: time.Date(2026, 3, 1, 10, 0, 0, 123000000, time.UTC), EventSource: Source,
		EventName: s, EventType: s, AWSRegion: s, SourceIPAddress: s, UserAgent: s,
		UserIdentity:      Identity{Type: s, PrincipalID: s, ARN: s, AccountID: s, AccessKeyID: s, UserName: s},
		RequestParameters: map[string]any{s: s, "b" + s: true, "n": float64(60), "z": 1.5e300, "f": false},
		ResponseElements:  map[string]any{"ConsoleSignOn": s},
		RequestID:         s, EventID: s, ReadOnly: len(s)%2 == 0, ErrorCode: s, ErrorMessage: s, RecipientAccountID: s,
	}
	if withSession {
		e.UserIdentity.Session = &SessionContext{SessionIssuer{Type: s, ARN: s, AccountID: s, UserName: s}}
	}
	return e
}

// checkEncoding holds appendEvent to encoding/json's bytes.
func checkEncoding(t *testing.T, e *Event) {
	t.Helper()
	want, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	if got := appendEvent(nil, e); !bytes.Equal(got, want) {
		t.Fatalf("appendEvent:\n%s\nencoding/json:\n%s", got, want)
	}
}

func TestAppendEvent(t *testing.T) {
	for _, s := range []string{"", "plain", "quote\" back\\slash", "new\nline\r\ttab\b\f\x00\x1f\x7f", "<script>&amp;</script>",
		"é€𝄞", "bad \xff\xfe utf8 \xe2\x82", "\u2028\u2029", "arn:aws:iam::123456789012:user/alice"} {
		checkEncoding(t, sampleEvent(s, false))
		checkEncoding(t, sampleEvent(s, true))
	}
	checkEncoding(t, &Event{EventTime: time.Unix(0, 0).UTC()}) // empty: omitted members, null maps
}

func FuzzAppendEvent(f *testing.F) {
	f.Add("plain", true)
	f.Add("new\nline \xff \u2028 <&>", false)
	f.Fuzz(func(t *testing.T, s string, session bool) {
		e := sampleEvent(s, session)
		checkEncoding(t, e)
		if bytes.ContainsRune(appendEvent(nil, e), '\n') {
			t.Fatal("a record holds a raw newline")
		}
	})
}
