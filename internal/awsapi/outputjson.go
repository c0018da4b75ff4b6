package awsapi

import (
	"strconv"

	"github.com/sightglass/sightglass/internal/jsonstr"
)

// Hand-written output encoders.
//
// The embed-URL operations answer on the hot path of every embedding
// application; their outputs append their own JSON instead of going
// through encoding/json's reflection. Each writes exactly what
// json.Encoder writes for it, the newline included (FuzzOutputJSON holds
// them to that, byte for byte).

// jsonAppender is an output that appends its JSON as json.Encoder would
// encode it.
type jsonAppender interface {
	appendJSON(b []byte) []byte
}

// appendMeta appends the opening of an output object: its meta members.
func (m *meta) appendMeta(b []byte) []byte {
	b = append(b, `{"RequestId":`...)
	b = jsonstr.Append(b, m.RequestID)
	b = append(b, `,"Status":`...)
	return strconv.AppendInt(b, int64(m.Status), 10)
}

func (o *embedURLOutput) appendJSON(b []byte) []byte {
	b = o.appendMeta(b)
	b = append(b, `,"EmbedUrl":`...)
	b = jsonstr.Append(b, o.EmbedUrl)
	return append(b, "}\n"...)
}

func (o *anonymousEmbedOutput) appendJSON(b []byte) []byte {
	b = o.appendMeta(b)
	b = append(b, `,"EmbedUrl":`...)
	b = jsonstr.Append(b, o.EmbedUrl)
	b = append(b, `,"AnonymousUserArn":`...)
	b = jsonstr.Append(b, o.AnonymousUserArn)
	return append(b, "}\n"...)
}
