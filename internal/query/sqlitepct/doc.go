// Package sqlitepct gives SQLite the percentile aggregates it lacks:
// Go aggregate and window functions, registered on the connections of
// SQLite data sources, that compute QuickSight's continuous and discrete
// percentiles of a group's values the way the ranked SQL (ROW_NUMBER and
// COUNT windows) computes them on SQLite, value for value.
//
//   - sg_percentile_cont(x, p): p a fraction in [0, 1]; linear
//     interpolation between the values ranked around 1 + p·(n−1), as
//     x_lo·(1−f) + x_hi·f in doubles.
//   - sg_percentile_disc(x, p): p a fraction; the value at rank
//     ceil(q·n/100), at least 1, with q the percent p·100 rounded to
//     nine places (the percentileDisc aggregate).
//   - sg_percentile_disc_ppm(x, m): m the percentile in millionths, a
//     whole number; the value of the first rank r with r·10⁶ ≥ m·n (the
//     percentileDiscOver table calculation).
//
// NULLs are ignored; an empty group gives NULL. Values must be numbers: a
// text or blob value is refused by name, not ranked as text. A group
// holds its values in memory, at most MaxValues of them, beyond which
// the query fails by name. Each function also works over a window frame
// (WindowInverse removes a row's value).
package sqlitepct
