package apimodel

import (
	"regexp"
	"strings"
	"sync"
)

// kind is a shape's type in the model.
type kind uint8

const (
	kStructure kind = iota + 1
	kList
	kMap
	kString
	kInteger
	kLong
	kDouble
	kFloat
	kBoolean
	kTimestamp
	kBlob
)

// Shape flags.
const (
	fMin uint8 = 1 << iota
	fMax
	fUnion
	fSensitive
)

// Member flags: required, and where an input member travels.
const (
	mRequired uint8 = 1 << iota
	mURI
	mQuery
	mHeader
	mStatusCode
)

// shape is one model shape. Lists use elem; maps use key and elem;
// structures use members[m0:m1].
type shape struct {
	n         string
	k         kind
	f         uint8
	min, max  float64
	pat, enum int // 1-based indices into patterns and enums; 0 is none
	elem, key int
	m0, m1    int
}

// member is one structure member; loc is its URI label or query name when
// that differs from the member name.
type member struct {
	n   string
	s   int
	f   uint8
	loc string
}

func (m *member) location() string {
	if m.loc != "" {
		return m.loc
	}
	return m.n
}

// Operation is one operation of the model and its HTTP binding.
type Operation struct {
	Name         string
	Method       string
	URI          string // request URI template, e.g. /accounts/{AwsAccountId}/analyses/{AnalysisId}
	Code         int    // success status: the declared responseCode, else restJson's default 200
	CodeDeclared bool   // whether the model declares Code
	input        int    // input shape, -1 if none
}

// Operations returns every operation of the model, sorted by name.
func Operations() []Operation { return operations[:] }

// FindOperation returns the named operation.
func FindOperation(name string) (Operation, bool) {
	i, ok := opIndex()[name]
	if !ok {
		return Operation{}, false
	}
	return operations[i], true
}

var opIndex = sync.OnceValue(func() map[string]int {
	m := make(map[string]int, len(operations))
	for i := range operations {
		m[operations[i].Name] = i
	}
	return m
})

var shapeIndex = sync.OnceValue(func() map[string]int {
	m := make(map[string]int, len(shapes))
	for i := range shapes {
		m[shapes[i].n] = i
	}
	return m
})

// compiled holds each pattern compiled once, on first use. A pattern Go's
// regexp cannot express (look-around) compiles to nil and is not enforced.
var compiled [len(patterns)]struct {
	once sync.Once
	m    stringMatcher
}

// pattern returns the compiled pattern i (1-based), or nil: a class
// matcher where one is equivalent (classmatch.go), else the regexp.
func pattern(i int) stringMatcher {
	c := &compiled[i-1]
	c.once.Do(func() {
		re := compilePattern(patterns[i-1])
		if re == nil {
			return
		}
		if cm := classMatcherOf(re); cm != nil {
			c.m = cm
			return
		}
		c.m = re
	})
	return c.m
}

// patternOverrides are model patterns QuickSight applies more loosely
// than written. A conditional-formatting icon (UnicodeIcon, "one character
// above U+00FF") is accepted with an emoji presentation selector after it:
// "⚠️" is U+26A0 U+FE0F, as the icon pickers write it and as public
// definitions deployed through the API carry it (the Cloud Intelligence
// Dashboards' row-level-security dashboard, e2e/testdata/realdefs).
var patternOverrides = map[string]string{
	`^[^\u0000-\u00FF]$`: `^[^\u0000-\u00FF][\uFE0E\uFE0F]?$`,
}

var (
	reUnicodeEscape = regexp.MustCompile(`\\u([0-9A-Fa-f]{4})`)
	reLargeRepeat   = regexp.MustCompile(`\{(\d+),\d{4,}\}`)
)

// compilePattern turns a model pattern (Java syntax, matched against the
// whole value) into a Go regexp, or nil if Go cannot express it.
func compilePattern(p string) *regexp.Regexp {
	if o, ok := patternOverrides[p]; ok {
		p = o
	}
	if strings.Contains(p, "(?=") || strings.Contains(p, "(?!") || strings.Contains(p, "(?<") {
		return nil
	}
	p = reUnicodeEscape.ReplaceAllString(p, `\x{$1}`)
	// Go bounds a repetition at 1000; a larger bound ({1,2048}) becomes
	// unbounded, which the shape's length constraint bounds anyway.
	p = reLargeRepeat.ReplaceAllString(p, `{$1,}`)
	re, err := regexp.Compile(`^(?:` + p + `)$`)
	if err != nil {
		return nil
	}
	return re
}
