/**
 * Makes a failing input smaller after fast-check has shrunk its recipe: fast-check cannot take
 * lines out of the middle of a corpus window, so this removes whole lines, then runs of
 * characters, for as long as the same property still fails (delta debugging, greedy).
 */
import type { Case } from './generators';

/** Lines with their line breaks, so that joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Removes chunks of `parts` (halving the chunk size) while `fails` still holds; stops at the deadline. */
function reduce(parts: string[], fails: (parts: string[]) => boolean, deadline: number): string[] {
  let chunk = Math.max(1, Math.floor(parts.length / 2));
  while (chunk >= 1 && parts.length > 0) {
    let removed = false;
    for (let i = 0; i < parts.length && Date.now() < deadline; ) {
      const candidate = [...parts.slice(0, i), ...parts.slice(i + chunk)];
      if (fails(candidate)) {
        parts = candidate;
        removed = true;
      } else {
        i += chunk;
      }
    }
    if (Date.now() >= deadline) break;
    if (!removed) chunk = chunk === 1 ? 0 : Math.max(1, Math.floor(chunk / 2));
  }
  return parts;
}

/**
 * The smallest variant of `c` found within `budgetMs` for which `fails` is still true; `c` itself
 * when nothing can go. `fails` must not throw.
 */
export function minimize(c: Case, fails: (c: Case) => boolean, budgetMs = 30_000): Case {
  const deadline = Date.now() + budgetMs;
  const withText = (text: string): Case => ({ ...c, text });
  const lines = reduce(splitLines(c.text), (parts) => fails(withText(parts.join(''))), deadline);
  // Characters one by one are affordable only on a short text.
  const text = lines.join('');
  if (text.length > 4000) return withText(text);
  const chars = reduce([...text], (parts) => fails(withText(parts.join(''))), deadline);
  return withText(chars.join(''));
}
