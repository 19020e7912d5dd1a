package answer

import "sort"

// SuppressionsFor returns the suppressions that apply to a section: those written inside it, and those
// written outside every section of the document (before the first marker), which apply to all of them.
// Sections and suppressions are in text order, so both are found by binary search: a file of many
// answers costs in proportion to its size, not to the square of its answers.
func (d *Document) SuppressionsFor(sec Section) []*Suppression {
	out := append([]*Suppression(nil), d.outsideSections()...)
	i := sort.Search(len(d.Suppressions), func(i int) bool { return d.Suppressions[i].Offset >= sec.Start })
	for ; i < len(d.Suppressions) && sec.Contains(d.Suppressions[i].Offset); i++ {
		out = append(out, &d.Suppressions[i])
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Offset < out[b].Offset })
	return out
}

// outsideSections returns the suppressions written outside every section, found once per document.
func (d *Document) outsideSections() []*Suppression {
	if d.outsideFor != len(d.Sections)+1 {
		d.outside = d.outside[:0]
		for i := range d.Suppressions {
			if !d.InSection(d.Suppressions[i].Offset) {
				d.outside = append(d.outside, &d.Suppressions[i])
			}
		}
		d.outsideFor = len(d.Sections) + 1
	}
	return d.outside
}

// InSection reports whether a byte offset is inside one of the document's sections, which are in text
// order and do not overlap.
func (d *Document) InSection(off int) bool {
	i := sort.Search(len(d.Sections), func(i int) bool { return d.Sections[i].End > off })
	return i < len(d.Sections) && d.Sections[i].Contains(off)
}

// Contains reports whether a byte offset is inside the section.
func (s Section) Contains(off int) bool { return off >= s.Start && off < s.End }
