package content

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
)

// Cache keeps the parsed entity files of a content folder between loads, keyed by path and
// content hash, so that loading the folder again after one edit parses (YAML, Markdown) only
// the edited file; every other step of Load (references, links, warnings) runs again in full,
// so a load with a cache gives exactly what a load without one gives.
//
// A Cache belongs to one content folder and one prefix and must not be used by two Loads at
// once. Entries of files that are gone are dropped at the end of each load, so the cache does
// not grow with edits.
type Cache struct {
	mu       sync.Mutex
	entries  map[string]*cacheEntry // path in the folder → last parse
	versions map[string]string      // path → content hash of every file the running (or last) load read
}

type cacheEntry struct {
	sum  [sha256.Size]byte
	p    *parsed   // nil when the file did not parse
	errs ErrorList // what parsing it reported
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{entries: map[string]*cacheEntry{}, versions: map[string]string{}}
}

// Versions returns the content hash (hex) of every file the last load read, by path in the
// content folder. The map is the caller's.
func (c *Cache) Versions() map[string]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]string, len(c.versions))
	for k, v := range c.versions {
		out[k] = v
	}
	return out
}

// begin starts a load.
func (c *Cache) begin() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.versions)
}

// end drops the entries of files the load did not see.
func (c *Cache) end() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for rel := range c.entries {
		if _, read := c.versions[rel]; !read {
			delete(c.entries, rel)
		}
	}
}

// note records the content hash of a file read by the load.
func (c *Cache) note(rel string, sum [sha256.Size]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.versions[rel] = hex.EncodeToString(sum[:])
}

// get returns the cached parse of rel when its content hash is sum.
func (c *Cache) get(rel string, sum [sha256.Size]byte) (*cacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[rel]
	if !ok || e.sum != sum {
		return nil, false
	}
	return e, true
}

func (c *Cache) put(rel string, e *cacheEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[rel] = e
}
