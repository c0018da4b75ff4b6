// Package apimodel holds QuickSight's published service model as tables
// (shapes, members, constraints and operations) and validates requests
// against it: required members, enum values, string lengths and patterns,
// list and map sizes, numeric ranges, unions with exactly one member set,
// and members the model does not have. Violations come back in AWS's
// validation wording ("1 validation error detected: Value null at
// 'definition.sheets.1.member.name' failed to satisfy constraint: Member
// must not be null"); malformed or unknown input is a serialization error.
//
// The tables in model_gen.go are generated, never edited: Source names the
// model they come from. To regenerate from another model file, change the
// path below (botocore ships it as
// botocore/data/quicksight/2018-04-01/service-2.json.gz) and run
// `go generate ./internal/apimodel`.
package apimodel

//go:generate go run ./gen -o model_gen.go -source "botocore 1.43.11" /root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data/quicksight/2018-04-01/service-2.json.gz
