package content_test

import (
	"testing"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/gen"
)

// BenchmarkLoad loads and validates a generated site of 10 000 offers from memory.
func BenchmarkLoad(b *testing.B) {
	fsys := gen.FS(10000)
	for b.Loop() {
		if _, _, err := content.Load(fsys, "content", content.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
