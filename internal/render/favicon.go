package render

import (
	"bytes"
	"encoding/binary"
)

// favicon returns a 16×16 favicon.ico: the site's blue with a white staircase (the
// Indsatstrappen). Browsers ask for /favicon.ico whatever the page links; serving one keeps
// their consoles free of 404 errors.
func favicon() []byte {
	const n = 16
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	le([]uint16{0, 1, 1})                  // ICONDIR: reserved, type icon, one image
	le([]uint8{n, n, 0, 0})                // width, height, no palette, reserved
	le([]uint16{1, 32})                    // planes, bits per pixel
	le([]uint32{40 + n*n*4 + n*4, 6 + 16}) // image size, offset
	le([]uint32{40, n, 2 * n})             // BITMAPINFOHEADER: size, width, height (XOR+AND)
	le([]uint16{1, 32})                    // planes, bits
	le([]uint32{0, n * n * 4, 0, 0, 0, 0}) // no compression, image size, resolution, colours
	for y := 0; y < n; y++ {               // bottom row first
		for x := 0; x < n; x++ {
			px := []uint8{0x87, 0x4b, 0x00, 0xff} // BGRA of #004b87
			step := (x - 2) / 3                   // four steps of three pixels, rising to the right
			if x >= 2 && x < 14 && (y == 2+step*3 || (x-2)%3 == 0 && y >= 2+(step-1)*3 && y <= 2+step*3 && step > 0) {
				px = []uint8{0xff, 0xff, 0xff, 0xff}
			}
			b.Write(px)
		}
	}
	b.Write(make([]byte, n*4)) // AND mask: all opaque
	return b.Bytes()
}
