package render

import (
	"encoding/binary"
	"testing"
)

// TestFavicon reads favicon.ico back as an ICO file: one 16×16 32-bit image whose size and
// offset in the directory match the bytes, so browsers accept it.
func TestFavicon(t *testing.T) {
	ico := favicon()
	u16 := func(i int) int { return int(binary.LittleEndian.Uint16(ico[i:])) }
	u32 := func(i int) int { return int(binary.LittleEndian.Uint32(ico[i:])) }
	if u16(0) != 0 || u16(2) != 1 || u16(4) != 1 {
		t.Fatalf("ICONDIR reserved/type/count = %d/%d/%d, want 0/1/1", u16(0), u16(2), u16(4))
	}
	if ico[6] != 16 || ico[7] != 16 || u16(12) != 32 {
		t.Errorf("image %d×%d at %d bits, want 16×16 at 32", ico[6], ico[7], u16(12))
	}
	size, offset := u32(14), u32(18)
	if offset != 22 || offset+size != len(ico) {
		t.Errorf("image at %d, %d bytes; the file has %d bytes", offset, size, len(ico))
	}
	if u32(offset) != 40 || u32(offset+4) != 16 || u32(offset+8) != 32 {
		t.Errorf("BITMAPINFOHEADER size/width/height = %d/%d/%d, want 40/16/32", u32(offset), u32(offset+4), u32(offset+8))
	}
}
