package app

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// checkGrantJSON holds appendJSON to json.Marshal's bytes and to a round
// trip through encoding/json.
func checkGrantJSON(t *testing.T, g embedGrant) {
	t.Helper()
	want, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	got := g.appendJSON(nil)
	if !bytes.Equal(got, want) {
		t.Fatalf("appendJSON\n got %s\nwant %s", got, want)
	}
	var back, wantBack embedGrant
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatalf("decode %s: %v", got, err)
	}
	json.Unmarshal(want, &wantBack)
	if !reflect.DeepEqual(back, wantBack) {
		t.Fatalf("decoded %+v, want %+v", back, wantBack)
	}
}

func TestGrantJSON(t *testing.T) {
	for _, g := range []embedGrant{
		{},
		{AccountID: "111122223333", Namespace: "default", UserName: "alice", PrincipalID: "p-1", EmbedID: "0123abcd", EntryPoint: "/start", Lifetime: 600},
		{AccountID: "111122223333", Namespace: "default", EmbedID: "e", EntryPoint: "/dashboards/d", Lifetime: 15,
			Domains: []string{"https://a.example", "https://b.example"}, ExperienceOnly: true,
			Dashboards: []string{"sample-sales-dashboard", "other"}, Tags: map[string]string{"tenant": "t-1", "region": "EU", "a": ""}},
		{Domains: []string{}, Dashboards: []string{}, Tags: map[string]string{}, Lifetime: -1},
		{UserName: "q\"\\<>&\b\f\n\r\t\x00\x1f\x7f é \u2028\u2029 \xff\xfe end", Tags: map[string]string{"\xc3": "<&>", "é": "\u2029"}},
		{Tags: map[string]string{"k0": "0", "k1": "1", "k2": "2", "k3": "3", "k4": "4", "k5": "5", "k6": "6", "k7": "7", "k8": "8", "k9": "9"}},
	} {
		checkGrantJSON(t, g)
	}
}

// FuzzGrantJSON: the grant's JSON is json.Marshal's for any strings.
func FuzzGrantJSON(f *testing.F) {
	f.Add("111122223333", "default", "alice", "/dashboards/d", "tenant", "t-1", "https://a.example", int64(600), true)
	f.Add("\x00\"\\", "<>&", "\u2028\u2029", "\xff", "\xe2\x80", "é", "", int64(-7), false)
	f.Fuzz(func(t *testing.T, a, n, u, e, k, v, d string, l int64, x bool) {
		g := embedGrant{AccountID: a, Namespace: n, UserName: u, PrincipalID: k + v, EmbedID: v, EntryPoint: e, Lifetime: l, ExperienceOnly: x}
		if d != "" {
			g.Domains = strings.Split(d, ",")
			g.Dashboards = []string{d, a}
		}
		if k != "" || v != "" {
			g.Tags = map[string]string{k: v, v: k, a: n}
		}
		checkGrantJSON(t, g)
	})
}
