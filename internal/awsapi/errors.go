package awsapi

import (
	"errors"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/apimodel"
	"github.com/sightglass/sightglass/internal/sigv4"
)

// awsError is an error as it goes on the wire: the modeled shape name, its
// HTTP status, the message and, for some shapes, a resource type.
type awsError struct {
	Name         string
	Status       int
	Message      string
	ResourceType string
}

// codes maps application error codes to QuickSight's modeled errors.
var codes = map[sg.Code]struct {
	name   string
	status int
}{
	sg.ENOTFOUND:           {"ResourceNotFoundException", http.StatusNotFound},
	sg.EUSERNOTFOUND:       {"QuickSightUserNotFoundException", http.StatusNotFound},
	sg.EEXISTS:             {"ResourceExistsException", http.StatusConflict},
	sg.ECONFLICT:           {"ConflictException", http.StatusConflict},
	sg.EINVALID:            {"InvalidParameterValueException", http.StatusBadRequest},
	sg.EVALIDATION:         {"ValidationException", http.StatusBadRequest},
	sg.EINVALIDNEXTTOKEN:   {"InvalidNextTokenException", http.StatusBadRequest},
	sg.ESESSIONLIFETIME:    {"SessionLifetimeInMinutesInvalidException", http.StatusBadRequest},
	sg.EACCESSDENIED:       {"AccessDeniedException", http.StatusUnauthorized},
	sg.ETHROTTLED:          {"ThrottlingException", http.StatusTooManyRequests},
	sg.EUNSUPPORTEDEDITION: {"UnsupportedUserEditionException", http.StatusForbidden},
	sg.EPRECONDITION:       {"PreconditionNotMetException", http.StatusBadRequest},
	sg.ELIMIT:              {"LimitExceededException", http.StatusConflict},
	sg.EUNAVAILABLE:        {"ResourceUnavailableException", http.StatusServiceUnavailable},
	sg.EINTERNAL:           {"InternalFailureException", http.StatusInternalServerError},
}

// Protocol-level errors that have no application code.
func errUnknownOperation() *awsError {
	return &awsError{Name: "UnknownOperationException", Status: http.StatusNotFound, Message: "The requested operation is not recognized by the service."}
}

// errModel is a request the service model refuses: a constraint
// violation is a ValidationException, input that does not deserialize a
// SerializationException, both 400.
func errModel(e *apimodel.Error) *awsError {
	if e.Kind == apimodel.Validation {
		return &awsError{Name: "ValidationException", Status: http.StatusBadRequest, Message: e.Message}
	}
	return errSerialization(e.Message)
}

func errSerialization(msg string) *awsError {
	return &awsError{Name: "SerializationException", Status: http.StatusBadRequest, Message: msg}
}

// toAWSError converts any error a handler returned into its wire form.
// Errors that are neither *sg.Error, *sigv4.Error nor *awsError are
// internal: the caller sees a generic message.
func toAWSError(err error) *awsError {
	if e, ok := errors.AsType[*awsError](err); ok {
		return e
	}
	if e, ok := errors.AsType[*apimodel.Error](err); ok {
		return errModel(e)
	}
	if e, ok := errors.AsType[*sigv4.Error](err); ok {
		return &awsError{Name: e.Code, Status: e.HTTPStatus(), Message: e.Message}
	}
	code := sg.ErrorCode(err)
	c, ok := codes[code]
	if !ok {
		c = codes[sg.EINTERNAL]
	}
	e := &awsError{Name: c.name, Status: c.status, Message: sg.ErrorMessage(err)}
	if se, ok := errors.AsType[*sg.Error](err); ok {
		e.ResourceType = se.ResourceType
	}
	return e
}

func (e *awsError) Error() string { return e.Name + ": " + e.Message }
