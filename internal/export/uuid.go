package export

import (
	"crypto/sha1"
	"encoding/hex"
)

// UUID is an RFC 9562 UUID.
type UUID [16]byte

// Namespace is the fixed UUIDv5 namespace of Tilbudsviften's identifiers. It must never
// change: every published HSDS id is derived from it.
var Namespace = MustParseUUID("3e36d443-2107-4b90-ba15-60dbc76b50bb")

// NewUUID5 returns the name-based (SHA-1, version 5) UUID of name in namespace ns.
func NewUUID5(ns UUID, name string) UUID {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u UUID
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // variant RFC 9562
	return u
}

// String returns the canonical form, e.g. "3e36d443-2107-4b90-ba15-60dbc76b50bb".
func (u UUID) String() string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}

// MustParseUUID parses the canonical form and panics on anything else; it is for constants.
func MustParseUUID(s string) UUID {
	var u UUID
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		panic("export: bad UUID " + s)
	}
	h := s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	if _, err := hex.Decode(u[:], []byte(h)); err != nil {
		panic("export: bad UUID " + s)
	}
	return u
}

// ids derives the identifiers of one site: the municipality's name is part of every name, so
// two municipalities with an offer of the same slug publish different ids.
type ids struct{ prefix string }

func newIDs(municipality string) ids { return ids{prefix: "tilbudsviften/" + municipality + "/"} }

// id returns the UUID of the object of the given kind and key, as a string.
func (x ids) id(kind string, key ...string) string {
	name := x.prefix + kind
	for _, k := range key {
		name += "/" + k
	}
	return NewUUID5(Namespace, name).String()
}

// ServiceID returns the HSDS id of the offer with the given slug in the municipality's site.
func ServiceID(municipality, slug string) string { return newIDs(municipality).id("service", slug) }
