package highcharts

import (
	"fmt"
	"math"
)

// mathOps are arithmetic: + - * / % ** (two or more operands, left to
// right; + joins strings when either side is one) and functions of one
// number.
var mathOps = map[string]op{
	"+": strict("+", 1, -1, func(e *evaluator, vs []any) (any, error) {
		if err := e.spend(textCost(vs)); err != nil {
			return nil, err
		}
		v := fold(vs, plus)
		if s, ok := v.(string); ok && len(s) > maxText {
			return nil, fmt.Errorf(`"+" makes a string longer than %d bytes`, maxText)
		}
		return v, nil
	}),
	"-": strict("-", 1, -1, func(_ *evaluator, vs []any) (any, error) {
		return numeric(vs, func(a, b float64) float64 { return a - b }, true), nil
	}),
	"*": strict("*", 2, -1, func(_ *evaluator, vs []any) (any, error) {
		return numeric(vs, func(a, b float64) float64 { return a * b }, false), nil
	}),
	"/": strict("/", 2, -1, func(_ *evaluator, vs []any) (any, error) {
		return numeric(vs, func(a, b float64) float64 { return a / b }, false), nil
	}),
	"%":  strict("%", 2, -1, func(_ *evaluator, vs []any) (any, error) { return numeric(vs, math.Mod, false), nil }),
	"**": strict("**", 2, -1, func(_ *evaluator, vs []any) (any, error) { return numeric(vs, math.Pow, false), nil }),

	"abs":   unary("abs", math.Abs),
	"sqrt":  unary("sqrt", math.Sqrt),
	"log10": unary("log10", math.Log10),
	"ln":    unary("ln", math.Log),
	"exp":   unary("exp", math.Exp),
	"round": unary("round", jsRound),
	"floor": unary("floor", math.Floor),
	"ceil":  unary("ceil", math.Ceil),
	"sin":   unary("sin", math.Sin),
	"cos":   unary("cos", math.Cos),
	"tan":   unary("tan", math.Tan),
	"asin":  unary("asin", math.Asin),
	"acos":  unary("acos", math.Acos),
	"atan":  unary("atan", math.Atan),
	"min": strict("min", 1, -1, func(_ *evaluator, vs []any) (any, error) {
		return extreme(vs, func(a, b float64) bool { return a < b }), nil
	}),
	"max": strict("max", 1, -1, func(_ *evaluator, vs []any) (any, error) {
		return extreme(vs, func(a, b float64) bool { return a > b }), nil
	}),
}

// textCost is the work of writing values as text: a step per 8 bytes of
// strings and per element of arrays.
func textCost(vs []any) int {
	n := 0
	for _, v := range vs {
		switch x := v.(type) {
		case string:
			n += len(x) / 8
		case []any:
			n += len(x) + textCost(x)
		case map[string]any:
			n += len(x)
		}
	}
	return n
}

// jsRound is JavaScript's Math.round: halves go up.
func jsRound(f float64) float64 { return math.Floor(f + 0.5) }

func unary(name string, f func(float64) float64) op {
	return strict(name, 1, 1, func(_ *evaluator, vs []any) (any, error) { return clean(f(number(vs[0]))), nil })
}

// plus is JavaScript's a + b.
func plus(a, b any) any {
	_, as := a.(string)
	_, bs := b.(string)
	if as || bs {
		return text(a) + text(b)
	}
	return number(a) + number(b)
}

func fold(vs []any, f func(a, b any) any) any {
	acc := vs[0]
	if len(vs) == 1 {
		return clean(number(acc))
	}
	for _, v := range vs[1:] {
		acc = f(acc, v)
	}
	if x, ok := acc.(float64); ok {
		return clean(x)
	}
	return acc
}

// numeric applies f left to right; negate: one operand is negated.
func numeric(vs []any, f func(a, b float64) float64, negate bool) any {
	if len(vs) == 1 {
		if negate {
			return clean(-number(vs[0]))
		}
		return clean(number(vs[0]))
	}
	acc := number(vs[0])
	for _, v := range vs[1:] {
		acc = f(acc, number(v))
	}
	return clean(acc)
}

// extreme is Math.min or Math.max of numbers or one array of numbers.
func extreme(vs []any, better func(a, b float64) bool) any {
	if len(vs) == 1 {
		if a, ok := vs[0].([]any); ok {
			vs = a
		}
	}
	if len(vs) == 0 {
		return nil
	}
	best := number(vs[0])
	for _, v := range vs[1:] {
		f := number(v)
		if math.IsNaN(f) {
			return nil
		}
		if better(f, best) {
			best = f
		}
	}
	return clean(best)
}
