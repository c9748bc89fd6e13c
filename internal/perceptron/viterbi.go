package perceptron

import "math"

// Machine is a decoder's state space over NL labels: States states,
// state s emitting the label Labels[s]; OK[prev*States+cur] the allowed
// moves, Start and Final the states a sequence may begin and end in.
type Machine struct {
	NL, States   int
	Labels       []int
	OK           []bool
	Start, Final []bool
}

// NewMachine is the machine whose states are the nl labels themselves:
// allowed ((nl+1) × nl, row nl the start) says which label may follow
// which, final which labels may end a sequence.
func NewMachine(nl int, allowed, final []bool) *Machine {
	m := &Machine{NL: nl, States: nl, Labels: make([]int, nl), OK: allowed[:nl*nl], Start: allowed[nl*nl:], Final: final}
	for l := range nl {
		m.Labels[l] = l
	}
	return m
}

// Decoder runs Viterbi searches, keeping its scratch space between them.
// The zero Decoder is ready to use; it is not safe for concurrent use.
type Decoder struct {
	score []float32
	back  []int32
	out   []int
}

// Decode returns the best label sequence for the emission scores em
// (n × mc.NL) under the label transition scores trans ((NL+1) × NL;
// row NL is the start). Ties go to the lowest state. The result is the
// decoder's scratch, valid until its next call.
func (d *Decoder) Decode(mc *Machine, em []float32, n int, trans []float32) []int {
	ns, nl, lab := mc.States, mc.NL, mc.Labels
	d.out = d.out[:0]
	if n == 0 {
		return d.out
	}
	if cap(d.score) < n*ns {
		d.score = make([]float32, n*ns)
		d.back = make([]int32, n*ns)
	}
	score, back := d.score[:n*ns], d.back[:n*ns]
	negInf := float32(math.Inf(-1))
	for s := range ns {
		if mc.Start[s] {
			score[s] = em[lab[s]] + trans[nl*nl+lab[s]]
		} else {
			score[s] = negInf
		}
	}
	for i := 1; i < n; i++ {
		for cur := range ns {
			best, arg := negInf, int32(0)
			for prev := range ns {
				if !mc.OK[prev*ns+cur] {
					continue
				}
				if v := score[(i-1)*ns+prev] + trans[lab[prev]*nl+lab[cur]]; v > best {
					best, arg = v, int32(prev)
				}
			}
			score[i*ns+cur] = best + em[i*nl+lab[cur]]
			back[i*ns+cur] = arg
		}
	}
	best, arg := negInf, 0
	for s := range ns {
		if mc.Final[s] && score[(n-1)*ns+s] > best {
			best, arg = score[(n-1)*ns+s], s
		}
	}
	for range n {
		d.out = append(d.out, 0)
	}
	d.out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		d.out[i-1] = int(back[i*ns+d.out[i]])
	}
	for i, s := range d.out {
		d.out[i] = lab[s]
	}
	return d.out
}
