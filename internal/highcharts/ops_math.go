package highcharts

import (
	"fmt"
	"math"
	"strings"
)

// mathOps are arithmetic: + - * / % ** (two or more operands, left to
// right; + joins strings when either side is one) and functions of one
// number.
var mathOps = map[string]op{
	"+": strict("+", 1, -1, func(e *evaluator, vs []any) (any, error) {
		if err := e.measure(vs); err != nil {
			return nil, err
		}
		if joined, ok, err := e.joinArrays(vs); ok || err != nil {
			return joined, err
		}
		return sum(vs)
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
	"round": unary("round", jsRound),
	"floor": unary("floor", math.Floor),
	"ceil":  unary("ceil", math.Ceil),
	"sin":   unary("sin", math.Sin),
	"cos":   unary("cos", math.Cos),
	"tan":   unary("tan", math.Tan),
}

// jsRound is JavaScript's Math.round: halves go up.
func jsRound(f float64) float64 { return math.Floor(f + 0.5) }

func unary(name string, f func(float64) float64) op {
	return strict(name, 1, 1, func(_ *evaluator, vs []any) (any, error) { return clean(f(number(vs[0]))), nil })
}

// plus is JavaScript's a + b for values that are not arrays: text when
// either side is a string or an object, else numbers.
func plus(a, b any) any {
	_, as := a.(string)
	_, bs := b.(string)
	_, ao := a.(map[string]any)
	_, bo := b.(map[string]any)
	if as || bs || ao || bo {
		return text(a) + text(b)
	}
	return number(a) + number(b)
}

// joinArrays is + over arrays, which the language joins into one array
// (["+", [["ALL", "ALL"]], ["getColumn", 0, 1]] puts a row before the
// answer's); a value that is not an array joins as one element. ok is
// false when no operand is an array.
func (e *evaluator) joinArrays(vs []any) (out []any, ok bool, err error) {
	n := 0
	for _, v := range vs {
		if a, isArr := v.([]any); isArr {
			ok = true
			n += len(a)
		} else {
			n++
		}
	}
	if !ok {
		return nil, false, nil
	}
	if err := e.grow(n); err != nil {
		return nil, true, err
	}
	out = make([]any, 0, n)
	for _, v := range vs {
		if a, isArr := v.([]any); isArr {
			out = append(out, a...)
		} else {
			out = append(out, v)
		}
	}
	return out, true, nil
}

// sum is + over values that are not arrays, left to right as JavaScript
// adds them; once the sum is text the rest is appended (bounded by
// maxText as it grows).
func sum(vs []any) (any, error) {
	acc := vs[0]
	if len(vs) == 1 {
		return clean(number(acc)), nil
	}
	var b strings.Builder
	isText := false
	for _, v := range vs[1:] {
		if !isText {
			acc = plus(acc, v)
			if s, ok := acc.(string); ok {
				isText = true
				b.WriteString(s)
			}
		} else {
			b.WriteString(text(v))
		}
		if b.Len() > maxText {
			return nil, fmt.Errorf(`"+" makes a string longer than %d bytes`, maxText)
		}
	}
	if isText {
		return b.String(), nil
	}
	if x, ok := acc.(float64); ok {
		return clean(x), nil
	}
	return acc, nil
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
