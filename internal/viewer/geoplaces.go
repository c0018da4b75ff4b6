package viewer

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	"github.com/sightglass/sightglass/web"
)

// Places a points map geocodes by name: cities (GeoNames' of 1,000 people
// or more) and US ZIP codes, from files the build writes into the assets
// (web/scripts/geo.mjs) that only the server reads, each read once, the
// first time a map places a row by it.

// city is one city of the places file.
type city struct {
	country  string // ISO 3166-1 alpha-2
	admin    string // GeoNames admin-1 code: a US state's USPS code
	lon, lat float64
}

// cityIndex is the cities by their lower-case name.
var cityIndex = sync.OnceValue(loadCities)

// loadCities reads the cities file (nil without one).
func loadCities() map[string][]city {
	b, err := fs.ReadFile(web.Dist, "dist/geo-cities.tsv")
	if err != nil {
		return nil
	}
	out := make(map[string][]city, bytes.Count(b, []byte{'\n'}))
	var f [5]string
	eachLine(b, func(line string) {
		if !splitTabs(line, f[:]) {
			return
		}
		lon, err1 := strconv.ParseFloat(f[3], 64)
		lat, err2 := strconv.ParseFloat(f[4], 64)
		if err1 != nil || err2 != nil {
			return
		}
		k := strings.ToLower(f[0])
		out[k] = append(out[k], city{country: f[1], admin: f[2], lon: lon, lat: lat})
	})
	return out
}

// zipIndex is the US ZIP codes' centers ([longitude, latitude]).
var zipIndex = sync.OnceValue(func() map[string][2]float64 {
	b, err := fs.ReadFile(web.Dist, "dist/geo-us-zips.tsv")
	if err != nil {
		return nil
	}
	out := make(map[string][2]float64, bytes.Count(b, []byte{'\n'}))
	var f [3]string
	eachLine(b, func(line string) {
		if !splitTabs(line, f[:]) {
			return
		}
		lon, err1 := strconv.ParseFloat(f[1], 64)
		lat, err2 := strconv.ParseFloat(f[2], 64)
		if err1 == nil && err2 == nil {
			out[f[0]] = [2]float64{lon, lat}
		}
	})
	return out
})

// countryCodes is every country's ISO 3166-1 alpha-2 code by its
// lower-case English names and codes.
var countryCodes = sync.OnceValue(func() map[string]string {
	b, err := fs.ReadFile(web.Dist, "dist/geo-country-codes.json")
	var out map[string]string
	if err != nil || json.Unmarshal(b, &out) != nil {
		return nil
	}
	return out
})

// countryCode is the alpha-2 code of the country a value names ("" for
// none).
func countryCode(v string) string {
	return countryCodes()[strings.ToLower(strings.TrimSpace(v))]
}

// eachLine calls f with each line of b (slices of one copy of it).
func eachLine(b []byte, f func(string)) {
	s := string(b)
	for len(s) > 0 {
		line, rest, _ := strings.Cut(s, "\n")
		f(line)
		s = rest
	}
}

// splitTabs fills f with the tab-separated fields of line, false unless
// it has exactly len(f).
func splitTabs(line string, f []string) bool {
	for i := range f {
		var ok bool
		if i == len(f)-1 {
			f[i] = line
			return !strings.Contains(line, "\t")
		}
		if f[i], line, ok = strings.Cut(line, "\t"); !ok {
			return false
		}
	}
	return true
}

// zipKey is the five-digit ZIP code a value names: a text of five digits
// (with an optional "-1234" suffix), or a whole number below 100,000 (a
// numeric column has lost the leading zeros); false for anything else.
func zipKey(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		s := strings.TrimSpace(v)
		if len(s) == 10 && s[5] == '-' {
			s = s[:5]
		}
		if len(s) != 5 {
			return "", false
		}
		for _, c := range s {
			if c < '0' || c > '9' {
				return "", false
			}
		}
		return s, true
	}
	if n, ok := number(v); ok && n >= 0 && n < 100000 && n == float64(int64(n)) {
		s := strconv.FormatInt(int64(n), 10)
		return strings.Repeat("0", 5-len(s)) + s, true
	}
	return "", false
}
