package rubric

import "testing"

// FuzzParse: any bytes give either an error or a rubric that passes validation; never a panic.
func FuzzParse(f *testing.F) {
	files, err := PackFiles()
	if err != nil {
		f.Fatal(err)
	}
	n := 0
	for _, data := range files {
		if n++; n > 3 {
			break
		}
		f.Add(data)
	}
	f.Add([]byte(goodRubric))
	f.Add([]byte(aliasBomb()))
	f.Add([]byte("id: x\nconcepts: [[[[[[[[[[]]]]]]]]]]\n"))
	f.Add([]byte("\xef\xbb\xbfid: x\n\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("f.yaml", data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if err := Validate(r); err != nil {
			t.Fatalf("Parse accepted a rubric that Validate rejects: %v", err)
		}
	})
}
