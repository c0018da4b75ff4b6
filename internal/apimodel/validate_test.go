package apimodel

import (
	"bytes"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
)

// sample returns the console's sample definition with its dataset ARN
// filled in, as the first start creates it.
func sample(t testing.TB) []byte {
	t.Helper()
	raw, err := os.ReadFile("../app/samples/sales.json")
	if err != nil {
		t.Fatal(err)
	}
	return bytes.ReplaceAll(raw, []byte("{{DATASET_ARN}}"), []byte("arn:aws:quicksight:us-east-1:123456789012:dataset/sales"))
}

func TestSampleDefinitionsValidate(t *testing.T) {
	for _, shape := range []string{"AnalysisDefinition", "DashboardVersionDefinition"} {
		if err := ValidateJSON(shape, "definition", sample(t)); err != nil {
			t.Errorf("%s: %v", shape, err)
		}
	}
	for _, path := range []string{"../definition/testdata/sales.json", "../../e2e/testdata/sales_definition.json"} {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := ValidateJSON("AnalysisDefinition", "definition", raw); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// TestPatternsCompile lists the model's patterns Go cannot express; only
// the look-around ones may be missing (the app checks those by hand).
func TestPatternsCompile(t *testing.T) {
	for i, p := range patterns {
		if pattern(i+1) == nil && !strings.Contains(p, "(?=") && !strings.Contains(p, "(?!") {
			t.Errorf("pattern %q does not compile", p)
		}
	}
}

func wantMessage(t *testing.T, err error, kind Kind, msg string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want an *Error", err)
	}
	if e.Kind != kind || e.Message != msg {
		t.Fatalf("got kind %d %q\nwant kind %d %q", e.Kind, e.Message, kind, msg)
	}
}

func TestValidateRequest(t *testing.T) {
	labels := map[string]string{"AwsAccountId": "123456789012", "DashboardId": "d"}
	q := url.Values{"version-number": {"0"}}
	wantMessage(t, ValidateRequest("DescribeDashboard", labels, q, nil), Validation,
		"1 validation error detected: Value '0' at 'versionNumber' failed to satisfy constraint: Member must have value greater than or equal to 1")
	q = url.Values{"version-number": {"x"}}
	wantMessage(t, ValidateRequest("DescribeDashboard", labels, q, nil), Serialization, "Query member version-number must be an integer, got 'x'.")
	if err := ValidateRequest("DescribeDashboard", labels, url.Values{"version-number": {"3"}, "unknown": {"x"}}, nil); err != nil {
		t.Fatalf("valid request: %v", err)
	}
	// Required body members, a map key, a sensitive value, a union.
	wantMessage(t, ValidateRequest("CreateCustomPermissions", map[string]string{"AwsAccountId": "123456789012"}, nil, []byte(`{}`)), Validation,
		"1 validation error detected: Value null at 'customPermissionsName' failed to satisfy constraint: Member must not be null")
	wantMessage(t, ValidateRequest("CreateDataSet", map[string]string{"AwsAccountId": "123456789012"}, nil,
		[]byte(`{"DataSetId":"d","Name":"n","ImportMode":"SPICE","PhysicalTableMap":{"bad key":{"CustomSql":{"DataSourceArn":"a","Name":"n","SqlQuery":"select 1"}}}}`)), Validation,
		"1 validation error detected: Value '{bad key=com.amazonaws.services.quicksight.model.PhysicalTable@5aea2f6a}' at 'physicalTableMap' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 64, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9a-zA-Z-]*]")
	wantMessage(t, ValidateRequest("CreateDataSource", map[string]string{"AwsAccountId": "123456789012"}, nil,
		[]byte(`{"DataSourceId":"d","Name":"n","Type":"POSTGRESQL","Credentials":{"CredentialPair":{"Username":"u","Password":""}}}`)), Validation,
		"1 validation error detected: Value at 'credentials.credentialPair.password' failed to satisfy constraint: Member must have length greater than or equal to 1")
	wantMessage(t, ValidateRequest("CreateAnalysis", map[string]string{"AwsAccountId": "123456789012", "AnalysisId": "a"}, nil, []byte(`{"Name":"n"} x`)), Serialization,
		"The request body is not a valid JSON object.")
	wantMessage(t, ValidateRequest("CreateAnalysis", map[string]string{"AwsAccountId": "123456789012", "AnalysisId": "a"}, nil, []byte(`{"Name":"n","AnalysisId":"b"}`)), Serialization,
		"Unknown member 'AnalysisId': CreateAnalysisRequest has no such member.")
}

func TestUnion(t *testing.T) {
	// ImageSource is a union: exactly one of its members.
	wantMessage(t, ValidateJSON("ImageSource", "source", []byte(`{}`)), Validation,
		"1 validation error detected: Value 'com.amazonaws.services.quicksight.model.ImageSource@1bcf29d8' at 'source' failed to satisfy constraint: Member must have exactly one of its members set")
	if err := ValidateJSON("ImageSource", "source", []byte(`{"PublicUrl":"https://example.com/a.png"}`)); err != nil {
		t.Fatal(err)
	}
}

func TestIntegerBounds(t *testing.T) {
	wantMessage(t, ValidateJSON("GridLayoutElement", "e", []byte(`{"ElementId":"e","ElementType":"VISUAL","ColumnSpan":3000000000,"RowSpan":1}`)), Serialization,
		"Value at 'e.columnSpan' must be an integer, not a JSON number.")
	wantMessage(t, ValidateJSON("GridLayoutElement", "e", []byte(`{"ElementId":"e","ElementType":"VISUAL","ColumnSpan":1.5,"RowSpan":1}`)), Serialization,
		"Value at 'e.columnSpan' must be an integer, not a JSON number.")
}

func TestOperationsTable(t *testing.T) {
	if len(Operations()) != 232 {
		t.Fatalf("%d operations, want the model's 232", len(Operations()))
	}
	o, ok := FindOperation("UpdateDashboard")
	if !ok || o.Method != "PUT" || o.URI != "/accounts/{AwsAccountId}/dashboards/{DashboardId}" || o.Code != 200 || o.CodeDeclared {
		t.Fatalf("UpdateDashboard = %+v", o)
	}
	if o, _ := FindOperation("CreateBrand"); !o.CodeDeclared || o.Code != 200 {
		t.Fatalf("CreateBrand = %+v", o)
	}
}

// A conditional-formatting icon is one character above U+00FF, optionally
// followed by an emoji presentation selector ("⚠️", as public definitions
// carry it); two characters, or a Latin-1 one, are refused.
func TestUnicodeIconPattern(t *testing.T) {
	re := pattern(15)
	if patterns[14] != `^[^\u0000-\u00FF]$` || re == nil {
		t.Fatalf("pattern 15 is %q", patterns[14])
	}
	for v, want := range map[string]bool{"\u26A0": true, "\u26A0\uFE0F": true, "\u2705\uFE0E": true, "a": false, "é": false,
		"\u26A0\u26A0": false, "\u26A0\uFE0F\uFE0F": false, "": false, "\uFE0F": true} {
		if got := re.MatchString(v); got != want {
			t.Errorf("%q: match %v, want %v", v, got, want)
		}
	}
}
