package viewer

import "fmt"

// firstCategories keeps the rows of a chart's first n categories (its
// first column), in the order the rows came: sorted by the category.
func firstCategories(res *Result, n int) *Result {
	seen := map[string]bool{}
	out := &Result{Columns: res.Columns}
	for _, row := range res.Rows {
		k := fmt.Sprint(row[0])
		if !seen[k] {
			if len(seen) == n {
				break
			}
			seen[k] = true
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}
