package awsapi

import (
	"bytes"
	"encoding/json"
	"testing"
)

// checkOutputJSON holds an output's own JSON to json.Encoder's bytes.
func checkOutputJSON(t *testing.T, out jsonAppender) {
	t.Helper()
	var want bytes.Buffer
	if err := json.NewEncoder(&want).Encode(out); err != nil {
		t.Fatal(err)
	}
	if got := out.appendJSON(nil); !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("appendJSON\n got %q\nwant %q", got, want.Bytes())
	}
}

func TestOutputJSON(t *testing.T) {
	url := "https://bi.example/embed/0123/dashboards/d?code=abc-_&identityprovider=quicksight&isauthcode=true"
	for _, out := range []jsonAppender{
		&embedURLOutput{},
		&embedURLOutput{meta: meta{RequestID: "6f1c-…", Status: 200}, EmbedUrl: url},
		&anonymousEmbedOutput{},
		&anonymousEmbedOutput{meta: meta{RequestID: "r", Status: -1}, EmbedUrl: url,
			AnonymousUserArn: "arn:aws:quicksight:us-east-1:111122223333:user/default/QuickSightEmbeddingAnonymousUser"},
		&embedURLOutput{meta: meta{RequestID: "\x00\"\\<>&\u2028\xff"}, EmbedUrl: "\n\t\x7f é"},
	} {
		checkOutputJSON(t, out)
	}
}

// FuzzOutputJSON: the embed outputs' JSON is json.Encoder's for any
// strings and status.
func FuzzOutputJSON(f *testing.F) {
	f.Add("req", 200, "https://x/?a=1&b=2", "arn:aws:quicksight:::user/default/u")
	f.Add("\x00\"\\", -7, "\u2028\u2029<>", "\xff\xe2\x80")
	f.Fuzz(func(t *testing.T, id string, status int, url, arn string) {
		m := meta{RequestID: id, Status: status}
		checkOutputJSON(t, &embedURLOutput{meta: m, EmbedUrl: url})
		checkOutputJSON(t, &anonymousEmbedOutput{meta: m, EmbedUrl: url, AnonymousUserArn: arn})
	})
}
