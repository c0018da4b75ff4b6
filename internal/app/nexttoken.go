package app

import (
	"encoding/base64"
	"encoding/json"
	"fmt"

	sg "github.com/sightglass/sightglass"
)

// defaultMaxResults is the page size when MaxResults is absent.
const defaultMaxResults = 100

// nextToken is the decoded form of an opaque NextToken: which list and
// account it pages, and the key of the last item returned.
type nextToken struct {
	List    string `json:"l"`
	Account string `json:"a"`
	After   string `json:"k"`
}

func encodeNextToken(list, accountID, after string) string {
	b, _ := json.Marshal(nextToken{List: list, Account: accountID, After: after})
	return base64.RawURLEncoding.EncodeToString(b)
}

// pageRequest validates MaxResults (nil = absent) and decodes a NextToken
// ("" = first page) issued for the same list and account.
func pageRequest(list, accountID, token string, maxResults *int) (sg.Page, error) {
	limit := defaultMaxResults
	if maxResults != nil {
		limit = *maxResults
	}
	if limit < 1 || limit > 100 {
		return sg.Page{}, invalid("maxResults", fmt.Sprint(limit), "Member must have value between 1 and 100")
	}
	p := sg.Page{Limit: limit}
	if token == "" {
		return p, nil
	}
	bad := sg.Errorf(sg.EINVALIDNEXTTOKEN, "The NextToken is not valid.")
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return p, bad
	}
	var t nextToken
	if json.Unmarshal(b, &t) != nil || t.List != list || t.Account != accountID || t.After == "" {
		return p, bad
	}
	p.After = t.After
	return p, nil
}
