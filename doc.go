// Package sightglass defines Sightglass's domain: the QuickSight-shaped
// types (accounts, IAM principals, users, custom permissions, single-use
// items), the store interfaces every backend implements, and the error codes
// that the protocol adapters map to AWS error names and HTTP statuses.
//
// The package does no I/O. Business rules live in internal/app; storage in
// internal/store/sqlite and internal/store/postgres; the AWS face in
// internal/awsapi.
package sightglass
