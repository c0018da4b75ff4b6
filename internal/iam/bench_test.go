package iam

import "testing"

// benchPolicies are three policies of four statements each, of the kind an
// operator attaches to an embedding backend's role.
var benchPolicies = []string{
	`{"Version":"2012-10-17","Statement":[
		{"Sid":"Read","Effect":"Allow","Action":["quicksight:Describe*","quicksight:List*"],"Resource":"arn:aws:quicksight:us-east-1:123456789012:*"},
		{"Sid":"Embed","Effect":"Allow","Action":["quicksight:GetSessionEmbedUrl","quicksight:GenerateEmbedUrlForRegisteredUser"],"Resource":"arn:aws:quicksight:us-east-1:123456789012:user/default/*"},
		{"Sid":"Users","Effect":"Allow","Action":["quicksight:RegisterUser","quicksight:UpdateUser"],"Resource":"arn:aws:quicksight:us-east-1:123456789012:user/default/*"},
		{"Sid":"Dash","Effect":"Allow","Action":"quicksight:*Dashboard*","Resource":["arn:aws:quicksight:us-east-1:123456789012:dashboard/sales-*","arn:aws:quicksight:us-east-1:123456789012:dashboard/ops-*"]}]}`,
	`{"Version":"2012-10-17","Statement":[
		{"Sid":"NoDelete","Effect":"Deny","Action":"quicksight:Delete*","Resource":"*"},
		{"Sid":"NoAdmins","Effect":"Deny","Action":"quicksight:*","Resource":"arn:aws:quicksight:*:*:user/default/admin-*"},
		{"Sid":"NoOtherRegions","Effect":"Deny","Action":"quicksight:*","NotResource":"arn:aws:quicksight:us-east-1:*"},
		{"Sid":"NoSubscription","Effect":"Deny","Action":["quicksight:CreateAccountSubscription","quicksight:UpdateAccountSettings"],"Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[
		{"Sid":"Sources","Effect":"Allow","Action":["quicksight:CreateDataSource","quicksight:PassDataSource"],"Resource":"arn:aws:quicksight:us-east-1:123456789012:datasource/*"},
		{"Sid":"Sets","Effect":"Allow","Action":["quicksight:CreateDataSet","quicksight:PassDataSet"],"Resource":"arn:aws:quicksight:us-east-1:123456789012:dataset/*"},
		{"Sid":"Analyses","Effect":"Allow","NotAction":["quicksight:DeleteAnalysis","quicksight:RestoreAnalysis"],"Resource":"arn:aws:quicksight:us-east-1:123456789012:analysis/*"},
		{"Sid":"NoSpice","Effect":"Deny","Action":"quicksight:CreateIngestion","Resource":"*"}]}`,
}

func BenchmarkEvaluate(b *testing.B) {
	var policies []*Policy
	for _, doc := range benchPolicies {
		policies = append(policies, mustParse(b, doc))
	}
	const (
		action   = "quicksight:GetSessionEmbedUrl"
		resource = "arn:aws:quicksight:us-east-1:123456789012:user/default/embedding-backend"
	)
	if got := Evaluate(policies, action, resource); got != Allow {
		b.Fatalf("Evaluate = %v, want Allow", got)
	}
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(policies, action, resource)
	}
}

func BenchmarkParsePolicy(b *testing.B) {
	doc := []byte(benchPolicies[0])
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParsePolicy(doc); err != nil {
			b.Fatal(err)
		}
	}
}
