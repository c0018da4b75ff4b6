package apimodel

import (
	"net/url"
	"testing"
)

// walkNoBody is the walker's answer to a request without a body.
func walkNoBody(input int, labels map[string]string, query url.Values) error {
	w := &walker{}
	if err := w.input(input, labels, query, map[string]any{}); err != nil {
		return err
	}
	return w.result()
}

// noBodyRequest builds the labels and query of a request to operation
// o: the i-th URI or query member is given when bit i of mask is set,
// with values[i%len(values)] (a list member with that value and the
// next).
func noBodyRequest(o Operation, mask uint64, values []string) (map[string]string, url.Values) {
	labels, query := map[string]string{}, url.Values{}
	s := &shapes[o.input]
	i := 0
	for mi := s.m0; mi < s.m1; mi++ {
		m := &members[mi]
		if m.f&(mURI|mQuery) == 0 {
			continue
		}
		v := values[i%len(values)]
		give := mask&(1<<(i%64)) != 0
		i++
		if !give {
			continue
		}
		switch {
		case m.f&mURI != 0:
			labels[m.location()] = v
		case shapes[m.s].k == kList:
			query[m.location()] = []string{v, values[i%len(values)]}
		default:
			query.Add(m.location(), v)
		}
	}
	return labels, query
}

// checkNoBody holds noBodyOK to the walker: where it says a request
// passes, the walker finds nothing.
func checkNoBody(t *testing.T, o Operation, labels map[string]string, query url.Values) bool {
	t.Helper()
	if !noBodyOK(o.input, labels, query) {
		return false
	}
	if err := walkNoBody(o.input, labels, query); err != nil {
		t.Fatalf("%s %v %v: noBodyOK passed what the walker refuses: %v", o.Name, labels, query, err)
	}
	return true
}

var noBodyValues = []string{"123456789012", "sample-sales-dashboard", "QUICKSIGHT", "true", "15", "default",
	"arn:aws:quicksight:us-east-1:123456789012:user/default/admin", "", "a b", "601", "-1", "99999999999", "false", "1.5", "x/y"}

// TestNoBodyAgrees: over every operation and many requests, noBodyOK
// passes only what the walker passes, and passes the common embed GETs.
func TestNoBodyAgrees(t *testing.T) {
	passed := 0
	for _, o := range Operations() {
		if o.input < 0 {
			continue
		}
		for mask := range uint64(64) {
			for shift := range len(noBodyValues) {
				vals := append(noBodyValues[shift:len(noBodyValues):len(noBodyValues)], noBodyValues[:shift]...)
				labels, query := noBodyRequest(o, mask*0x9E3779B9, vals)
				if checkNoBody(t, o, labels, query) {
					passed++
				}
			}
		}
	}
	if passed < 1000 {
		t.Errorf("noBodyOK passed %d requests; expected the many valid ones", passed)
	}
	user := "arn:aws:quicksight:us-east-1:123456789012:user/default/admin"
	for _, c := range []struct {
		op     string
		labels map[string]string
		query  url.Values
		ok     bool
	}{
		{"GetDashboardEmbedUrl", map[string]string{"AwsAccountId": "123456789012", "DashboardId": "d1"}, url.Values{"creds-type": {"QUICKSIGHT"}, "user-arn": {user}}, true},
		{"GetDashboardEmbedUrl", map[string]string{"AwsAccountId": "123456789012", "DashboardId": "d1"}, url.Values{"creds-type": {"QUICKSIGHT"}, "session-lifetime": {"60"}, "undo-redo-disabled": {"true"}, "additional-dashboard-ids": {"d2", "d3"}}, true},
		{"GetDashboardEmbedUrl", map[string]string{"AwsAccountId": "123456789012", "DashboardId": "d1"}, url.Values{"creds-type": {"NOPE"}}, false},
		{"GetDashboardEmbedUrl", map[string]string{"AwsAccountId": "123456789012", "DashboardId": "d1"}, url.Values{}, false},
		{"GetDashboardEmbedUrl", map[string]string{"AwsAccountId": "123456789012", "DashboardId": "d1"}, url.Values{"creds-type": {"QUICKSIGHT"}, "session-lifetime": {"601"}}, false},
		{"GetDashboardEmbedUrl", map[string]string{"AwsAccountId": "123456789012", "DashboardId": "d1"}, url.Values{"creds-type": {"QUICKSIGHT"}, "reset-disabled": {"yes"}}, false},
		{"GetDashboardEmbedUrl", map[string]string{"AwsAccountId": "123456789012", "DashboardId": "d1"}, url.Values{"creds-type": {"QUICKSIGHT"}, "namespace": {}}, false},
		{"GetSessionEmbedUrl", map[string]string{"AwsAccountId": "123456789012"}, url.Values{"user-arn": {user}}, true},
		{"GetSessionEmbedUrl", map[string]string{"AwsAccountId": "123456789012"}, url.Values{"entry-point": {""}}, false},
		{"GetSessionEmbedUrl", map[string]string{"AwsAccountId": "12345678901"}, nil, false},
		{"GetSessionEmbedUrl", map[string]string{}, nil, false},
		{"GenerateEmbedUrlForAnonymousUser", map[string]string{"AwsAccountId": "123456789012"}, nil, false},
	} {
		o, _ := FindOperation(c.op)
		if got := checkNoBody(t, o, c.labels, c.query); got != c.ok {
			t.Errorf("%s %v %v: noBodyOK %v, want %v (walker: %v)", c.op, c.labels, c.query, got, c.ok, walkNoBody(o.input, c.labels, c.query))
		}
	}
}

// FuzzNoBodyCheck: for any operation and any label and query values,
// noBodyOK passes only what the walker passes.
func FuzzNoBodyCheck(f *testing.F) {
	f.Add(uint16(0), uint64(0xff), "123456789012", "QUICKSIGHT", "d1")
	f.Add(uint16(1), uint64(0x3), "true", "60", "")
	f.Add(uint16(7), uint64(0x7), "-0", "+15", "0x10")
	ops := Operations()
	f.Fuzz(func(t *testing.T, op uint16, mask uint64, a, b, c string) {
		o := ops[int(op)%len(ops)]
		if o.input < 0 {
			return
		}
		labels, query := noBodyRequest(o, mask, []string{a, b, c})
		checkNoBody(t, o, labels, query)
	})
}

// BenchmarkNoBodyCheck checks GetDashboardEmbedUrl's labels and query:
// noBodyOK against the walker, alternating.
func BenchmarkNoBodyCheck(b *testing.B) {
	o, _ := FindOperation("GetDashboardEmbedUrl")
	labels := map[string]string{"AwsAccountId": "123456789012", "DashboardId": "sample-sales-dashboard"}
	query := url.Values{"creds-type": {"QUICKSIGHT"}, "user-arn": {"arn:aws:quicksight:us-east-1:123456789012:user/default/admin"}}
	for _, name := range []string{"noBodyOK", "walker", "noBodyOK", "walker"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if name == "walker" {
					if err := walkNoBody(o.input, labels, query); err != nil {
						b.Fatal(err)
					}
				} else if !noBodyOK(o.input, labels, query) {
					b.Fatal("refused")
				}
			}
		})
	}
}
