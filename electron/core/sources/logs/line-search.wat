;; The transcript reader's byte searches (see README.md "Why each fast part exists"), with
;; WebAssembly SIMD: 16 bytes per step, and no native call per hit as Buffer#indexOf pays.
;; Compiled by wabt when the bundles are built (scripts/wat.mjs); line-search.test.ts checks every
;; function against Buffer#indexOf on random bytes.
;;
;; The memory layout, here and nowhere else (line-search.ts reads it from the exports):
;;   [0, 64)        the needles the line scanner looks for inside a hit line (data segment below)
;;   [64, …)        the read data; the host grows the memory to fit, plus $PAD bytes, because a
;;                  16-byte load at the last offset may read up to 15 bytes past the data.
(module
  (memory (export "memory") 1)

  (global $DATA (export "DATA") i32 (i32.const 64))
  (global $PAD (export "PAD") i32 (i32.const 64))

  ;; `"message":{` at 0 (11 bytes), `"content":[` at 16 (11), `],"stop_reason":` at 32 (16).
  (data (i32.const 0) "\22message\22:{")
  (data (i32.const 16) "\22content\22:[")
  (data (i32.const 32) "],\22stop_reason\22:")
  (global (export "MESSAGE") i32 (i32.const 0))
  (global (export "MESSAGE_LENGTH") i32 (i32.const 11))
  (global (export "CONTENT") i32 (i32.const 16))
  (global (export "CONTENT_LENGTH") i32 (i32.const 11))
  (global (export "CONTENT_END") i32 (i32.const 32))
  (global (export "CONTENT_END_LENGTH") i32 (i32.const 16))

  ;; The first p with start ≤ p and p + 9 ≤ end where `"usage":{` starts, or −1.
  ;; Per 16 bytes: the bytes equal to `"` AND the bytes 8 further equal to `{` are candidates;
  ;; each candidate's first 8 bytes are then compared as one little-endian i64.
  (func $findUsage (export "findUsage") (param $start i32) (param $end i32) (result i32)
    (local $block i32) (local $candidates i32) (local $at i32) (local $last i32)
    (local $quote v128) (local $brace v128)
    (local.set $quote (i8x16.splat (i32.const 0x22)))
    (local.set $brace (i8x16.splat (i32.const 0x7b)))
    (local.set $last (i32.sub (local.get $end) (i32.const 9)))
    (local.set $block (local.get $start))
    (block $done
      (loop $blocks
        (br_if $done (i32.gt_s (local.get $block) (local.get $last)))
        (local.set $candidates
          (i8x16.bitmask
            (v128.and
              (i8x16.eq (v128.load (local.get $block)) (local.get $quote))
              (i8x16.eq (v128.load offset=8 (local.get $block)) (local.get $brace)))))
        (block $next
          (loop $each
            (br_if $next (i32.eqz (local.get $candidates)))
            (local.set $at (i32.add (local.get $block) (i32.ctz (local.get $candidates))))
            (if (i32.gt_s (local.get $at) (local.get $last)) (then (return (i32.const -1))))
            ;; `"usage":` as an i64, little-endian
            (if (i64.eq (i64.load (local.get $at)) (i64.const 0x3a22656761737522))
              (then (return (local.get $at))))
            ;; clear the lowest candidate bit
            (local.set $candidates
              (i32.and (local.get $candidates) (i32.sub (local.get $candidates) (i32.const 1))))
            (br $each)))
        (local.set $block (i32.add (local.get $block) (i32.const 16)))
        (br $blocks)))
    (i32.const -1))

  ;; The offset of the first `\n` in [position, end), or end.
  (func $lineEnd (export "lineEnd") (param $position i32) (param $end i32) (result i32)
    (local $at i32) (local $newlines i32) (local $newline v128)
    (local.set $newline (i8x16.splat (i32.const 0x0a)))
    (local.set $at (local.get $position))
    (block $tail
      (loop $blocks
        (br_if $tail (i32.gt_s (i32.add (local.get $at) (i32.const 16)) (local.get $end)))
        (local.set $newlines
          (i8x16.bitmask (i8x16.eq (v128.load (local.get $at)) (local.get $newline))))
        (if (local.get $newlines)
          (then (return (i32.add (local.get $at) (i32.ctz (local.get $newlines))))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $blocks)))
    ;; the last bytes, fewer than 16, one at a time
    (block $done
      (loop $bytes
        (br_if $done (i32.ge_s (local.get $at) (local.get $end)))
        (if (i32.eq (i32.load8_u (local.get $at)) (i32.const 0x0a)) (then (return (local.get $at))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $bytes)))
    (local.get $end))

  ;; The offset after the last `\n` in [floor, position), or floor.
  (func $lineStart (export "lineStart") (param $position i32) (param $floor i32) (result i32)
    (local $at i32) (local $newlines i32) (local $newline v128)
    (local.set $newline (i8x16.splat (i32.const 0x0a)))
    (local.set $at (local.get $position))
    (block $head
      (loop $blocks
        (br_if $head (i32.lt_s (i32.sub (local.get $at) (i32.const 16)) (local.get $floor)))
        (local.set $at (i32.sub (local.get $at) (i32.const 16)))
        (local.set $newlines
          (i8x16.bitmask (i8x16.eq (v128.load (local.get $at)) (local.get $newline))))
        ;; the highest set bit is the last newline of the block: block + 31 − clz, plus one
        (if (local.get $newlines)
          (then (return (i32.sub (i32.add (local.get $at) (i32.const 32)) (i32.clz (local.get $newlines))))))
        (br $blocks)))
    ;; the first bytes, fewer than 16, one at a time, backwards
    (block $done
      (loop $bytes
        (br_if $done (i32.le_s (local.get $at) (local.get $floor)))
        (local.set $at (i32.sub (local.get $at) (i32.const 1)))
        (if (i32.eq (i32.load8_u (local.get $at)) (i32.const 0x0a))
          (then (return (i32.add (local.get $at) (i32.const 1)))))
        (br $bytes)))
    (local.get $floor))

  ;; The first p in [start, end − length] where the `length` bytes at p equal those at `needle`,
  ;; or −1. A SIMD filter on the needle's first and last byte, then the bytes between one by one.
  (func $findBytes (export "findBytes")
    (param $start i32) (param $end i32) (param $needle i32) (param $length i32) (result i32)
    (local $block i32) (local $candidates i32) (local $at i32) (local $last i32) (local $k i32)
    (local $first v128) (local $final v128)
    (local.set $first (i8x16.splat (i32.load8_u (local.get $needle))))
    (local.set $final
      (i8x16.splat (i32.load8_u (i32.sub (i32.add (local.get $needle) (local.get $length)) (i32.const 1)))))
    (local.set $last (i32.sub (local.get $end) (local.get $length)))
    (local.set $block (local.get $start))
    (block $done
      (loop $blocks
        (br_if $done (i32.gt_s (local.get $block) (local.get $last)))
        (local.set $candidates
          (i8x16.bitmask
            (v128.and
              (i8x16.eq (v128.load (local.get $block)) (local.get $first))
              (i8x16.eq
                (v128.load (i32.sub (i32.add (local.get $block) (local.get $length)) (i32.const 1)))
                (local.get $final)))))
        (block $next
          (loop $each
            (br_if $next (i32.eqz (local.get $candidates)))
            (local.set $at (i32.add (local.get $block) (i32.ctz (local.get $candidates))))
            (if (i32.gt_s (local.get $at) (local.get $last)) (then (return (i32.const -1))))
            (local.set $k (i32.const 1))
            (block $mismatch
              (loop $compare
                (if (i32.ge_s (local.get $k) (i32.sub (local.get $length) (i32.const 1)))
                  (then (return (local.get $at))))
                (br_if $mismatch
                  (i32.ne
                    (i32.load8_u (i32.add (local.get $at) (local.get $k)))
                    (i32.load8_u (i32.add (local.get $needle) (local.get $k)))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $compare)))
            (local.set $candidates
              (i32.and (local.get $candidates) (i32.sub (local.get $candidates) (i32.const 1))))
            (br $each)))
        (local.set $block (i32.add (local.get $block) (i32.const 16)))
        (br $blocks)))
    (i32.const -1))
)
