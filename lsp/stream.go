package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
)

// maxMessage is the largest message body read; a longer Content-Length is refused rather than
// allocated.
const maxMessage = 64 << 20

// stream frames JSON-RPC messages with Content-Length headers, as editors send them on standard input
// and output. Unlike the jsonrpc2 package's own framing, a message that is not valid JSON-RPC is
// answered with a parse or invalid-request error and skipped, and the server goes on serving: one bad
// message from a client must not end the session. Headers that cannot be read leave no way to find the
// next message, so they do end it.
type stream struct {
	r      *bufio.Reader
	closer io.Closer

	mu sync.Mutex // one message written at a time
	w  io.Writer
}

func newStream(r io.Reader, w io.Writer, closer io.Closer) *stream {
	return &stream{r: bufio.NewReader(r), w: w, closer: closer}
}

// WriteObject writes one message.
func (s *stream) WriteObject(obj any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return jsonrpc2.VSCodeObjectCodec{}.WriteObject(s.w, obj)
}

// ReadObject reads the next well-formed message into v, answering and skipping those that are not.
func (s *stream) ReadObject(v any) error {
	for {
		body, err := s.readFrame()
		if err != nil {
			return err
		}
		err = json.Unmarshal(body, v)
		if err == nil {
			return nil
		}
		code := jsonrpc2.CodeInvalidRequest
		if !json.Valid(body) {
			code = jsonrpc2.CodeParseError
		}
		if err := s.WriteObject(errorResponse{Version: "2.0", Error: jsonrpc2.Error{Code: int64(code), Message: "invalid message: " + err.Error()}}); err != nil {
			return err
		}
	}
}

// errorResponse answers a message whose id could not be read: the id is null, as JSON-RPC asks.
type errorResponse struct {
	Version string         `json:"jsonrpc"`
	ID      *int           `json:"id"`
	Error   jsonrpc2.Error `json:"error"`
}

// Close closes the underlying connection, when there is one to close.
func (s *stream) Close() error {
	if s.closer == nil {
		return nil
	}
	return s.closer.Close()
}

// readFrame reads one message's headers and body.
func (s *stream) readFrame() ([]byte, error) {
	length := -1
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			if errors.Is(err, io.EOF) && line == "" && length < 0 {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("reading message headers: %w", io.ErrUnexpectedEOF)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if length < 0 {
				return nil, errors.New("message without a Content-Length header")
			}
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("malformed message header %q", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 || n > maxMessage {
				return nil, fmt.Errorf("bad Content-Length %q", strings.TrimSpace(value))
			}
			length = n
		}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.r, body); err != nil {
		return nil, fmt.Errorf("reading a message of %d bytes: %w", length, io.ErrUnexpectedEOF)
	}
	return body, nil
}
