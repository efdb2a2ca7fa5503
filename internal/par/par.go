// Package par runs loops on all processors. The build is CPU-bound and its parallel parts are
// loops over independent items whose results go into a slice by index, so the output does not
// depend on the order the items finish in.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(0) … f(n-1), each once, from GOMAXPROCS goroutines, and returns when all calls
// have returned. f must only write state of its own item.
func For(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		})
	}
	wg.Wait()
}
