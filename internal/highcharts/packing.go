package highcharts

import "math"

// circle is a bubble being packed: its centre and radius, and the
// circle it is packed inside, if any.
type circle struct {
	x, y, r float64
	parent  *circle
}

// packCircles places circles side by side, none overlapping, each
// touching two already placed, in the given order, and moves them so
// that a circle around them all is centred on the origin; it returns
// that circle's radius. It keeps a front chain (Wang et al., "Visualization
// of large hierarchical data by circle packing", 2006): the ring of
// outermost circles, in order around the pack; each new circle is placed
// against the pair of neighbours on the ring closest to the pack's
// centre, and when it would overlap a circle of the ring, that circle
// takes the pair's place and the ring between is dropped.
func packCircles(cs []*circle) float64 {
	switch len(cs) {
	case 0:
		return 0
	case 1:
		cs[0].x, cs[0].y = 0, 0
		return cs[0].r
	}
	a, b := cs[0], cs[1]
	a.x, a.y = -b.r, 0
	b.x, b.y = a.r, 0
	if len(cs) == 2 {
		return center(cs)
	}
	touch(b, a, cs[2])
	// The ring: next and prev by index into ring.
	ring := []*circle{a, b, cs[2]}
	next := []int{1, 2, 0}
	prev := []int{2, 0, 1}
	ia, ib := 0, 1 // the pair the next circle is placed against
	for i := 3; i < len(cs); i++ {
		c := cs[i]
		touch(ring[ia], ring[ib], c)
		// Walk the ring both ways from the pair, nearest first by the
		// length walked, looking for a circle c overlaps.
		j, k := next[ib], prev[ia]
		sj, sk := ring[ib].r, ring[ia].r
		overlapped := false
		for {
			if sj <= sk {
				if overlap(ring[j], c) {
					ib = j
					next[ia], prev[ib] = ib, ia
					overlapped = true
					break
				}
				sj += ring[j].r
				j = next[j]
			} else {
				if overlap(ring[k], c) {
					ia = k
					next[ia], prev[ib] = ib, ia
					overlapped = true
					break
				}
				sk += ring[k].r
				k = prev[k]
			}
			if j == next[k] {
				break // the walks met: c overlaps no circle of the ring
			}
		}
		if overlapped {
			i-- // place c again against the new pair
			continue
		}
		// c joins the ring between the pair.
		ic := len(ring)
		ring = append(ring, c)
		next = append(next, ib)
		prev = append(prev, ia)
		next[ia], prev[ib] = ic, ic
		// The next pair: the neighbours on the ring closest to the centre.
		best, bestScore := ic, pairScore(ring, next, ic)
		for n := next[ic]; n != ic; n = next[n] {
			if sc := pairScore(ring, next, n); sc < bestScore {
				best, bestScore = n, sc
			}
		}
		ia, ib = best, next[best]
	}
	return center(cs)
}

// touch places c against a and b, touching both, on the left of the way
// from a to b (its side away from the pack's centre on a front chain
// walked in order).
func touch(b, a, c *circle) {
	dx, dy := b.x-a.x, b.y-a.y
	d2 := dx*dx + dy*dy
	if d2 == 0 {
		c.x, c.y = a.x+a.r+c.r, a.y
		return
	}
	ra := (a.r + c.r) * (a.r + c.r)
	rb := (b.r + c.r) * (b.r + c.r)
	if ra > rb {
		x := (d2 + rb - ra) / (2 * d2)
		y := math.Sqrt(math.Max(0, rb/d2-x*x))
		c.x, c.y = b.x-x*dx-y*dy, b.y-x*dy+y*dx
		return
	}
	x := (d2 + ra - rb) / (2 * d2)
	y := math.Sqrt(math.Max(0, ra/d2-x*x))
	c.x, c.y = a.x+x*dx-y*dy, a.y+x*dy+y*dx
}

// overlap says whether two circles overlap by more than a rounding error.
func overlap(a, b *circle) bool {
	dr := a.r + b.r - 1e-9
	dx, dy := b.x-a.x, b.y-a.y
	return dr > 0 && dr*dr > dx*dx+dy*dy
}

// pairScore is how far from the origin the pair of ring circles i and
// its next lies: the squared distance of the point between their centres
// weighted by the other's radius.
func pairScore(ring []*circle, next []int, i int) float64 {
	a, b := ring[i], ring[next[i]]
	ab := a.r + b.r
	x := (a.x*b.r + b.x*a.r) / ab
	y := (a.y*b.r + b.y*a.r) / ab
	return x*x + y*y
}

// center moves the circles so that the middle of their bounding box is
// the origin and returns the radius of the circle about the origin that
// holds them all.
func center(cs []*circle) float64 {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range cs {
		minX, maxX = math.Min(minX, c.x-c.r), math.Max(maxX, c.x+c.r)
		minY, maxY = math.Min(minY, c.y-c.r), math.Max(maxY, c.y+c.r)
	}
	mx, my := (minX+maxX)/2, (minY+maxY)/2
	r := 0.0
	for _, c := range cs {
		c.x -= mx
		c.y -= my
		r = math.Max(r, math.Hypot(c.x, c.y)+c.r)
	}
	return r
}
