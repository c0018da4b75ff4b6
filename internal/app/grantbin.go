package app

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
)

// The grant's stored form.
//
// Every embed URL stores one grant in the single-use item keyed by its
// code, written (and group-committed through the WAL) on the mint's hot
// path, so its size counts: the grant is stored in a compact binary form,
// about two thirds of its JSON. appendBinary writes it; decodeGrant reads
// it back exactly (FuzzGrantBinary holds the two to a round trip), and
// still reads the JSON that earlier builds stored (a code lives 5
// minutes, across an upgrade).
//
// The form: the version byte grantBinaryV1 (JSON begins with '{'), a
// flags byte, then the account, namespace, user name and principal id as
// strings (a uvarint length and the bytes); the embed id as its 16 bytes
// when it is 32 lowercase hex digits (flagHexEmbedID), else as a string;
// the entry point as a string; the lifetime as a varint; then, each when
// its flag says so, the domains, the dashboards (a uvarint count and the
// strings) and the tags (a count and key, value strings in key order).

const grantBinaryV1 = 1

// Flags of the binary grant.
const (
	flagExperienceOnly = 1 << iota
	flagHexEmbedID
	flagDomains
	flagDashboards
	flagTags
	flagsKnown = flagExperienceOnly | flagHexEmbedID | flagDomains | flagDashboards | flagTags
)

// errGrantForm is a stored grant that does not decode.
var errGrantForm = errors.New("malformed grant")

// appendBinary appends the grant's binary form to b.
func (g *embedGrant) appendBinary(b []byte) []byte {
	var flags byte
	if g.ExperienceOnly {
		flags |= flagExperienceOnly
	}
	hexID := isLowerHex32(g.EmbedID)
	if hexID {
		flags |= flagHexEmbedID
	}
	if len(g.Domains) > 0 {
		flags |= flagDomains
	}
	if len(g.Dashboards) > 0 {
		flags |= flagDashboards
	}
	if len(g.Tags) > 0 {
		flags |= flagTags
	}
	b = append(b, grantBinaryV1, flags)
	b = appendBinString(b, g.AccountID)
	b = appendBinString(b, g.Namespace)
	b = appendBinString(b, g.UserName)
	b = appendBinString(b, g.PrincipalID)
	if hexID {
		b, _ = hex.AppendDecode(b, []byte(g.EmbedID))
	} else {
		b = appendBinString(b, g.EmbedID)
	}
	b = appendBinString(b, g.EntryPoint)
	b = binary.AppendVarint(b, g.Lifetime)
	if flags&flagDomains != 0 {
		b = appendBinStrings(b, g.Domains)
	}
	if flags&flagDashboards != 0 {
		b = appendBinStrings(b, g.Dashboards)
	}
	if flags&flagTags != 0 {
		var keys [8]string
		sorted := keys[:0]
		for k := range g.Tags {
			sorted = append(sorted, k)
		}
		slices.Sort(sorted)
		b = binary.AppendUvarint(b, uint64(len(sorted)))
		for _, k := range sorted {
			b = appendBinString(b, k)
			b = appendBinString(b, g.Tags[k])
		}
	}
	return b
}

// grantBinarySize is a first guess at the length of a grant's binary form.
func (g *embedGrant) grantBinarySize() int {
	n := 32 + len(g.AccountID) + len(g.Namespace) + len(g.UserName) + len(g.PrincipalID) + len(g.EmbedID) + len(g.EntryPoint)
	for _, s := range g.Domains {
		n += len(s) + 2
	}
	for _, s := range g.Dashboards {
		n += len(s) + 2
	}
	for k, v := range g.Tags {
		n += len(k) + len(v) + 4
	}
	return n
}

// decodeGrant reads a stored grant: the binary form, or the JSON of
// earlier builds.
func decodeGrant(p []byte, g *embedGrant) error {
	*g = embedGrant{}
	if len(p) > 0 && p[0] == '{' {
		return json.Unmarshal(p, g)
	}
	d := grantDecoder{b: p}
	if d.byte() != grantBinaryV1 {
		return errGrantForm
	}
	flags := d.byte()
	if flags&^flagsKnown != 0 {
		return errGrantForm
	}
	g.ExperienceOnly = flags&flagExperienceOnly != 0
	g.AccountID = d.string()
	g.Namespace = d.string()
	g.UserName = d.string()
	g.PrincipalID = d.string()
	if flags&flagHexEmbedID != 0 {
		g.EmbedID = hex.EncodeToString(d.bytes(16))
	} else if g.EmbedID = d.string(); isLowerHex32(g.EmbedID) {
		d.bad = true // one form per grant: such an id is written as bytes
	}
	g.EntryPoint = d.string()
	g.Lifetime = d.varint()
	if flags&flagDomains != 0 {
		g.Domains = d.strings()
	}
	if flags&flagDashboards != 0 {
		g.Dashboards = d.strings()
	}
	if flags&flagTags != 0 {
		var prev string
		n := d.count(2)
		if n == 0 {
			d.bad = true // written only when there are tags
		}
		g.Tags = make(map[string]string, n)
		for i := range n {
			k := d.string()
			if i > 0 && k <= prev {
				d.bad = true // keys in order, each once
			}
			g.Tags[k], prev = d.string(), k
		}
	}
	if d.bad || len(d.b) > 0 {
		*g = embedGrant{}
		return errGrantForm
	}
	return nil
}

// isLowerHex32 reports whether s is 32 lowercase hex digits, the form of
// the embed ids issueGrant makes.
func isLowerHex32(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func appendBinString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBinStrings(b []byte, ss []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		b = appendBinString(b, s)
	}
	return b
}

// grantDecoder reads a binary grant, in the one form appendBinary writes
// (minimal varints, no empty list under its flag); past the first fault
// it reads zero values and sets bad.
type grantDecoder struct {
	b   []byte
	bad bool
}

func (d *grantDecoder) byte() byte {
	if d.bad || len(d.b) == 0 {
		d.bad = true
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *grantDecoder) bytes(n int) []byte {
	if d.bad || n > len(d.b) {
		d.bad = true
		return nil
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

func (d *grantDecoder) uvarint() uint64 {
	if d.bad {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 || (n > 1 && d.b[n-1] == 0) { // cut short, too long, or not minimal
		d.bad = true
		return 0
	}
	d.b = d.b[n:]
	return v
}

// varint reads binary.AppendVarint's form: a zig-zag uvarint.
func (d *grantDecoder) varint() int64 {
	ux := d.uvarint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

// count reads a count of items each at least minSize bytes long: never
// more than the bytes left can hold, so a forged count allocates nothing.
func (d *grantDecoder) count(minSize int) int {
	n := d.uvarint()
	if n > uint64(len(d.b)/minSize) {
		d.bad = true
		return 0
	}
	return int(n)
}

func (d *grantDecoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.bad = true
		return ""
	}
	return string(d.bytes(int(n)))
}

func (d *grantDecoder) strings() []string {
	n := d.count(1)
	if n == 0 {
		d.bad = true // a list is written only when it has members
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.string()
	}
	return ss
}
