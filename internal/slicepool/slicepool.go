// Package slicepool recycles slices between uses, as sync.Pool does objects: a list grown anew for
// each answer graded is much of what a stream allocates.
package slicepool

import "sync"

// Pool holds slices of T for reuse. Max bounds the capacity of a slice kept: after a huge answer, the
// memory goes. The zero Pool with Max set is ready to use.
type Pool[T any] struct {
	Max int
	p   sync.Pool // of *[]T holding a slice
	// boxes holds the emptied *[]T that Get took slices out of: sync.Pool keeps pointers, and boxing
	// each slice put back anew would cost an allocation per Put, which is what the pool saves.
	boxes sync.Pool
}

// Get returns an empty slice, with room if one was put back.
func (p *Pool[T]) Get() []T {
	box, ok := p.p.Get().(*[]T)
	if !ok {
		return nil
	}
	s := (*box)[:0]
	*box = nil
	p.boxes.Put(box)
	return s
}

// Put hands s back for reuse, its elements cleared so that it keeps nothing alive; s must not be used
// afterwards. Only s's elements are cleared: what lies beyond its length must be clear already.
func (p *Pool[T]) Put(s []T) {
	if cap(s) == 0 || cap(s) > p.Max {
		return
	}
	clear(s)
	box, ok := p.boxes.Get().(*[]T)
	if !ok {
		box = new([]T)
	}
	*box = s[:0]
	p.p.Put(box)
}
