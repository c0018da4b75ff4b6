package sightglass

import (
	"errors"
	"fmt"
)

// Code classifies an application error. Adapters translate codes into their
// own vocabulary: internal/awsapi into AWS error names and HTTP statuses,
// the console into pages.
type Code string

// Application error codes.
const (
	ENOTFOUND           Code = "not_found"            // ResourceNotFoundException
	EUSERNOTFOUND       Code = "user_not_found"       // QuickSightUserNotFoundException
	EEXISTS             Code = "exists"               // ResourceExistsException
	ECONFLICT           Code = "conflict"             // ConflictException
	EINVALID            Code = "invalid"              // InvalidParameterValueException
	EVALIDATION         Code = "validation"           // ValidationException: a value breaks the model's constraints
	EINVALIDNEXTTOKEN   Code = "invalid_next_token"   // InvalidNextTokenException
	ESESSIONLIFETIME    Code = "session_lifetime"     // SessionLifetimeInMinutesInvalidException
	EACCESSDENIED       Code = "access_denied"        // AccessDeniedException
	ETHROTTLED          Code = "throttled"            // ThrottlingException
	EUNSUPPORTEDEDITION Code = "unsupported_edition"  // UnsupportedUserEditionException
	EIDENTITYTYPE       Code = "identity_type"        // IdentityTypeNotSupportedException
	EPRICINGPLAN        Code = "pricing_plan"         // UnsupportedPricingPlanException
	EPRECONDITION       Code = "precondition_not_met" // PreconditionNotMetException
	ELIMIT              Code = "limit_exceeded"       // LimitExceededException
	EUNAVAILABLE        Code = "unavailable"          // ResourceUnavailableException
	EINTERNAL           Code = "internal"             // InternalFailureException
)

// Resource types carried by not-found, exists and limit errors, as
// QuickSight's ExceptionResourceType names them.
const (
	ResourceUser            = "USER"
	ResourceGroup           = "GROUP"
	ResourceNamespace       = "NAMESPACE"
	ResourceAccountSettings = "ACCOUNT_SETTINGS"
	ResourceDataSource      = "DATA_SOURCE"
	ResourceDataSet         = "DATA_SET"
	ResourceIngestion       = "INGESTION"
)

// Error is an application error: a code, a message that is safe to show to
// the caller, and for some codes the type of the resource concerned.
// Anything that is not an *Error is internal: it is logged, never shown.
type Error struct {
	Code         Code
	Message      string
	ResourceType string
}

func (e *Error) Error() string {
	return fmt.Sprintf("sightglass error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// WithResource sets the resource type of e and returns e.
func (e *Error) WithResource(resourceType string) *Error {
	e.ResourceType = resourceType
	return e
}

// ErrorCode returns the code of the first *Error in err's chain, or
// EINTERNAL for any other non-nil error, or "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the caller-safe message of err: the *Error's message,
// or a generic text for internal errors.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Message
	}
	return "An internal failure occurred."
}
