package awsapi

import (
	"net/http"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/apimodel"
)

// observedCodes are the success statuses of operations whose Status is
// bound to the HTTP status code and that answer other than restJson's
// default 200, as the real service does. Public recordings show "Status":
// 202 with CREATION_IN_PROGRESS for the asynchronous creates (see the wire
// contract, section 1.4); the asynchronous updates answer 202 and the
// synchronous creates 201 as the real service mirrors them in Status. An
// operation whose Status is a body member (UpdateDashboard) answers 200.
// Every other operation answers 200.
var observedCodes = map[string]int{
	"CreateAnalysis":   http.StatusAccepted,
	"CreateDashboard":  http.StatusAccepted,
	"CreateDataSource": http.StatusAccepted,
	"UpdateAnalysis":   http.StatusAccepted,
	"UpdateDataSource": http.StatusAccepted,
	"CreateDataSet":    http.StatusCreated,
	"CreateIngestion":  http.StatusCreated,
	"RegisterUser":     http.StatusCreated,
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
