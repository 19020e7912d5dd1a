package answer

// SuppressionsFor returns the suppressions that apply to a section: those written inside it, and those
// written outside every section of the document (before the first marker), which apply to all of them.
func (d *Document) SuppressionsFor(sec Section) []*Suppression {
	var out []*Suppression
	for i := range d.Suppressions {
		s := &d.Suppressions[i]
		if sec.Contains(s.Offset) || !d.InSection(s.Offset) {
			out = append(out, s)
		}
	}
	return out
}

// InSection reports whether a byte offset is inside one of the document's sections.
func (d *Document) InSection(off int) bool {
	for _, sec := range d.Sections {
		if sec.Contains(off) {
			return true
		}
	}
	return false
}

// Contains reports whether a byte offset is inside the section.
func (s Section) Contains(off int) bool { return off >= s.Start && off < s.End }
