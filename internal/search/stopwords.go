package search

// stopwords are function words that carry no meaning in a search.
var stopwords = setOf(`
ada adalah agar akan aku anda antara apa apabila atas atau bagi bahwa baik
beberapa begitu belum berbagai bisa boleh bukan dalam dan
dapat dari demikian dengan di dia harus hingga ia ialah ini itu jadi jika juga
kalau kami kamu karena ke kepada ketika kita lagi lain lalu maka masih mereka
namun nya oleh pada para per perlu pula saat sampai saja sangat sebagai
sebelum secara sedang sehingga sejak selain selama semua seperti serta setelah
soal suatu sudah supaya tanpa tapi telah tentang terhadap tersebut tetapi tidak
untuk yaitu yakni yang
`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	start := -1
	for i := 0; i <= len(words); i++ {
		if i == len(words) || words[i] == ' ' || words[i] == '\n' {
			if start >= 0 {
				m[words[start:i]] = true
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return m
}

// IsStopword reports whether a folded word is a stopword.
func IsStopword(w string) bool { return stopwords[w] }
