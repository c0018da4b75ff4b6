package app

import (
	"slices"
	"strconv"

	"github.com/sightglass/sightglass/internal/jsonstr"
)

// The grant's JSON.
//
// Every embed URL stores one grant, so its encoding is on the mint's hot
// path. appendJSON writes exactly what json.Marshal writes for an
// embedGrant (FuzzGrantJSON holds it to that, byte for byte) without
// reflection and without json.Marshal's sorting of the tag map through
// reflect values. Redemption decodes it with encoding/json as before.

// appendJSON appends the grant's JSON to b.
func (g *embedGrant) appendJSON(b []byte) []byte {
	b = append(b, `{"a":`...)
	b = jsonstr.Append(b, g.AccountID)
	b = append(b, `,"n":`...)
	b = jsonstr.Append(b, g.Namespace)
	b = append(b, `,"u":`...)
	b = jsonstr.Append(b, g.UserName)
	b = append(b, `,"p":`...)
	b = jsonstr.Append(b, g.PrincipalID)
	b = append(b, `,"s":`...)
	b = jsonstr.Append(b, g.EmbedID)
	b = append(b, `,"e":`...)
	b = jsonstr.Append(b, g.EntryPoint)
	b = append(b, `,"l":`...)
	b = strconv.AppendInt(b, g.Lifetime, 10)
	if len(g.Domains) > 0 {
		b = append(b, `,"d":`...)
		b = appendJSONStrings(b, g.Domains)
	}
	if g.ExperienceOnly {
		b = append(b, `,"x":true`...)
	}
	if len(g.Dashboards) > 0 {
		b = append(b, `,"ds":`...)
		b = appendJSONStrings(b, g.Dashboards)
	}
	if len(g.Tags) > 0 {
		b = append(b, `,"t":{`...)
		var keys [8]string
		sorted := keys[:0]
		for k := range g.Tags {
			sorted = append(sorted, k)
		}
		slices.Sort(sorted)
		for i, k := range sorted {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonstr.Append(b, k)
			b = append(b, ':')
			b = jsonstr.Append(b, g.Tags[k])
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

// grantJSONSize is a first guess at a grant's length: an anonymous grant
// with two dashboards and two tags is about 200 bytes.
func (g *embedGrant) grantJSONSize() int {
	n := 96 + len(g.AccountID) + len(g.Namespace) + len(g.UserName) + len(g.PrincipalID) + len(g.EmbedID) + len(g.EntryPoint)
	for _, s := range g.Domains {
		n += len(s) + 3
	}
	for _, s := range g.Dashboards {
		n += len(s) + 3
	}
	for k, v := range g.Tags {
		n += len(k) + len(v) + 6
	}
	return n
}

// appendJSONStrings appends a JSON array of strings.
func appendJSONStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonstr.Append(b, s)
	}
	return append(b, ']')
}
