/**
 * Tokenizes text with the extension's grammar through vscode-textmate and vscode-oniguruma, the
 * engine and regex library VS Code itself uses, so the scopes are the ones the editor will show.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { ROOT } from './source-strings';

export interface Token {
  text: string;
  /** Scopes below the root scope, innermost last. */
  scopes: string[];
}

let grammar: Promise<textmate.IGrammar> | undefined;

function loadGrammar(): Promise<textmate.IGrammar> {
  grammar ??= (async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const contribution = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'report');
    const grammarPath = path.join(ROOT, contribution.path);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
        createOnigString: (text) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) =>
        scopeName === contribution.scopeName ? textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    });
    const loaded = await registry.loadGrammar(contribution.scopeName);
    if (!loaded) throw new Error(`grammar ${contribution.scopeName} did not load`);
    return loaded;
  })();
  return grammar;
}

/** Tokens per line, carrying the rule stack across lines as the editor does. */
export async function tokenize(text: string): Promise<Token[][]> {
  const g = await loadGrammar();
  let stack = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = g.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) }));
  });
}

export async function tokenizeLine(line: string): Promise<Token[]> {
  return (await tokenize(line))[0]!;
}
