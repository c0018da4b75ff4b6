package awsapi

import (
	"net/http"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/apimodel"
)

// observedCodes are the success statuses where the real service is
// recorded answering other than the model's code (restJson's default 200,
// none of these declares one): public recordings show "Status": 202 with
// CREATION_IN_PROGRESS for the asynchronous creates (see the wire contract,
// section 1.4). Every other operation answers the model's code.
var observedCodes = map[string]int{
	"CreateAnalysis":   http.StatusAccepted,
	"CreateDashboard":  http.StatusAccepted,
	"CreateDataSource": http.StatusAccepted,
}

// TestRoutesMatchModel checks every route against the service model: the
// operation exists, with the same method, URI template and success code.
func TestRoutesMatchModel(t *testing.T) {
	ops := (&Server{}).operations()
	if len(ops) == 0 {
		t.Fatal("no operations")
	}
	for _, o := range ops {
		m, ok := apimodel.FindOperation(o.Name)
		if !ok {
			t.Errorf("%s: not an operation of the model", o.Name)
			continue
		}
		uri, _, _ := strings.Cut(m.URI, "?")
		if o.Method != m.Method || o.Template != uri {
			t.Errorf("%s: route %s %s, model %s %s", o.Name, o.Method, o.Template, m.Method, uri)
		}
		want := m.Code
		if c, ok := observedCodes[o.Name]; ok {
			if m.CodeDeclared {
				t.Errorf("%s: the model declares %d; drop the observed code", o.Name, m.Code)
			}
			want = c
		}
		if o.Status != want {
			t.Errorf("%s: success status %d, want %d", o.Name, o.Status, want)
		}
	}
}
