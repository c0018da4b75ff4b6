package dialect

// Math functions of the calculation language (sqrt, exp, ln, log, mod).
// The engines disagree outside each function's domain (PostgreSQL and
// MySQL raise errors, SQLite and DuckDB return NULL, NaN or infinity), so
// every form yields NULL there: a square root of a negative number, a
// logarithm of zero or less, an exponential that overflows a double, a
// remainder by zero.

// maxExp is the largest argument whose exponential is a finite double.
const maxExp = "709.78"

// MathFunc is one of the single-argument math functions "sqrt", "exp",
// "ln" (natural logarithm) and "log" (base 10) of the number x, NULL
// outside its domain; ok is false for any other name.
func MathFunc(d Dialect, name, x string) (sql string, ok bool) {
	x = d.Cast(x, Decimal)
	guard := ""
	fn := ""
	switch name {
	case "sqrt":
		guard, fn = x+" >= 0", "sqrt"
	case "exp":
		guard, fn = x+" <= "+maxExp, "exp"
	case "ln":
		guard, fn = x+" > 0", "ln"
	case "log":
		guard, fn = x+" > 0", "log10"
		if d.Name() == "postgres" {
			fn = "log"
		}
	default:
		return "", false
	}
	return "(CASE WHEN " + guard + " THEN " + fn + "(" + x + ") END)", true
}

// Remainder is a modulo b with the sign of a (truncated division, as
// every engine's % on integers), NULL when b is zero; decimal operands
// keep their fraction (SQLite's % would truncate them to integers).
func Remainder(d Dialect, a, b string, decimal bool) string {
	nb := "NULLIF(" + b + ", 0)"
	if decimal && d.Name() == "sqlite" {
		// SQLite's mod() keeps fractions; it is one of its math functions.
		return "mod(" + a + ", " + nb + ")"
	}
	if decimal && d.Name() == "postgres" {
		// PostgreSQL has no double-precision MOD.
		ca, cb := d.Cast(a, Decimal), d.Cast(nb, Decimal)
		return "(" + ca + " - " + cb + " * TRUNC(" + ca + " / " + cb + "))"
	}
	return d.Mod(a, nb)
}

// Power is a raised to b (QuickSight's ^), NULL where it is not a finite
// real number: a negative base with a fractional exponent, zero to a
// negative power, or a result beyond a double.
func Power(d Dialect, a, b string) string {
	a, b = d.Cast(a, Decimal), d.Cast(b, Decimal)
	// The logarithm's argument is never 0: PostgreSQL folds constant
	// operands at planning, whatever guards them.
	magnitude := "ln(CASE WHEN " + a + " = 0 THEN 1 ELSE abs(" + a + ") END)"
	return "(CASE WHEN " + a + " < 0 AND " + b + " <> " + d.Floor(b) + " THEN NULL" +
		" WHEN " + a + " = 0 AND " + b + " < 0 THEN NULL" +
		" WHEN " + b + " * " + magnitude + " > " + maxExp + " THEN NULL" +
		" ELSE power(" + a + ", " + b + ") END)"
}
