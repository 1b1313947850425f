package store

import (
	"strconv"
	"time"
)

// NewID returns a new record ID: now in milliseconds since 1970 as 9 base-36
// digits, then random as 8 base-36 digits, e.g. "m7k2q0x1c4hz9p2ka".
// IDs sort by time as strings (until the year 5188), and the random part
// (about 41 bits of it are used) keeps two IDs of the same millisecond apart.
// The caller supplies the randomness, e.g. from crypto/rand or math/rand/v2.
// Times before 1970 count as 1970.
func NewID(now time.Time, random uint64) string {
	ms := now.UnixMilli()
	if ms < 0 {
		ms = 0
	}
	const space = 36 * 36 * 36 * 36 * 36 * 36 * 36 * 36 // 36^8
	return pad(strconv.FormatInt(ms, 36), 9) + pad(strconv.FormatUint(random%space, 36), 8)
}

func pad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	const zeros = "000000000"
	return zeros[:n-len(s)] + s
}
