/**
 * A reader for VS Code's snippet body syntax, strict where VS Code is lenient: VS Code inserts a
 * malformed `${` or an unknown `$VARIABLE` as literal or placeholder text without complaint, which
 * is how a broken snippet ships unnoticed. Transforms (${1/…/…/}) are not used by this project's
 * snippets and are rejected.
 *
 *   any         ::= (text | '\' char | '$' construct)*
 *   construct   ::= int | '{' int '}' | '{' int ':' any '}' | '{' int '|' choices '|}'
 *                 | name | '{' name '}' | '{' name ':' any '}'
 */

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
  | { type: 'variable'; name: string; children?: SnippetNode[] };

/** The variables VS Code resolves (vscode/src/vs/editor/contrib/snippet/browser/snippetVariables.ts). */
export const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME',
  'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH',
  'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM',
  'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

export class SnippetSyntaxError extends Error {}

export function parseSnippet(body: string): SnippetNode[] {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SnippetSyntaxError(`${what} at offset ${pos}: …${body.slice(Math.max(0, pos - 10), pos + 10)}…`);
  };

  // stopAt: the characters that end the current sequence ('}' inside a placeholder).
  const sequence = (stopAt: string): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (pos < body.length && !stopAt.includes(body[pos]!)) {
      const c = body[pos]!;
      if (c === '\\' && '$}\\'.includes(body[pos + 1] ?? '')) {
        text += body[pos + 1];
        pos += 2;
      } else if (c === '$') {
        flush();
        nodes.push(construct());
      } else {
        text += c;
        pos++;
      }
    }
    flush();
    return nodes;
  };

  const int = (): number | undefined => {
    const m = /^\d+/.exec(body.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return Number(m[0]);
  };
  const name = (): string | undefined => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return m[0];
  };
  const expect = (c: string) => {
    if (body[pos] !== c) fail(`expected "${c}"`);
    pos++;
  };

  const construct = (): SnippetNode => {
    pos++; // $
    if (body[pos] !== '{') {
      const index = int();
      if (index !== undefined) return { type: 'tabstop', index };
      const variable = name();
      if (variable !== undefined) return { type: 'variable', name: variable };
      return fail('unescaped "$" (write \\$ for a dollar sign)');
    }
    pos++; // {
    const index = int();
    if (index !== undefined) {
      if (body[pos] === '}') return pos++, { type: 'tabstop', index };
      if (body[pos] === ':') {
        pos++;
        const children = sequence('}');
        expect('}');
        return { type: 'tabstop', index, children };
      }
      if (body[pos] === '|') {
        pos++;
        const choices: string[] = [];
        let choice = '';
        while (pos < body.length && body[pos] !== '|') {
          if (body[pos] === '\\' && ',|\\$}'.includes(body[pos + 1] ?? '')) (choice += body[pos + 1]), (pos += 2);
          else if (body[pos] === ',') choices.push(choice), (choice = ''), pos++;
          else choice += body[pos++];
        }
        choices.push(choice);
        expect('|');
        expect('}');
        return { type: 'tabstop', index, choices };
      }
      return fail('expected "}", ":" or "|" after a tab stop number');
    }
    const variable = name();
    if (variable === undefined) return fail('expected a tab stop number or a variable name after "${"');
    if (body[pos] === '}') return pos++, { type: 'variable', name: variable };
    if (body[pos] === ':') {
      pos++;
      const children = sequence('}');
      expect('}');
      return { type: 'variable', name: variable, children };
    }
    return fail('expected "}" or ":" after a variable name');
  };

  const nodes = sequence('');
  if (pos !== body.length) fail('unexpected character');
  return nodes;
}

/** Every tab stop and variable in the tree, nested ones included. */
export function walk(nodes: SnippetNode[], visit: (node: SnippetNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.type !== 'text' && node.children) walk(node.children, visit);
  }
}

/**
 * The text VS Code inserts before the user types anything: each tab stop shows the default of
 * its first occurrence with a default (mirrors repeat it), variables take the given values.
 */
export function expandSnippet(nodes: SnippetNode[], variables: Record<string, string>): string {
  const defaults = new Map<number, SnippetNode[] | string>();
  walk(nodes, (node) => {
    if (node.type !== 'tabstop' || defaults.has(node.index)) return;
    if (node.children) defaults.set(node.index, node.children);
    else if (node.choices) defaults.set(node.index, node.choices[0]!);
  });
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        if (node.type === 'text') return node.value;
        if (node.type === 'variable') return variables[node.name] ?? (node.children ? render(node.children) : '');
        const value = defaults.get(node.index);
        return value === undefined ? '' : typeof value === 'string' ? value : render(value);
      })
      .join('');
  return render(nodes);
}
