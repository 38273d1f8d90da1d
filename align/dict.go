package align

// Dictionary translates source words into target words. The zero value is empty; a nil
// *Dictionary is valid and empty.
type Dictionary struct {
	m map[string][]string
}

// NewDictionary returns an empty dictionary.
func NewDictionary() *Dictionary { return &Dictionary{m: map[string][]string{}} }

// Add records that source (a word or phrase) may be translated as target.
func (d *Dictionary) Add(source, target string) {
	k := fold(source)
	if k == "" || fold(target) == "" {
		return
	}
	d.m[k] = append(d.m[k], target)
}

// Len returns the number of distinct source entries.
func (d *Dictionary) Len() int {
	if d == nil {
		return 0
	}
	return len(d.m)
}
