package e2e

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// sampleCountryCodes are the ISO 3166-1 alpha-2 codes of the sample's
// countries.
var sampleCountryCodes = map[string]string{"United States": "US", "Canada": "CA", "Mexico": "MX", "Germany": "DE", "United Kingdom": "GB",
	"France": "FR", "Spain": "ES", "Italy": "IT", "Netherlands": "NL", "Japan": "JP", "Australia": "AU", "India": "IN", "South Korea": "KR",
	"Singapore": "SG", "Brazil": "BR", "Argentina": "AR", "Colombia": "CO", "Chile": "CL"}

// citiesIn reads the places file the build writes (GeoNames' cities):
// the positions of the cities of a name in a country, by "name|code".
func citiesIn(t *testing.T) map[string][][2]float64 {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "web", "dist", "geo-cities.tsv"))
	if err != nil {
		t.Fatalf("the places are not built (make web): %v", err)
	}
	defer f.Close()
	out := map[string][][2]float64{}
	s := bufio.NewScanner(f)
	for s.Scan() {
		c := strings.Split(s.Text(), "\t")
		lon, _ := strconv.ParseFloat(c[3], 64)
		lat, _ := strconv.ParseFloat(c[4], 64)
		k := strings.ToLower(c[0]) + "|" + c[1]
		out[k] = append(out[k], [2]float64{lon, lat})
	}
	return out
}

// TestViewerCityPoints draws a points map of revenue by city through the
// SDK, the dataset's COUNTRY column telling cities of one name apart:
// each city of the sample that one GeoNames city of its name has in its
// country is a point there with SQL's revenue; the others are named on
// the tile (New York is "New York City" to GeoNames; Austin names
// several cities of the United States), never guessed.
func TestViewerCityPoints(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	// New York is New York City to GeoNames, and Austin names several
	// cities of the United States: preferences place them.
	prefs := []types.GeocodePreference{
		{RequestKey: &types.GeocoderHierarchy{City: aws.String("New York"), Country: aws.String("United States")},
			Preference: &types.GeocodePreferenceValueMemberGeocoderHierarchy{Value: types.GeocoderHierarchy{City: aws.String("New York City")}}},
		{RequestKey: &types.GeocoderHierarchy{City: aws.String("Austin"), Country: aws.String("US")},
			Preference: &types.GeocodePreferenceValueMemberCoordinate{Value: types.Coordinate{Latitude: aws.Float64(30.26715), Longitude: aws.Float64(-97.74306)}}},
	}
	body := mapsDashboardWith(t, ts, func(d *types.DashboardVersionDefinition) {
		for _, v := range d.Sheets[0].Visuals {
			if m := v.GeospatialMapVisual; m != nil && aws.ToString(m.VisualId) == "prefs" {
				m.GeocodingPreferences = prefs
			}
			// Singapore has no shape at 1:110m: shaded as Malaysia.
			if m := v.FilledMapVisual; m != nil && aws.ToString(m.VisualId) == "filled-prefs" {
				m.GeocodingPreferences = []types.GeocodePreference{{RequestKey: &types.GeocoderHierarchy{Country: aws.String("Singapore")},
					Preference: &types.GeocodePreferenceValueMemberGeocoderHierarchy{Value: types.GeocoderHierarchy{Country: aws.String("MYS")}}}}
			}
		}
	},
		`{"FilledMapVisual": {"VisualId": "filled-prefs", "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {"Geospatial": [`+geoField("CategoricalDimensionField", "fc", "country")+`], "Values": [`+geoSum("frev", "revenue")+`]}}}}}`,
		`{"GeospatialMapVisual": {"VisualId": "cities", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [`+geoField("CategoricalDimensionField", "cp", "city")+`], "Values": [`+geoSum("rev", "revenue")+`]}}}}}`,
		`{"GeospatialMapVisual": {"VisualId": "prefs", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [`+geoField("CategoricalDimensionField", "pp", "city")+`], "Values": [`+geoSum("prev", "revenue")+`]}}}}}`,
		`{"GeospatialMapVisual": {"VisualId": "zips", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [`+geoField("CategoricalDimensionField", "zp", "zip")+`], "Values": [`+geoSum("zrev", "revenue")+`]}}}}}`)
	t.Run("zip", func(t *testing.T) { zipPoints(t, ts, body) })
	t.Run("preferences", func(t *testing.T) { preferredPoints(t, ts, body) })
	t.Run("filled preferences", func(t *testing.T) {
		// Malaysia's region carries Singapore's revenue; the note names
		// no country.
		rev := sqlRows(t, ts, "SELECT round(sum(revenue), 2) FROM orders WHERE country = 'Singapore'")[0][0]
		var got any
		for _, d := range rawChart(t, body, "filled-prefs")["series"].([]any)[0].(map[string]any)["data"].([]any) {
			if d := d.(map[string]any); d["name"] == "Malaysia" {
				got = d["value"]
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(rev) {
			t.Errorf("Malaysia %v, want Singapore's %v", got, rev)
		}
		if note := tileNote(t, body, "filled-prefs"); note != "" {
			t.Errorf("note %q", note)
		}
	})
	places := citiesIn(t)
	o := rawChart(t, body, "cities")
	var got []string
	for _, s := range o["series"].([]any) {
		for _, d := range s.(map[string]any)["data"].([]any) {
			d := d.(map[string]any)
			v := d["value"].([]any)
			got = append(got, fmt.Sprint(d["name"], v))
		}
	}
	var want, missed, ambiguous []string
	rows := sqlRows(t, ts, "SELECT city, country, round(sum(revenue), 2) FROM orders GROUP BY 1, 2 ORDER BY 1, 2")
	for _, r := range rows {
		name := fmt.Sprintf("%s (%s)", r[0], r[1])
		switch at := places[strings.ToLower(r[0].(string))+"|"+sampleCountryCodes[r[1].(string)]]; len(at) {
		case 0:
			missed = append(missed, name)
		case 1:
			want = append(want, fmt.Sprint(name, []any{at[0][0], at[0][1], r[2]}))
		default:
			ambiguous = append(ambiguous, name)
		}
	}
	if len(want) < 20 || len(missed) == 0 || len(ambiguous) == 0 || len(missed) > 5 || len(ambiguous) > 5 {
		t.Fatalf("%d cities placed, %d unmatched and %d ambiguous: the sample changed", len(want), len(missed), len(ambiguous))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("points\n got %v\nwant %v", got, want)
	}
	wantNote := fmt.Sprintf("%d of %d values matched no city: %s. %d of %d values name more than one city (give the dataset one column with the COUNTRY role and one with the STATE role): %s.",
		len(missed), len(rows), strings.Join(missed, ", "), len(ambiguous), len(rows), strings.Join(ambiguous, ", "))
	if note := tileNote(t, body, "cities"); note != wantNote {
		t.Errorf("note\n got %q\nwant %q", note, wantNote)
	}
}

// zipPoints checks the points map by ZIP code: the US cities' ZIP codes
// at the Census centers of the places file, with SQL's revenue; Berlin's
// postcode (its country is Germany) and the rows without one are counted
// in the note.
func zipPoints(t *testing.T, ts *testServer, body string) {
	b, err := os.ReadFile(filepath.Join("..", "web", "dist", "geo-us-zips.tsv"))
	must(t, err)
	centers := map[string][2]float64{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		c := strings.Split(line, "\t")
		lon, _ := strconv.ParseFloat(c[1], 64)
		lat, _ := strconv.ParseFloat(c[2], 64)
		centers[c[0]] = [2]float64{lon, lat}
	}
	o := rawChart(t, body, "zips")
	var got, want []string
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		d := d.(map[string]any)
		got = append(got, fmt.Sprint(d["name"], d["value"]))
	}
	rows := sqlRows(t, ts, "SELECT "+zipSQL+" AS zip, country, round(sum(revenue), 2) FROM orders GROUP BY 1, 2 ORDER BY 1, 2")
	unmatched := 0
	for _, r := range rows {
		if r[0] == nil || r[1] != "United States" {
			unmatched++
			continue
		}
		at := centers[r[0].(string)]
		want = append(want, fmt.Sprint(fmt.Sprintf("%s (%s)", r[0], r[1]), []any{at[0], at[1], r[2]}))
	}
	if len(want) != 3 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ZIP points\n got %v\nwant %v", got, want)
	}
	if note := tileNote(t, body, "zips"); !strings.HasPrefix(note, fmt.Sprintf("%d of %d values matched no US ZIP code: ", unmatched, len(rows))) {
		t.Errorf("ZIP note %q", note)
	}
}

// preferredPoints checks the points map by city with GeocodingPreferences:
// New York geocoded as New York City and Austin at the preference's
// coordinate, each with SQL's revenue, and neither named on the tile any
// more.
func preferredPoints(t *testing.T, ts *testServer, body string) {
	nyc := citiesIn(t)["new york city|US"]
	if len(nyc) != 1 {
		t.Fatalf("New York City: %v", nyc)
	}
	o := rawChart(t, body, "prefs")
	got := map[string]string{}
	for _, d := range o["series"].([]any)[0].(map[string]any)["data"].([]any) {
		d := d.(map[string]any)
		got[d["name"].(string)] = fmt.Sprint(d["value"])
	}
	for city, at := range map[string][2]float64{"New York": nyc[0], "Austin": {-97.74306, 30.26715}} {
		rev := sqlRows(t, ts, "SELECT round(sum(revenue), 2) FROM orders WHERE city = '"+city+"'")[0][0]
		if want := fmt.Sprint([]any{at[0], at[1], rev}); got[city+" (United States)"] != want {
			t.Errorf("%s: %v, want %v", city, got[city+" (United States)"], want)
		}
	}
	if note := tileNote(t, body, "prefs"); strings.Contains(note, "New York") || strings.Contains(note, "Austin") {
		t.Errorf("note %q names a preferred city", note)
	}
}
