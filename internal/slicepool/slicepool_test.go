package slicepool

import "testing"

func TestPool(t *testing.T) {
	p := Pool[*int]{Max: 4}
	if s := p.Get(); len(s) != 0 {
		t.Fatalf("Get on an empty pool gave %d elements", len(s))
	}
	tests := []struct {
		name string
		s    []*int
	}{
		{"kept", make([]*int, 3, 4)},
		{"over Max", make([]*int, 3, 8)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := 1
			for i := range tt.s {
				tt.s[i] = &x
			}
			p.Put(tt.s)
			kept := cap(tt.s) <= p.Max
			for i, e := range tt.s {
				if kept && e != nil {
					t.Errorf("element %d still set after Put: a kept slice must keep nothing alive", i)
				}
				if !kept && e == nil {
					t.Errorf("element %d cleared, though a slice over Max is not kept", i)
				}
			}
			if s := p.Get(); len(s) != 0 {
				t.Errorf("Get gave %d elements, want an empty slice", len(s))
			}
		})
	}
}

// TestPoolPutAllocates nothing once warm: the pool exists to save allocations, and boxing each slice
// put back anew cost one per Put.
func TestPoolPutAllocates(t *testing.T) {
	p := Pool[int]{Max: 64}
	s := make([]int, 0, 16)
	p.Put(s)
	allocs := testing.AllocsPerRun(100, func() {
		s := append(p.Get(), 1, 2, 3)
		p.Put(s)
	})
	if allocs > 0.1 {
		t.Errorf("a Get and Put allocate %.1f objects, want none once warm", allocs)
	}
}
