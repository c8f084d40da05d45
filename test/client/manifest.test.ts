import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECKLIST_VIEW, COMMANDS, CONTEXT } from '../../client/src/names';
import { SEVERITY_SETTINGS } from '../../server/src/engine/rule';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { l10nCalls, registerCommandCalls, ROOT } from './source-strings';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const manifest = read('package.json');
const contributes = manifest.contributes;
const NLS_FILES = ['package.nls.json', 'package.nls.zh-cn.json'];

/** Every "%key%" string anywhere in the manifest. */
function nlsKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) found.add(m[1]!);
  } else if (value && typeof value === 'object') {
    for (const child of Object.values(value)) nlsKeys(child, found);
  }
  return found;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
const codicons = (s: string) => [...s.matchAll(/\$\([a-z-]+\)/g)].map((m) => m[0]).sort();

describe('package.json', () => {
  describe('localization of contributions', () => {
    const used = nlsKeys(manifest);

    for (const file of NLS_FILES) {
      it(`${file} has every %key% the manifest uses, and no other`, () => {
        const bundle = read(file);
        assert.deepEqual([...used].filter((key) => typeof bundle[key] !== 'string' || bundle[key].trim() === ''), [], 'missing');
        assert.deepEqual(Object.keys(bundle).filter((key) => !used.has(key)), [], 'unused');
      });
    }

    it('every title, name, description and alias a user sees is a %key%', () => {
      const literal = (where: string, value: unknown) => assert.match(String(value), /^%.+%$/, `${where}: ${value}`);
      for (const command of contributes.commands) (literal(command.command, command.title), literal(command.command, command.category));
      for (const view of contributes.views.explorer) literal(view.id, view.name);
      for (const welcome of contributes.viewsWelcome) literal(welcome.view, welcome.contents);
      literal('configuration', contributes.configuration.title);
      for (const [key, setting] of Object.entries<Record<string, unknown>>(contributes.configuration.properties)) {
        literal(key, setting.description ?? setting.markdownDescription);
        for (const d of (setting.enumDescriptions as string[] | undefined) ?? []) literal(key, d);
        const nested = setting.additionalProperties as { enumDescriptions?: string[] } | undefined;
        for (const d of nested?.enumDescriptions ?? []) literal(key, d);
      }
      for (const language of contributes.languages) literal(language.id, language.aliases[0]);
    });

    it('Chinese and English entries keep the same markdown code spans and command links', () => {
      const [en, zh] = NLS_FILES.map(read);
      for (const key of Object.keys(en)) {
        const spans = (s: string) => [...s.matchAll(/`[^`]+`|\(command:[^)]+\)/g)].map((m) => m[0]).sort();
        assert.deepEqual(spans(zh[key]), spans(en[key]), key);
      }
    });
  });

  describe('commands, menus and views', () => {
    const contributed: string[] = contributes.commands.map((c: { command: string }) => c.command);

    it('contributes exactly the commands the client registers', () => {
      const registered = registerCommandCalls().map((call) => {
        const m = /^COMMANDS\.(\w+)$/.exec(call.argument);
        assert.ok(m, `${call.file}:${call.line} registers ${call.argument}; use an id from client/src/names.ts`);
        return (COMMANDS as Record<string, string>)[m[1]!];
      });
      assert.deepEqual([...contributed].sort(), [...registered].sort());
      assert.deepEqual([...contributed].sort(), Object.values(COMMANDS).sort());
    });

    it('menus name contributed commands, and their when clauses only known context keys', () => {
      const known = new Set<string>([...Object.values(CONTEXT), CHECKLIST_VIEW]);
      for (const [menu, entries] of Object.entries<Array<{ command: string; when?: string }>>(contributes.menus)) {
        for (const entry of entries) {
          assert.ok(contributed.includes(entry.command), `${menu}: ${entry.command}`);
          for (const key of entry.when?.match(/reportLint\.[\w.]+/g) ?? []) assert.ok(known.has(key), `${menu}: unknown context key ${key}`);
        }
      }
      for (const view of contributes.views.explorer) {
        for (const key of view.when?.match(/reportLint\.[\w.]+/g) ?? []) assert.ok(known.has(key), `view: unknown context key ${key}`);
      }
    });

    it('commands that act on the active report are hidden from the palette elsewhere', () => {
      const palette = new Map<string, string>(contributes.menus.commandPalette.map((e: { command: string; when: string }) => [e.command, e.when]));
      for (const id of [COMMANDS.renumber, COMMANDS.insertSection, COMMANDS.fixAll]) {
        assert.match(palette.get(id) ?? '', /reportLint\.activeReport/, id);
      }
    });

    it('the checklist view is in the Explorer with welcome content whose links run contributed commands', () => {
      assert.ok(contributes.views.explorer.some((v: { id: string }) => v.id === CHECKLIST_VIEW));
      const welcome = contributes.viewsWelcome.find((w: { view: string }) => w.view === CHECKLIST_VIEW);
      assert.ok(welcome, 'welcome content');
      for (const file of NLS_FILES) {
        const text: string = read(file)[welcome.contents.slice(1, -1)];
        const links = [...text.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!);
        assert.ok(links.length > 0, file);
        for (const link of links) assert.ok(contributed.includes(link), `${file}: ${link}`);
      }
    });
  });

  describe('settings', () => {
    const properties: Record<string, { default: unknown; enum?: unknown[]; enumDescriptions?: unknown[]; additionalProperties?: { enum: unknown[]; enumDescriptions: unknown[] } }> =
      contributes.configuration.properties;

    it('are the server’s settings, with the server’s defaults, plus trace.server', () => {
      const expected = { ...Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([k, v]) => [`reportLint.${k}`, v])), 'reportLint.trace.server': 'off' };
      const actual = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v.default]));
      assert.deepEqual(actual, expected);
    });

    it('offer the severities the configuration file accepts, each described', () => {
      const rules = properties['reportLint.rules']!.additionalProperties!;
      assert.deepEqual(rules.enum, [...SEVERITY_SETTINGS]);
      assert.equal(rules.enumDescriptions.length, rules.enum.length);
      for (const [key, setting] of Object.entries(properties)) {
        if (setting.enum && setting.enumDescriptions) assert.equal(setting.enumDescriptions.length, setting.enum.length, key);
      }
    });
  });

  describe('language, grammar, snippets and packaging', () => {
    it('every file a contribution points to exists', () => {
      const paths = [
        manifest.main,
        ...contributes.languages.map((l: { configuration: string }) => l.configuration),
        ...contributes.grammars.map((g: { path: string }) => g.path),
        ...contributes.snippets.map((s: { path: string }) => s.path),
        manifest.l10n,
      ];
      for (const p of paths) {
        if (p === manifest.main) assert.equal(p, './out/client.cjs', 'the bundle scripts/build.mjs writes');
        else assert.ok(fs.existsSync(path.join(ROOT, p)), p);
      }
    });

    it('the grammar and snippets belong to a contributed or built-in language', () => {
      const ids = new Set(['plaintext', 'markdown', ...contributes.languages.map((l: { id: string }) => l.id)]);
      for (const g of contributes.grammars) assert.ok(ids.has(g.language), g.language);
      for (const s of contributes.snippets) assert.ok(ids.has(s.language), s.language);
      for (const id of ids) assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), `activates on ${id}`);
    });

    it('engines.vscode is not older than @types/vscode (vsce refuses to package otherwise)', () => {
      const types = manifest.devDependencies['@types/vscode'] as string;
      const engine = (manifest.engines.vscode as string).replace(/^\^/, '');
      const [a, b] = [types, engine].map((v) => v.split('.').map(Number));
      assert.ok(a![0]! < b![0]! || (a![0] === b![0] && a![1]! <= b![1]!), `@types/vscode ${types} vs engines ${engine}`);
    });

    it('.vscodeignore keeps the files the installed extension reads, and nothing else', async () => {
      // vsce's own file listing (what `vsce ls` prints), so the rules are vsce's, not a re-implementation.
      const { listFiles, PackageManager } = await import('@vscode/vsce');
      const files = new Set(await listFiles({ cwd: ROOT, packageManager: PackageManager.None }));
      const required = [
        'package.json',
        ...NLS_FILES,
        'out/client.cjs',
        'out/server.cjs',
        'LICENSE',
        'README.md',
        ...fs.readdirSync(path.join(ROOT, 'l10n')).map((f) => `l10n/${f}`),
        ...fs.readdirSync(path.join(ROOT, 'docs/rules')).map((f) => `docs/rules/${f}`),
        ...contributes.languages.map((l: { configuration: string }) => path.posix.normalize(l.configuration)),
        ...contributes.grammars.map((g: { path: string }) => path.posix.normalize(g.path)),
        ...contributes.snippets.map((s: { path: string }) => path.posix.normalize(s.path)),
      ];
      assert.deepEqual(required.filter((f) => !files.has(f)), [], 'missing from the package');
      const unexpected = [...files].filter((f) => /^(client|server|test|scripts|node_modules|examples)\/|\.map$|\.ts$/.test(f));
      assert.deepEqual(unexpected, [], 'should not be packaged');
    });
  });
});

describe('l10n bundle', () => {
  const bundle: Record<string, string> = read('l10n/bundle.l10n.zh-cn.json');
  const calls = l10nCalls();

  it('every vscode.l10n.t call passes a string literal, so its message can be checked here', () => {
    assert.deepEqual(calls.filter((c) => c.text === undefined).map((c) => `${c.file}:${c.line} ${c.argument}`), []);
  });

  it('has a Chinese translation of every message the client shows, and nothing else', () => {
    const messages = new Set(calls.map((c) => c.text!));
    assert.deepEqual([...messages].filter((m) => !(m in bundle)), [], 'missing');
    assert.deepEqual(Object.keys(bundle).filter((m) => !messages.has(m)), [], 'unused');
  });

  it('translations keep every {n} placeholder and $(icon)', () => {
    for (const [message, translation] of Object.entries(bundle)) {
      assert.ok(translation.trim() !== '', message);
      assert.deepEqual(placeholders(translation), placeholders(message), message);
      assert.deepEqual(codicons(translation), codicons(message), message);
    }
  });
});
