package app

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// normalGrant is g as it reads back: empty lists and maps are absent.
func normalGrant(g embedGrant) embedGrant {
	if len(g.Domains) == 0 {
		g.Domains = nil
	}
	if len(g.Dashboards) == 0 {
		g.Dashboards = nil
	}
	if len(g.Tags) == 0 {
		g.Tags = nil
	}
	g.Features = Features{} // kept under the embed id, never in the grant
	return g
}

// checkGrantBinary holds the binary form to a round trip, and to
// writing the same bytes again.
func checkGrantBinary(t *testing.T, g embedGrant) {
	t.Helper()
	b := g.appendBinary(nil)
	var back embedGrant
	if err := decodeGrant(b, &back); err != nil {
		t.Fatalf("decode %q: %v", b, err)
	}
	if want := normalGrant(g); !reflect.DeepEqual(back, want) {
		t.Fatalf("decoded %+v, want %+v", back, want)
	}
	if again := back.appendBinary(nil); !bytes.Equal(again, b) {
		t.Fatalf("written again %q, want %q", again, b)
	}
}

var grantCases = []embedGrant{
	{},
	{AccountID: "111122223333", Namespace: "default", UserName: "alice", PrincipalID: "p-1", EmbedID: "0123456789abcdef0123456789abcdef", EntryPoint: "/start", Lifetime: 600},
	{AccountID: "111122223333", Namespace: "default", EmbedID: "0123456789ABCDEF0123456789abcdef", EntryPoint: "/dashboards/d", Lifetime: 15,
		Domains: []string{"https://a.example", "https://b.example"}, ExperienceOnly: true,
		Dashboards: []string{"sample-sales-dashboard", "other"}, Tags: map[string]string{"tenant": "t-1", "region": "EU", "a": ""}},
	{Domains: []string{}, Dashboards: []string{}, Tags: map[string]string{}, Lifetime: -1, EmbedID: "e"},
	{UserName: "q\"\\<>&\b\f\n\r\t\x00\x1f\x7f é \u2028\u2029 \xff\xfe end", Tags: map[string]string{"\xc3": "<&>", "é": "\u2029", "": ""}},
	{Tags: map[string]string{"k0": "0", "k1": "1", "k2": "2", "k3": "3", "k4": "4", "k5": "5", "k6": "6", "k7": "7", "k8": "8", "k9": "9"},
		Features: Features{SharedView: true, Themes: []string{"t"}}, Lifetime: 1 << 62, EntryPoint: strings.Repeat("/x", 200)},
}

func TestGrantBinary(t *testing.T) {
	for _, g := range grantCases {
		checkGrantBinary(t, g)
	}
}

// TestGrantBinarySmaller: the stored form of the load tool's anonymous
// grant is at most two thirds of its JSON.
func TestGrantBinarySmaller(t *testing.T) {
	g := embedGrant{AccountID: "111122223333", Namespace: "default", EmbedID: randomHex(16), EntryPoint: "/dashboards/sample-sales-dashboard",
		Lifetime: 600, ExperienceOnly: true, Dashboards: []string{"sample-sales-dashboard", "other"}, Tags: map[string]string{"region": "EU", "tenant": "t-1"}}
	js, _ := json.Marshal(g)
	if bin := g.appendBinary(nil); 3*len(bin) > 2*len(js) {
		t.Fatalf("binary %d bytes, JSON %d", len(bin), len(js))
	}
}

// TestGrantLegacyJSON: a grant stored as JSON by an earlier build reads
// back as it was.
func TestGrantLegacyJSON(t *testing.T) {
	for _, g := range grantCases {
		js, err := json.Marshal(g)
		if err != nil {
			t.Fatal(err)
		}
		var back, want embedGrant
		if err := decodeGrant(js, &back); err != nil {
			t.Fatalf("decode %s: %v", js, err)
		}
		json.Unmarshal(js, &want)
		if !reflect.DeepEqual(back, want) {
			t.Fatalf("decoded %+v, want %+v", back, want)
		}
	}
}

// TestGrantMalformed: a stored grant cut short, lengthened, of an unknown
// version or flag, or with a count beyond its bytes is refused, never
// read in part.
func TestGrantMalformed(t *testing.T) {
	good := grantCases[2].appendBinary(nil)
	bad := [][]byte{
		nil, {}, {grantBinaryV1}, {2, 0}, {grantBinaryV1, 0x80},
		append(bytes.Clone(good), 0),
		{grantBinaryV1, flagDashboards, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f},
		{grantBinaryV1, flagTags, 0, 0, 0, 0, 0, 0, 0, 0},                       // no tags under the flag
		{grantBinaryV1, flagTags, 0, 0, 0, 0, 0, 0, 0, 2, 1, 'k', 0, 1, 'k', 0}, // a key twice
		{grantBinaryV1, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
	}
	for i := range good {
		bad = append(bad, good[:i])
	}
	for _, b := range bad {
		g := embedGrant{AccountID: "stale"}
		if err := decodeGrant(b, &g); err == nil {
			t.Fatalf("decoded %q as %+v", b, g)
		}
		if !reflect.DeepEqual(g, embedGrant{}) && (len(b) == 0 || b[0] != '{') {
			t.Fatalf("%q left %+v", b, g)
		}
	}
}

// FuzzGrantBinary: any grant reads back exactly; any bytes either are
// refused or read as a grant that writes the same bytes (one form per
// grant), without a panic.
func FuzzGrantBinary(f *testing.F) {
	f.Add("111122223333", "default", "alice", "/dashboards/d", "tenant", "t-1", "https://a.example", int64(600), true, []byte(nil))
	f.Add("\x00\"\\", "<>&", "\u2028\u2029", "\xff", "\xe2\x80", "é", "", int64(-7), false, grantCases[2].appendBinary(nil))
	f.Fuzz(func(t *testing.T, a, n, u, e, k, v, d string, l int64, x bool, raw []byte) {
		g := embedGrant{AccountID: a, Namespace: n, UserName: u, PrincipalID: k + v, EmbedID: v, EntryPoint: e, Lifetime: l, ExperienceOnly: x}
		if x {
			g.EmbedID = randomHex(16)
		}
		if d != "" {
			g.Domains = strings.Split(d, ",")
			g.Dashboards = []string{d, a}
		}
		if k != "" || v != "" {
			g.Tags = map[string]string{k: v, v: k, a: n}
		}
		checkGrantBinary(t, g)
		var back embedGrant
		if len(raw) > 0 && raw[0] == '{' {
			return // JSON: encoding/json's
		}
		if decodeGrant(raw, &back) == nil {
			if again := back.appendBinary(nil); !bytes.Equal(again, raw) {
				t.Fatalf("%q read as %+v, which writes %q", raw, back, again)
			}
		}
	})
}
