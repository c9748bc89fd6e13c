package perceptron

// Feature keys are 64-bit FNV-1a hashes: a template byte, then strings
// each closed by a 0xff byte (which no UTF-8 text holds), so "ab"+"c"
// and "a"+"bc" differ. The models' weight tables are keyed by them: a
// change here changes every model's features.
const (
	// Offset is the FNV-1a 64-bit offset basis, the hash of nothing.
	Offset uint64 = 14695981039346656037
	// Prime is the FNV-1a 64-bit prime.
	Prime uint64 = 1099511628211
)

// HashByte adds the byte b to the hash h.
func HashByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * Prime }

// HashString adds the string s and its closing 0xff byte to the hash h.
func HashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * Prime
	}
	return (h ^ 0xff) * Prime
}

// HashCat adds a+b to the hash h as HashString does, without building
// the string.
func HashCat(h uint64, a, b string) uint64 {
	for i := 0; i < len(a); i++ {
		h = (h ^ uint64(a[i])) * Prime
	}
	return HashString(h, b)
}

// Key1 is the key of template t with the string a.
func Key1(t byte, a string) uint64 { return HashString(HashByte(Offset, t), a) }

// Key2 is the key of template t with the strings a and b.
func Key2(t byte, a, b string) uint64 { return HashString(HashString(HashByte(Offset, t), a), b) }

// Key3 is the key of template t with the strings a, b and c.
func Key3(t byte, a, b, c string) uint64 {
	return HashString(HashString(HashString(HashByte(Offset, t), a), b), c)
}
