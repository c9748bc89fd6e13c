package news

import "testing"

// A thread's stored centroid keeps its round-up count, so a store's
// thread step sees the same states as the in-memory one.
func TestThreadCentroidRoundTrip(t *testing.T) {
	s := ThreadState{ID: "t", Terms: map[string]float64{"ferry": 1.5}, Entities: map[string]float64{"gpe:x": 1},
		Measures: map[string]float64{"m": 2}, TermNorm: 0.25, EntityNorm: 0.5, Roundups: 2}
	enc, err := s.EncodeCentroid()
	if err != nil {
		t.Fatal(err)
	}
	back := ThreadState{ID: "t"}
	if err := back.DecodeCentroid(enc); err != nil {
		t.Fatal(err)
	}
	if back.Roundups != 2 || back.Terms["ferry"] != 1.5 || back.Measures["m"] != 2 || back.EntityNorm != 0.5 {
		t.Errorf("decoded %+v from %s", back, enc)
	}
}
