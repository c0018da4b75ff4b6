package apimodel

import (
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
)

// BenchmarkValidateDefinition checks the sample definition (3 sheets, 10
// visuals) against the model, as CreateAnalysis does before answering.
func BenchmarkValidateDefinition(b *testing.B) {
	raw := sample(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if err := ValidateJSON("AnalysisDefinition", "definition", raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseCheckDefinition is the existing structural check of the
// same definition (internal/definition), for comparison.
func BenchmarkParseCheckDefinition(b *testing.B) {
	raw := sample(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := definition.Parse(raw)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.Check(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateRequestSmall is the check of a small request
// (GetSessionEmbedUrl's labels and query), the hot path's cost.
func BenchmarkValidateRequestSmall(b *testing.B) {
	labels := map[string]string{"AwsAccountId": "123456789012"}
	q := map[string][]string{"entry-point": {"/start"}, "session-lifetime": {"600"}, "user-arn": {"arn:aws:quicksight:us-east-1:123456789012:user/default/admin"}}
	b.ReportAllocs()
	for b.Loop() {
		if err := ValidateRequest("GetSessionEmbedUrl", labels, q, nil); err != nil {
			b.Fatal(err)
		}
	}
}
