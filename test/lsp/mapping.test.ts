/** The pure LSP modules: detection, settings, diagnostics mapping, edits, code actions, commands. */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { parseConfig } from '../../server/src/engine/config';
import { lintText } from '../../server/src/engine/lint';
import type { LintMessage } from '../../server/src/engine/rule';
import { parse } from '../../server/src/parser';
import { RULE_IDS } from '../../server/src/rules';
import { requiredSection } from '../../server/src/rules/required-section';
import { analyze } from '../../server/src/lsp/analysis';
import { codeActions, isLargeFixData, wanted } from '../../server/src/lsp/code-actions';
import { checklist, insertSectionEdits } from '../../server/src/lsp/commands';
import { applyConfigChange, findingContext, markdownDisableEdit } from '../../server/src/lsp/config-edits';
import { documentFormat, isChecked, looksLikeReport } from '../../server/src/lsp/detect';
import { EMBEDDED_FIX_EDITS, configProblemDiagnostic, limitFindings, summarize, toDiagnostic } from '../../server/src/lsp/diagnostics';
import { documentFacts } from '../../server/src/lsp/facts';
import { effectiveConfig, parseSettings, problemLine, problemNotice, resolveLocale } from '../../server/src/lsp/settings';
import { minimalEdit } from '../../server/src/lsp/text';
import { CORPUS, readCorpus } from '../support/golden';
import { GAPPED, PARTIAL } from './support/samples';

describe('LSP mapping', () => {
  describe('looksLikeReport', () => {
    for (const name of CORPUS) it(`recognises ${name}`, () => assert.equal(looksLikeReport(readCorpus(name)), true));

    it('recognises a numbered report without the usual title by its vocabulary', () => {
      const text = '一、依法行政情况\n全年办理行政复议案件12件，开展执法检查。\n二、普法工作\n落实合法性审查制度。\n';
      assert.equal(looksLikeReport(text), true);
    });

    it('leaves other numbered text alone', () => {
      assert.equal(looksLikeReport('一、买菜\n二、做饭\n三、洗碗\n'), false);
      assert.equal(looksLikeReport('# Notes\n\nSome 法治 words but no structure.\n'), false);
      assert.equal(looksLikeReport(''), false);
    });

    it('checks the report language always, plain text and Markdown only when detected and allowed', () => {
      assert.equal(isChecked('report', '', false), true);
      assert.equal(isChecked('plaintext', GAPPED, true), true);
      assert.equal(isChecked('plaintext', GAPPED, false), false);
      assert.equal(isChecked('json', GAPPED, true), false);
      assert.equal(documentFormat('report', 'file:///a/b.md'), 'markdown');
      assert.equal(documentFormat('report', 'file:///a/b.txt'), 'text');
      assert.equal(documentFormat('markdown', 'untitled:1'), 'markdown');
      assert.equal(documentFormat('json', 'file:///a.json'), undefined);
    });
  });

  describe('settings', () => {
    it('falls back to the defaults for values of the wrong type, naming each', () => {
      const { settings, problems } = parseSettings(
        { enable: 'yes', autoDetect: false, locale: 'fr', maxDocumentSize: '2MB', rules: { 'numbering-sequence': 'off', 'no-such-rule': 'off' } },
        RULE_IDS,
      );
      assert.deepEqual(settings, { enable: true, autoDetect: false, locale: 'auto', rules: { 'numbering-sequence': { severity: 'off', options: {} } }, maxDocumentSize: 1_000_000 });
      assert.deepEqual(problems.map((p) => p.key), ['reportLint.enable', 'reportLint.locale', 'reportLint.maxDocumentSize', 'reportLint.rules.no-such-rule']);
      const lines = problems.map(problemLine).join('\n');
      assert.match(lines, /reportLint\.enable: expected true or false, got "yes"; using true/);
      assert.match(lines, /reportLint\.locale.*"fr"/);
      assert.match(lines, /reportLint\.maxDocumentSize: expected a positive whole number of characters, got "2MB"; using 1000000/);
      assert.match(lines, /no-such-rule/);
      assert.match(problemNotice(problems[0]!, 'zh'), /^report-lint：设置「reportLint\.enable」的值无效：应为 true 或 false，实际为 "yes"；使用 true。$/);
      assert.equal(parseSettings({ maxDocumentSize: 2_000_000 }, RULE_IDS).settings.maxDocumentSize, 2_000_000);
      for (const bad of [0, -5, 1.5, 1e300, true]) assert.equal(parseSettings({ maxDocumentSize: bad }, RULE_IDS).problems.length, 1, String(bad));
      assert.deepEqual(parseSettings([1, 2], RULE_IDS).settings.locale, 'auto');
      assert.deepEqual(parseSettings(null, RULE_IDS).problems, []);
    });

    it('lets the configuration file win over the settings for its folder', () => {
      const settings = parseSettings({ rules: { 'numbering-sequence': 'error' } }, RULE_IDS).settings;
      const file = parseConfig('{"locale": "en", "rules": {"numbering-sequence": "hint"}}', RULE_IDS).config;
      assert.equal(effectiveConfig(settings, file).rules['numbering-sequence']!.severity, 'hint');
      assert.equal(effectiveConfig(settings, undefined).rules['numbering-sequence']!.severity, 'error');
      assert.equal(resolveLocale('zh', 'en-us', file), 'en');
      assert.equal(resolveLocale('zh', 'en-us'), 'zh');
      assert.equal(resolveLocale('auto', 'en-us'), 'en');
      assert.equal(resolveLocale('auto', 'zh-tw'), 'zh');
      assert.equal(resolveLocale('auto', undefined), 'zh');
    });
  });

  describe('diagnostics', () => {
    const message: LintMessage = {
      ruleId: 'numbering-sequence', messageId: 'gap', severity: 'info', line: 3, column: 2, endLine: 3, endColumn: 5, message: 'm',
      offset: 10, endOffset: 13, related: [{ line: 1, column: 1, endLine: 1, endColumn: 4, message: 'r' }],
      fix: { description: 'd', edits: [{ start: 10, end: 13, text: 'x', line: 3, column: 2, endLine: 3, endColumn: 5 }] },
    };

    it('maps a finding to a diagnostic with 0-based positions, code, link, related places and data', () => {
      const d = toDiagnostic(message, 'file:///r.txt', 7, '/ext/docs/rules');
      assert.deepEqual(d.range, { start: { line: 2, character: 1 }, end: { line: 2, character: 4 } });
      assert.equal(d.severity, 3);
      assert.equal(d.code, 'numbering-sequence');
      assert.equal(d.codeDescription!.href, 'file:///ext/docs/rules/numbering-sequence.md'.replace('/ext', path.resolve('/ext')));
      assert.deepEqual(d.relatedInformation, [{ location: { uri: 'file:///r.txt', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } }, message: 'r' }]);
      assert.deepEqual(d.data, { ruleId: 'numbering-sequence', messageId: 'gap', version: 7, fix: message.fix });
    });

    it('leaves a fix with very many edits out of the data, keeping its title', () => {
      const edits = Array.from({ length: EMBEDDED_FIX_EDITS + 1 }, (_, i) => ({ ...message.fix!.edits[0]!, start: i, end: i }));
      const d = toDiagnostic({ ...message, fix: { description: 'Renumber', edits } }, 'file:///r.txt', 1, '/docs');
      assert.deepEqual(d.data, { ruleId: 'numbering-sequence', messageId: 'gap', version: 1, largeFix: 'Renumber' });
      const [action] = codeActions({ uri: 'file:///r.txt', version: 1, format: 'text', text: '', diagnostics: [d], locale: 'en', fixable: false, hasFile: false });
      assert.equal(action!.title, 'Renumber');
      assert.equal(action!.edit, undefined);
      assert.ok(isLargeFixData(action!.data), 'resolved later from the document');
    });

    it('keeps the most severe findings when there are too many to show, in document order', () => {
      const at = (offset: number, severity: LintMessage['severity']): LintMessage => ({ ...message, offset, endOffset: offset + 1, severity });
      const kept = limitFindings([at(1, 'hint'), at(2, 'warning'), at(3, 'error'), at(4, 'hint'), at(5, 'warning')], 3);
      assert.deepEqual(kept.map((m) => [m.offset, m.severity]), [[2, 'warning'], [3, 'error'], [5, 'warning']]);
      assert.equal(limitFindings([at(1, 'hint')], 3).length, 1);
      assert.deepEqual(summarize([at(1, 'hint'), at(2, 'info'), at(3, 'info')]).totals, { error: 0, warning: 0, information: 2, hint: 1 });
    });

    it('caps what an analysis sends, with a notice, and still counts everything', () => {
      const text = GAPPED.replace('2、加强信用监管', '3、加强信用监管').replace('（二）加强行政执法队伍', '（三）加强行政执法队伍');
      const all = lintText(text).messages;
      assert.ok(all.length >= 3);
      const { result } = analyze({
        kind: 'analyze', uri: 'file:///a.txt', version: 1, generation: 0, text, format: 'text', locale: 'en', config: { rules: {} },
        lint: true, docsDir: '/docs', eagerFacts: false, maxDiagnostics: 2,
      });
      assert.equal(result.diagnostics.length, 3, 'two findings and the notice');
      assert.match(String(result.diagnostics[0]!.message), new RegExp(`has ${all.length} problems; 2 are shown`));
      assert.equal(result.summary.counts.reduce((n, c) => n + c.count, 0), all.length);
    });

    it('places a configuration problem on its key', () => {
      const text = '{\n  "rules": {\n    "nope": "off"\n  }\n}';
      const { problems } = parseConfig(text, RULE_IDS);
      const d = configProblemDiagnostic(problems[0]!, text, 'en');
      assert.deepEqual(d.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 10 } });
      assert.equal(d.message, 'Unknown rule “nope” (rules.nope)');
    });
  });

  describe('code actions', () => {
    const diagnostics = lintText(GAPPED, { locale: 'en' }).messages.map((m) => toDiagnostic(m, 'file:///w/a.txt', 3, '/docs'));
    const base = { uri: 'file:///w/a.txt', version: 3, format: 'text' as const, text: GAPPED, diagnostics, locale: 'en' as const, fixable: true, hasFile: true };

    it('matches kinds against `only` as the protocol does', () => {
      assert.ok(wanted('source.fixAll.reportLint', ['source']));
      assert.ok(wanted('source.fixAll.reportLint', ['source.fixAll']));
      assert.ok(!wanted('source.fixAll.reportLint', ['quickfix']));
      assert.ok(!wanted('source.fixAllOther', ['source.fixAll']));
      assert.ok(wanted('quickfix', undefined));
    });

    it('offers fix, ignore, disable for the document and the workspace, then fix all', () => {
      const titles = codeActions(base).map((a) => `${a.kind}: ${a.title}`);
      assert.deepEqual(titles, [
        'quickfix: Renumber this run (（一）–（二）)',
        'quickfix: Ignore this “numbering-sequence” finding (recorded in .reportlintrc.json)',
        'quickfix: Disable rule “numbering-sequence” for this document',
        'quickfix: Disable rule “numbering-sequence” for the workspace',
        'source.fixAll.reportLint: Fix all auto-fixable problems',
      ]);
    });

    it('in an untrusted workspace offers only the actions whose configuration applies there (rule severities)', () => {
      const titles = codeActions({ ...base, trusted: false }).map((a) => `${a.kind}: ${a.title}`);
      assert.deepEqual(titles, [
        'quickfix: Renumber this run (（一）–（二）)',
        'quickfix: Disable rule “numbering-sequence” for the workspace',
        'source.fixAll.reportLint: Fix all auto-fixable problems',
      ]);
      const markdown = codeActions({ ...base, format: 'markdown', trusted: false }).map((a) => a.title);
      assert.ok(markdown.includes('Disable rule “numbering-sequence” for this document'), 'a Markdown comment is part of the document');
    });

    it('offers no configuration actions for an untitled document, and only fix all on save', () => {
      assert.deepEqual(codeActions({ ...base, hasFile: false }).map((a) => a.kind), ['quickfix', 'source.fixAll.reportLint']);
      assert.deepEqual(codeActions({ ...base, only: ['source.fixAll'] }).map((a) => a.kind), ['source.fixAll.reportLint']);
      assert.deepEqual(codeActions({ ...base, only: ['source.fixAll'], fixable: false }), []);
    });

    it('ignores other sources’ diagnostics', () => {
      const foreign: Diagnostic = { ...diagnostics[0]!, source: 'cspell' };
      assert.deepEqual(codeActions({ ...base, diagnostics: [foreign], fixable: false }), []);
    });
  });

  describe('configuration edits', () => {
    it('creates a configuration file pretty-printed', () => {
      assert.equal(applyConfigChange(undefined, { kind: 'ruleOff', ruleId: 'numbering-sequence' }), '{\n  "rules": {\n    "numbering-sequence": "off"\n  }\n}\n');
    });

    it('keeps keys, order and indentation of an existing file, and reuses an override for the same file', () => {
      const text = '{\n\t"locale": "en",\n\t"overrides": [{ "files": ["a.txt"], "rules": { "x-rule": "hint" } }]\n}\n';
      const out = applyConfigChange(text, { kind: 'fileRuleOff', ruleId: 'numbering-sequence', file: 'a.txt' })!;
      assert.deepEqual(JSON.parse(out), { locale: 'en', overrides: [{ files: ['a.txt'], rules: { 'x-rule': 'hint', 'numbering-sequence': 'off' } }] });
      assert.match(out, /^\{\n\t"locale"/);
    });

    it('does not record the same finding twice', () => {
      const entry = { rule: 'numbering-sequence', file: 'a.txt', text: '（三）深化' };
      const once = applyConfigChange('{}', { kind: 'ignore', entry })!;
      assert.equal(applyConfigChange(once, { kind: 'ignore', entry }), once);
    });

    it('refuses to rewrite a file it cannot read as a JSON object', () => {
      assert.equal(applyConfigChange('{ "rules": ', { kind: 'ruleOff', ruleId: 'x' }), undefined);
      assert.equal(applyConfigChange('[]', { kind: 'ruleOff', ruleId: 'x' }), undefined);
      assert.equal(applyConfigChange('{"rules": "all"}', { kind: 'ruleOff', ruleId: 'x' }), undefined);
    });

    it('records a finding with just enough context to be unique on its line', () => {
      const text = '一、甲\n（一）乙\n（三）丙\n二、丁\n（一）戊\n（三）己\n';
      const first = text.indexOf('（三）');
      const snippet = findingContext(text, first, first + 3);
      assert.ok(snippet.includes('（三）'));
      assert.equal(text.indexOf(snippet), text.lastIndexOf(snippet), snippet);
      assert.ok(!snippet.includes('\n'), 'stays on its line');
    });

    it('adds the rule to an existing disable comment, after front matter', () => {
      const md = '---\nt: 1\n---\n<!-- report-lint-disable other-rule -->\n# 报告\n';
      const edit = markdownDisableEdit(md, 'numbering-sequence')!;
      const out = md.slice(0, edit.start) + edit.text + md.slice(edit.end);
      assert.equal(out, '---\nt: 1\n---\n<!-- report-lint-disable other-rule numbering-sequence -->\n# 报告\n');
      assert.equal(markdownDisableEdit(out, 'numbering-sequence'), undefined, 'already disabled');
      assert.deepEqual(markdownDisableEdit('# 报告\r\n', 'x'), { start: 0, end: 0, text: '<!-- report-lint-disable x -->\r\n' });
    });
  });

  describe('minimalEdit', () => {
    it('replaces only the differing middle', () => {
      assert.deepEqual(minimalEdit('一、甲\n三、乙\n', '一、甲\n二、乙\n'), { start: 4, end: 5, text: '二' });
      assert.equal(minimalEdit('same', 'same'), undefined);
    });

    it('never splits a surrogate pair or a CRLF', () => {
      // 𠀀 (U+20000) and 𠀁 share their high surrogate.
      const edit = minimalEdit('a𠀀b', 'a𠀁b')!;
      assert.deepEqual(edit, { start: 1, end: 3, text: '𠀁' });
      const crlf = minimalEdit('a\r\nb', 'a\nb')!;
      assert.equal('a\r\nb'.slice(0, crlf.start) + crlf.text + 'a\r\nb'.slice(crlf.end), 'a\nb');
    });
  });

  describe('commands', () => {
    it('inserts a missing part with the required-section rule’s own fix when it has one', () => {
      const messages = lintText(PARTIAL, { rules: [requiredSection] }).messages;
      const diagnostics = messages.map((m) => toDiagnostic(m, 'file:///p.txt', 1, '/docs'));
      const facts = documentFacts(parse(PARTIAL));
      const fromRule = messages.find((m) => m.messageId === 'missingShortcomings' && m.fix);
      assert.ok(fromRule, 'the rule has a fix for the first missing part');
      const edits = insertSectionEdits('shortcomings', facts, diagnostics, PARTIAL, 'zh');
      assert.deepEqual(edits, fromRule.fix!.edits.map(({ start, end, text }) => ({ start, end, text })));
      assert.equal(insertSectionEdits('measures', facts, diagnostics, PARTIAL, 'zh'), undefined, 'present already');
    });

    it('falls back to the template before the closing', () => {
      const text = '一、主要举措和成效\n（一）加强执法\n某县人民政府\n2024年1月10日\n';
      const facts = documentFacts(parse(text));
      const edits = insertSectionEdits('plans', facts, [], text, 'zh')!;
      assert.equal(edits[0]!.start, text.indexOf('某县人民政府'));
      assert.match(edits[0]!.text, /^二、/);
    });

    it('counts findings per rule and per severity for the checklist', () => {
      const messages = lintText(GAPPED).messages;
      const diagnostics = messages.map((m) => toDiagnostic(m, 'file:///a.txt', 1, '/docs'));
      const result = checklist(documentFacts(parse(GAPPED)), summarize(messages), 'en');
      assert.ok(result.items.every((i) => i.present));
      assert.equal(result.items[3]!.label, 'main plans for the next year');
      const numbering = result.counts.find((c) => c.ruleId === 'numbering-sequence');
      assert.equal(numbering?.count, diagnostics.filter((d) => d.code === 'numbering-sequence').length);
      assert.equal(result.totals.warning, diagnostics.filter((d) => d.severity === 2).length);
    });
  });
});
