/**
 * Reads client/src with the TypeScript parser and returns what the manifest tests compare with
 * package.json and the l10n bundle: the messages passed to vscode.l10n.t, and the command ids
 * passed to registerCommand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '../..');
const CLIENT_SRC = path.join(ROOT, 'client/src');

export interface SourceCall {
  file: string;
  line: number;
  /** The first argument when it is a string literal, else undefined. */
  text: string | undefined;
  /** The first argument's source text. */
  argument: string;
}

function sourceFiles(): ts.SourceFile[] {
  return fs
    .readdirSync(CLIENT_SRC)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => {
      const file = path.join(CLIENT_SRC, name);
      return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    });
}

/** Calls whose callee's source text ends with one of the given names (e.g. `l10n.t`). */
function callsTo(callees: string[]): SourceCall[] {
  const calls: SourceCall[] = [];
  for (const source of sourceFiles()) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && callees.some((callee) => node.expression.getText(source).endsWith(callee))) {
        const first = node.arguments[0];
        calls.push({
          file: path.relative(ROOT, source.fileName),
          line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
          text: first && ts.isStringLiteralLike(first) ? first.text : undefined,
          argument: first ? first.getText(source) : '',
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

export const l10nCalls = (): SourceCall[] => callsTo(['l10n.t']);
export const registerCommandCalls = (): SourceCall[] => callsTo(['commands.registerCommand']);
