/**
 * Imported first by server.ts, so that it runs before the rest of the bundle loads.
 *
 * Parsing makes many short-lived objects, and V8 answers by growing the young generation to
 * tens of megabytes that then stay resident for the editor's whole session. The extension starts
 * the server with a cap (young-generation.json: 4 MB semi-spaces, room for a keystroke's
 * analysis without promoting it, about 10 MB resident). Started any other way — by another
 * editor, over stdio — the server holds the young generation at its initial size itself: V8
 * reads this flag whenever the heap considers growing, so setting it at run time takes effect.
 * That costs more garbage-collection time per keystroke but keeps memory as low.
 */
import * as v8 from 'node:v8';

if (!process.execArgv.some((flag) => flag.includes('semi-space-size'))) v8.setFlagsFromString('--semi-space-growth-factor=1');
