package definition

import "testing"

// BenchmarkParseCheck parses and checks the sample definition (3 sheets,
// 10 visuals), as CreateAnalysis does before answering.
func BenchmarkParseCheck(b *testing.B) {
	raw := loadSales(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse(raw)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.Check(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse is the parse alone, as the viewer does for a dashboard.
func BenchmarkParse(b *testing.B) {
	raw := loadSales(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(raw); err != nil {
			b.Fatal(err)
		}
	}
}
