package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"
)

// modelPath is where botocore 1.43.11 keeps the model on the build
// machine; the test skips where it is absent.
const modelPath = "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data/quicksight/2018-04-01/service-2.json.gz"

// TestGeneratedIsCurrent regenerates the tables and compares them with the
// committed model_gen.go.
func TestGeneratedIsCurrent(t *testing.T) {
	raw, err := readModel(modelPath)
	if os.IsNotExist(err) {
		t.Skip("model not on this machine")
	} else if err != nil {
		t.Fatal(err)
	}
	var m modelJSON
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	applyExtensions(&m)
	sum := sha256.Sum256(raw)
	got, err := generate(&m, "botocore 1.43.11", hex.EncodeToString(sum[:]))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../model_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("model_gen.go is not what the generator writes: run go generate ./internal/apimodel")
	}
}
