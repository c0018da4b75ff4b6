package query

// rankedArg returns the index (into aggArgs) of a percentile's argument
// in the window-mode inner query, which ranks and counts it in its group.
// Percentiles of the same argument (a box plot's quartiles and median)
// share one ranking: on engines without an ordered-set percentile each
// ranking is a sort of every row, the bulk of such a query's time.
// Identical SQL is the same argument, bound arguments included: their
// references name the same argument slots.
func (cc *compilation) rankedArg(sql string) int {
	for _, k := range cc.pctAggs {
		if cc.aggArgs[k] == sql {
			return k
		}
	}
	k := len(cc.aggArgs)
	cc.aggArgs = append(cc.aggArgs, sql)
	cc.pctAggs = append(cc.pctAggs, k)
	return k
}
