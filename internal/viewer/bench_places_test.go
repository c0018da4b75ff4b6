package viewer

import "testing"

// BenchmarkLoadCities times reading the cities file into the index, which
// the server does once, the first time a map places a row by city.
func BenchmarkLoadCities(b *testing.B) {
	for b.Loop() {
		if loadCities() == nil {
			b.Fatal("no cities: run make web")
		}
	}
}
