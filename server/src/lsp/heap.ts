/**
 * Imported first by server.ts, so that it runs before the rest of the bundle loads.
 *
 * How the server keeps its memory low. The extension starts it as server-process.json says:
 *
 * - `--max-semi-space-size=4`: parsing makes many short-lived objects, and V8 answers by growing
 *   the young generation to tens of megabytes that then stay resident for the editor's whole
 *   session. 4 MB semi-spaces hold a keystroke's analysis without promoting it, for about 10 MB.
 * - `MALLOC_ARENA_MAX=1`: a huge document is analysed in a one-shot worker thread, and glibc gives
 *   each thread its own malloc arena, which it keeps after the thread ends — 25 MB or more of
 *   resident memory per worker that the server never uses again. One arena lets the next
 *   analysis reuse it.
 *
 * Started any other way — by another editor, over stdio — the server holds the young generation
 * at its initial size itself: V8 reads this flag whenever the heap considers growing, so setting
 * it at run time takes effect. That costs more garbage-collection time per keystroke but keeps
 * memory as low. (The malloc setting can only come from the environment the process starts in.)
 */
import * as v8 from 'node:v8';

if (!process.execArgv.some((flag) => flag.includes('semi-space-size'))) v8.setFlagsFromString('--semi-space-growth-factor=1');
