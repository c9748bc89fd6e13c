//go:build !unix

package sizetest

import "time"

var epoch = time.Now()

// CPUTime falls back to wall time where getrusage is missing.
func CPUTime() time.Duration { return time.Since(epoch) }
