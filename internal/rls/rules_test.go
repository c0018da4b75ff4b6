package rls

import (
	"slices"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// rulesTable is a VERSION_1 rules dataset over orders.
var rulesColumns = []string{"UserName", "GroupName", "region", "qty"}
var rulesRows = [][]any{
	{"ann", nil, "East", nil},            // ann: every East row
	{"bob", nil, "West, North", "1,2"},   // bob: West or North with qty 1 or 2
	{"bob", nil, "South", nil},           // OR South
	{nil, "sales", "North", nil},         // group sales: North
	{"cat", nil, nil, " "},               // cat: every row
	{"dan", nil, "East", "not a number"}, // dan: a qty no row has
	{"eve", "ops", "", int64(3)},         // eve and group ops: qty 3
}

func TestGrant(t *testing.T) {
	db := openOrders(t)
	rules, err := ParseRules(Version1, rulesColumns, rulesRows)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		user   string
		groups []string
		grant  []int64 // GRANT_ACCESS
		deny   []int64 // DENY_ACCESS
	}{
		{"ann", nil, []int64{1, 2}, []int64{3, 4, 5, 6, 7, 8}},
		{"bob", nil, []int64{3, 5, 7}, []int64{1, 2, 4, 6, 8}},
		{"bob", []string{"sales"}, []int64{3, 5, 7}, []int64{1, 2, 4, 6, 8}},
		{"zed", []string{"sales"}, []int64{5}, []int64{1, 2, 3, 4, 6, 7, 8}},
		{"cat", nil, []int64{1, 2, 3, 4, 5, 6, 7, 8}, []int64{}},
		{"dan", nil, []int64{}, []int64{1, 2, 3, 4, 5, 6, 7, 8}},
		{"zed", nil, []int64{}, []int64{1, 2, 3, 4, 5, 6, 7, 8}}, // no rule: nothing under GRANT
		{"", []string{"ops"}, []int64{4}, []int64{1, 2, 3, 5, 6, 7, 8}},
	}
	for _, c := range cases {
		matching := rules.Matching(c.user, c.groups)
		for _, p := range []struct {
			policy string
			want   []int64
		}{{GrantAccess, c.grant}, {DenyAccess, c.deny}} {
			b := NewBuilder(dialect.SQLite, orderColumns, "rls", 1)
			cond, err := b.Grant(p.policy, matching)
			if err != nil {
				t.Fatal(err)
			}
			got := visible(t, db, cond, b)
			if !slices.Equal(got, p.want) {
				t.Errorf("%s %v %s: rows %v, want %v (condition %s)", c.user, c.groups, p.policy, got, p.want, cond)
			}
			if ref := reference(p.policy, matching); !slices.Equal(got, ref) {
				t.Errorf("%s %v %s: rows %v, reference %v", c.user, c.groups, p.policy, got, ref)
			}
		}
	}
}

func TestParseRulesVersion2(t *testing.T) {
	arn := "arn:aws:quicksight:us-east-1:123456789012:user/default/ann"
	rules, err := ParseRules(Version2, []string{"UserARN", "GroupARN", "region"}, [][]any{{arn, nil, "East"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rules.Matching(arn, nil)) != 1 || len(rules.Matching("ann", nil)) != 0 {
		t.Fatalf("VERSION_2 rules match by ARN: %+v", rules)
	}
	// A VERSION_1 rules dataset has no UserARN column.
	if _, err := ParseRules(Version1, []string{"UserARN", "region"}, nil); err == nil {
		t.Fatal("VERSION_1 rules with UserARN only were accepted")
	}
}

func TestRulesColumns(t *testing.T) {
	ds := []string{"id", "region", "qty"}
	for _, c := range []struct {
		cols []string
		ok   bool
	}{
		{[]string{"UserName", "region"}, true},
		{[]string{"GroupName", "region", "qty"}, true},
		{[]string{"region"}, false},                       // no user or group
		{[]string{"UserName"}, false},                     // no field
		{[]string{"UserName", "country"}, false},          // not a column of the dataset
		{[]string{"UserName", "region", "region"}, false}, // twice
	} {
		err := CheckRulesColumns(Version1, c.cols, ds)
		if (err == nil) != c.ok {
			t.Errorf("%v: %v", c.cols, err)
		}
	}
}

func TestTags(t *testing.T) {
	db := openOrders(t)
	cfg := &TagConfig{TagRules: []TagRule{
		{TagKey: "region", ColumnName: "region", TagMultiValueDelimiter: "|", MatchAllValue: "*"},
		{TagKey: "qty", ColumnName: "qty", TagMultiValueDelimiter: ","},
	}}
	confs := &TagConfig{TagRules: cfg.TagRules, TagRuleConfigurations: [][]string{{"region"}, {"qty"}}}
	cases := []struct {
		cfg  *TagConfig
		tags map[string]string
		want []int64
	}{
		{cfg, map[string]string{"region": "East", "qty": "1,2"}, []int64{1, 2}},
		{cfg, map[string]string{"region": "East|West", "qty": "1"}, []int64{1, 3}},
		{cfg, map[string]string{"region": "*", "qty": "1"}, []int64{1, 3, 6}},
		{cfg, map[string]string{"region": "East,West", "qty": "5"}, []int64{8}}, // the delimiter is "|"
		{cfg, map[string]string{"region": "East"}, []int64{}},                   // a tag of the configuration is missing
		{cfg, nil, []int64{}},
		{confs, map[string]string{"qty": "3"}, []int64{4}},                       // the second configuration alone
		{confs, map[string]string{"region": "North", "qty": "3"}, []int64{4, 5}}, // OR
		{confs, map[string]string{"region": "*"}, []int64{1, 2, 3, 4, 5, 6, 7, 8}},
	}
	for _, c := range cases {
		b := NewBuilder(dialect.SQLite, orderColumns, "rls", 1)
		cond, err := b.Tags(c.cfg, c.tags)
		if err != nil {
			t.Fatal(err)
		}
		if got := visible(t, db, cond, b); !slices.Equal(got, c.want) {
			t.Errorf("tags %v: rows %v, want %v (condition %s)", c.tags, got, c.want, cond)
		}
	}
}

func TestHiddenColumns(t *testing.T) {
	ann := "arn:aws:quicksight:us-east-1:123456789012:user/default/ann"
	sales := "arn:aws:quicksight:us-east-1:123456789012:group/default/sales"
	cfg := &Config{Columns: []ColumnRule{
		{Principals: []string{ann}, ColumnNames: []string{"price", "qty"}},
		{Principals: []string{sales}, ColumnNames: []string{"price"}},
	}}
	keys := func(m map[string]bool) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	for _, c := range []struct {
		principals []string
		want       []string
	}{
		{[]string{ann}, nil},
		{[]string{"arn:aws:quicksight:us-east-1:123456789012:user/default/bob", sales}, []string{"qty"}},
		{nil, []string{"price", "qty"}},
	} {
		if got := keys(cfg.HiddenColumns(c.principals)); !slices.Equal(got, c.want) {
			t.Errorf("%v: hidden %v, want %v", c.principals, got, c.want)
		}
	}
	if err := cfg.Check([]string{"id", "price"}); err == nil {
		t.Error("a rule naming a column the dataset does not have was accepted")
	}
}

// FuzzRules: rules dataset rows from untrusted bytes never panic, and the
// condition they become keeps exactly the rows the rules' meaning keeps.
func FuzzRules(f *testing.F) {
	f.Add("UserName|GroupName|region|qty", "ann||East|\nann||West, North|1,2\n|sales|North|", "ann", "sales", false)
	f.Add("UserName|region|price|ok", "ann|East|1.5|true\nann||2.5|", "ann", "", true)
	f.Add("UserName|qty", "ann|x", "ann", "", false)
	f.Add("GroupName|id|id", "g|1|2", "", "g", false)
	f.Add("UserName|region", "ann|'; DROP TABLE orders; --", "ann", "", false)
	db := openOrders(f)
	f.Fuzz(func(t *testing.T, header, body, user, group string, deny bool) {
		cols := splitFuzz(header, "|")
		var rows [][]any
		for _, line := range splitFuzz(body, "\n") {
			var row []any
			for _, cell := range splitFuzz(line, "|") {
				if cell == "\\N" {
					row = append(row, nil)
				} else {
					row = append(row, cell)
				}
			}
			rows = append(rows, row)
		}
		rules, err := ParseRules(Version1, cols, rows)
		if err != nil {
			return
		}
		var groups []string
		if group != "" {
			groups = []string{group}
		}
		matching := rules.Matching(user, groups)
		policy := GrantAccess
		if deny {
			policy = DenyAccess
		}
		b := NewBuilder(dialect.SQLite, orderColumns, "rls", 1)
		cond, err := b.Grant(policy, matching)
		if err != nil {
			return // a field the dataset does not have, or too many values
		}
		got := visible(t, db, cond, b)
		if want := reference(policy, matching); !slices.Equal(got, want) {
			t.Fatalf("rows %v, want %v (condition %s, args %v)", got, want, cond, b.Args())
		}
	})
}

func splitFuzz(s, sep string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for len(out) < 64 {
		i := strings.Index(s, sep)
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+len(sep):]
	}
	return out
}

func TestDerivedHidden(t *testing.T) {
	logical := []byte(`{"l":{"DataTransforms":[
		{"RenameColumnOperation":{"ColumnName":"amount","NewColumnName":"Amount"}},
		{"CreateColumnsOperation":{"Columns":[{"ColumnName":"Doubled","ColumnId":"d","Expression":"{Amount} * 2"},
			{"ColumnName":"Quadrupled","ColumnId":"q","Expression":"{Doubled} * 2"},
			{"ColumnName":"Label","ColumnId":"l","Expression":"concat({region}, '!')"}]}}]},
		"p":{"DataTransforms":[{"CreateColumnsOperation":{"Columns":[{"ColumnName":"Early","ColumnId":"e","Expression":"{amount} + 1"}]}}]}}`)
	got, err := DerivedHidden(logical, map[string]bool{"Amount": true})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range got {
		names = append(names, n)
	}
	slices.Sort(names)
	if want := []string{"Amount", "Doubled", "Early", "Quadrupled"}; !slices.Equal(names, want) {
		t.Fatalf("hidden %v, want %v", names, want)
	}
}

// FuzzTags: session tags (untrusted: an embedding caller sets them) never
// panic, and the condition keeps exactly the rows whose region is one of
// the tag's values (all for the match-all value, none without the tag).
func FuzzTags(f *testing.F) {
	f.Add("East|West", "|", "*", true)
	f.Add("*", "|", "*", true)
	f.Add("East", "", "", true)
	f.Add("x' OR 1=1 --", ",", "ALL", true)
	f.Add("", "|", "*", false)
	db := openOrders(f)
	f.Fuzz(func(t *testing.T, value, delimiter, matchAll string, has bool) {
		cfg := &TagConfig{TagRules: []TagRule{{TagKey: "r", ColumnName: "region", TagMultiValueDelimiter: delimiter, MatchAllValue: matchAll}}}
		tags := map[string]string{}
		if has {
			tags["r"] = value
		}
		b := NewBuilder(dialect.SQLite, orderColumns, "rls", 1)
		cond, err := b.Tags(cfg, tags)
		if err != nil {
			return // too many values
		}
		got := visible(t, db, cond, b)
		want := []int64{}
		for _, row := range orderRows {
			keep := false
			switch {
			case !has || strings.TrimSpace(value) == "":
			case matchAll != "" && value == matchAll:
				keep = true
			default:
				vals := []string{value}
				if delimiter != "" {
					vals = strings.Split(value, delimiter)
				}
				keep = row.region != nil && slices.Contains(vals, row.region.(string))
			}
			if keep {
				want = append(want, row.id)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("rows %v, want %v (condition %s, args %v)", got, want, cond, b.Args())
		}
	})
}
