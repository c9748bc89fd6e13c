// Package warctest builds small WARC archives for tests: records, HTTP
// responses and gzip-per-record files.
package warctest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
)

// Date is the WARC-Date written by Response.
const Date = "2024-11-05T08:30:00Z"

// Record returns one WARC/1.1 record of type typ with the given extra
// header fields (name, value pairs) and block.
func Record(typ string, block []byte, fields ...string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\n", typ)
	for i := 0; i+1 < len(fields); i += 2 {
		fmt.Fprintf(&b, "%s: %s\r\n", fields[i], fields[i+1])
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// HTTP returns an HTTP/1.1 response message with the given status,
// Content-Type, extra header lines ("Name: value") and body.
func HTTP(status int, contentType string, body []byte, headers ...string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", status, http.StatusText(status))
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	return b.Bytes()
}

// Response returns a response record for url holding an HTTP response.
func Response(url string, status int, contentType string, body []byte, headers ...string) []byte {
	return Record("response", HTTP(status, contentType, body, headers...),
		"WARC-Target-URI", url,
		"WARC-Date", Date,
		"Content-Type", "application/http; msgtype=response")
}

// Warcinfo returns a warcinfo record.
func Warcinfo() []byte {
	return Record("warcinfo", []byte("software: warctest\r\nformat: WARC File Format 1.1\r\n"),
		"WARC-Date", Date, "Content-Type", "application/warc-fields")
}

// Request returns a request record for url.
func Request(url string) []byte {
	return Record("request", []byte("GET / HTTP/1.1\r\nHost: example.test\r\n\r\n"),
		"WARC-Target-URI", url, "Content-Type", "application/http; msgtype=request")
}

// Gzip compresses each part as its own gzip member and concatenates
// them, as .warc.gz files do with one member per record.
func Gzip(parts ...[]byte) []byte {
	var b bytes.Buffer
	for _, p := range parts {
		zw := gzip.NewWriter(&b)
		zw.Write(p)
		zw.Close()
	}
	return b.Bytes()
}

// Concat joins records into one uncompressed archive.
func Concat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
