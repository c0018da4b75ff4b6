// Package iam parses and evaluates the IAM-style identity policies attached
// to Sightglass's principals (IAM users and roles of an account).
//
// # Documents
//
// [ParsePolicy] accepts the subset of the IAM policy grammar that an
// identity policy for QuickSight needs:
//
//	{
//	  "Version": "2012-10-17",
//	  "Id": "optional",
//	  "Statement": [{
//	    "Sid": "ReadUsers",
//	    "Effect": "Allow",
//	    "Action": ["quicksight:Describe*", "quicksight:ListUsers"],
//	    "Resource": "arn:aws:quicksight:us-east-1:123456789012:user/default/*"
//	  }]
//	}
//
// Version is "2012-10-17" or "2008-10-17"; a document without one has the
// 2008-10-17 semantics, as in IAM. Statement is one object or an array of
// them. Action, NotAction, Resource and NotResource are a string or an array
// of strings; each statement has exactly one of Action and NotAction and
// exactly one of Resource and NotResource. A Sid is ASCII letters and
// digits, unique within the document. Keys are case-sensitive, and unknown
// or repeated keys are errors rather than being ignored.
//
// Some of IAM's grammar is refused instead of being ignored, because ignoring
// it would silently widen or narrow what a policy grants:
//
//   - Condition: Sightglass does not evaluate condition keys. Dropping a
//     Condition from an Allow would grant more than its author meant; dropping
//     it from a Deny would deny more.
//   - Principal and NotPrincipal: they belong in resource policies; an
//     identity policy applies to the principal it is attached to.
//   - Policy variables such as ${aws:username} in the resources of a
//     2012-10-17 document. (Under 2008-10-17, "${" is ordinary text, as in
//     IAM.)
//
// A document may have at most [MaxPolicyChars] characters, not counting
// whitespace, like an IAM managed policy. Callers should still bound the raw
// size of what they read. Every error is a *[PolicyError] whose message can
// be shown to the user as it is.
//
// # Matching
//
// An action is "*" or service:Operation, where the operation may contain the
// wildcards "*" (any run of characters) and "?" (one character); actions are
// compared case-insensitively (ASCII letters). A resource is "*" or an ARN
// (arn:partition:service:...) with wildcards anywhere after the service
// prefix; resources are compared case-sensitively, and "*" spans "/" and
// ":", so "arn:aws:quicksight:us-east-1:*" is a valid pattern. "?" matches
// one character (a Unicode code point), not one byte. Matching takes time
// proportional to the product of the lengths at worst, never exponential
// time, and does not allocate.
//
// # Evaluation
//
// [Evaluate] decides a request the way IAM does for identity policies: an
// explicit Deny in any statement of any policy wins; otherwise an Allow
// grants; otherwise the request is implicitly denied.
package iam
