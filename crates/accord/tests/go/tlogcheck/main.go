// tlogcheck checks an Accord forum's transparency log with Go's
// golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog, code that
// nobody on the Accord team wrote:
//
//	tlogcheck [-static] BASE_URL VERIFIER_KEY OLD_SIZE [OLD_SIZE...]
//
// It verifies the checkpoint's signature, reads the tree through the C2SP
// tiles (tlog's TileHashReader checks every tile against the signed root),
// recomputes every entry's leaf hash from the entry bundles, checks the
// server's inclusion proof of each entry and compares it with the proof
// computed from the tiles, and checks the server's consistency proofs from
// each OLD_SIZE. It prints one line per check and exits 1 on the first
// failure.
//
// With -static, BASE_URL is a static host serving a copy of the log
// (`accord serve --log-dir`) with no API: every proof is computed from the
// tiles alone (tlog.ProveRecord, tlog.ProveTree) and checked against the
// signed root (tlog.CheckRecord, tlog.CheckTree).
package main

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

var base string

func fail(format string, args ...interface{}) {
	fmt.Printf("FAIL "+format+"\n", args...)
	os.Exit(1)
}

func get(path string) []byte {
	resp, err := http.Get(base + path)
	if err != nil {
		fail("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		fail("GET %s: status %d %v %s", path, resp.StatusCode, err, body)
	}
	return body
}

// c2spPath is the C2SP tlog-tiles path of a tile: no height element, and
// "entries" for data tiles.
func c2spPath(t tlog.Tile) string {
	n := t.N
	s := fmt.Sprintf("%03d", n%1000)
	for n >= 1000 {
		n /= 1000
		s = fmt.Sprintf("x%03d/%s", n%1000, s)
	}
	level := strconv.Itoa(t.L)
	if t.L == -1 {
		level = "entries"
	}
	if t.W != 1<<uint(t.H) {
		s += fmt.Sprintf(".p/%d", t.W)
	}
	return "/log/tile/" + level + "/" + s
}

type tiles struct{}

func (tiles) Height() int { return 8 }
func (tiles) ReadTiles(ts []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(ts))
	for i, t := range ts {
		out[i] = get(c2spPath(t))
	}
	return out, nil
}
func (tiles) SaveTiles([]tlog.Tile, [][]byte) {}

func decodeHashes(list []string) []tlog.Hash {
	out := make([]tlog.Hash, len(list))
	for i, s := range list {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(b) != 32 {
			fail("bad hash %q", s)
		}
		copy(out[i][:], b)
	}
	return out
}

func main() {
	args := os.Args[1:]
	static := len(args) > 0 && args[0] == "-static"
	if static {
		args = args[1:]
	}
	if len(args) < 2 {
		fail("usage: tlogcheck [-static] BASE_URL VERIFIER_KEY OLD_SIZE...")
	}
	base = strings.TrimSuffix(args[0], "/")
	verifier, err := note.NewVerifier(args[1])
	if err != nil {
		fail("verifier key: %v", err)
	}
	msg := get("/log/checkpoint")
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		fail("checkpoint signature: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 || lines[0] != verifier.Name() {
		fail("checkpoint body %q", n.Text)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		fail("checkpoint size %q", lines[1])
	}
	root := decodeHashes([]string{lines[2]})[0]
	fmt.Printf("ok checkpoint %s size %d signed by %s\n", lines[0], size, verifier.Name())

	thr := tlog.TileHashReader(tlog.Tree{N: size, Hash: root}, tiles{})
	th, err := tlog.TreeHash(size, thr)
	if err != nil || th != root {
		fail("tree hash from tiles: %v %v", th, err)
	}
	fmt.Printf("ok tiles give the signed root\n")

	// Every entry, from the entry bundles.
	var entries [][]byte
	for t := int64(0); t*256 < size; t++ {
		w := size - t*256
		if w > 256 {
			w = 256
		}
		bundle := get(c2spPath(tlog.Tile{H: 8, L: -1, N: t, W: int(w)}))
		for len(bundle) > 0 {
			l := int(binary.BigEndian.Uint16(bundle))
			entries = append(entries, bundle[2:2+l])
			bundle = bundle[2+l:]
		}
	}
	if int64(len(entries)) != size {
		fail("%d entries in the bundles, checkpoint says %d", len(entries), size)
	}
	for i, e := range entries {
		leaf := tlog.RecordHash(e)
		if static {
			// No server to ask: the proof comes from the tiles, and must
			// lead from the bundle's entry to the signed root.
			p, err := tlog.ProveRecord(size, int64(i), thr)
			if err != nil {
				fail("entry %d: proof from tiles: %v", i, err)
			}
			if err := tlog.CheckRecord(p, size, root, int64(i), leaf); err != nil {
				fail("entry %d: inclusion proof from the tiles: %v", i, err)
			}
			continue
		}
		var proof struct {
			Proof    []string `json:"proof"`
			LeafHash string   `json:"leaf_hash"`
		}
		if err := json.Unmarshal(get(fmt.Sprintf("/api/v1/log/inclusion?index=%d&size=%d", i, size)), &proof); err != nil {
			fail("inclusion JSON: %v", err)
		}
		if base64.StdEncoding.EncodeToString(leaf[:]) != proof.LeafHash {
			fail("entry %d: leaf hash differs", i)
		}
		p := tlog.RecordProof(decodeHashes(proof.Proof))
		if err := tlog.CheckRecord(p, size, root, int64(i), leaf); err != nil {
			fail("entry %d: server's inclusion proof: %v", i, err)
		}
		mine, err := tlog.ProveRecord(size, int64(i), thr)
		if err != nil || len(mine) != len(p) {
			fail("entry %d: proof from tiles: %v", i, err)
		}
		for j := range mine {
			if mine[j] != p[j] {
				fail("entry %d: proofs differ", i)
			}
		}
	}
	fmt.Printf("ok %d entries: leaf hashes and inclusion proofs\n", size)

	for _, arg := range args[2:] {
		old, _ := strconv.ParseInt(arg, 10, 64)
		if static {
			oldRoot, err := tlog.TreeHash(old, thr)
			if err != nil {
				fail("old root %d: %v", old, err)
			}
			p, err := tlog.ProveTree(size, old, thr)
			if err != nil {
				fail("consistency proof %d -> %d from tiles: %v", old, size, err)
			}
			if err := tlog.CheckTree(p, size, root, old, oldRoot); err != nil {
				fail("consistency %d -> %d: %v", old, size, err)
			}
			fmt.Printf("ok consistency %d -> %d\n", old, size)
			continue
		}
		var proof struct {
			Proof   []string `json:"proof"`
			OldRoot string   `json:"old_root"`
		}
		if err := json.Unmarshal(get(fmt.Sprintf("/api/v1/log/consistency?old=%d&new=%d", old, size)), &proof); err != nil {
			fail("consistency JSON: %v", err)
		}
		oldRoot, err := tlog.TreeHash(old, thr)
		if err != nil || base64.StdEncoding.EncodeToString(oldRoot[:]) != proof.OldRoot {
			fail("old root %d: %v", old, err)
		}
		if err := tlog.CheckTree(tlog.TreeProof(decodeHashes(proof.Proof)), size, root, old, oldRoot); err != nil {
			fail("consistency %d -> %d: %v", old, size, err)
		}
		fmt.Printf("ok consistency %d -> %d\n", old, size)
	}
}
