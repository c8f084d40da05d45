/** Every rule is complete: a file named by its id, a test, a doc page in both languages, messages in both languages. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { SEVERITY_SETTINGS } from '../../server/src/engine/rule';

const root = path.resolve(__dirname, '../..');

describe('rule registry', () => {
  it('has unique ids', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual(ids, [...new Set(ids)]);
  });
  for (const rule of RULES) {
    const { id } = rule.meta;
    describe(id, () => {
      it('is a kebab-case id with a file of the same name', () => {
        assert.match(id, /^[a-z]+(-[a-z]+)*$/);
        assert.ok(fs.existsSync(path.join(root, 'server/src/rules', `${id}.ts`)));
      });
      it('has a test file', () => assert.ok(fs.existsSync(path.join(root, 'test/rules', `${id}.test.ts`))));
      it('has a doc page in Chinese and English', () => {
        const doc = path.join(root, 'docs/rules', `${id}.md`);
        assert.ok(fs.existsSync(doc), `missing ${doc}`);
        const text = fs.readFileSync(doc, 'utf8');
        assert.match(text, new RegExp(`^# ${id}`));
        assert.match(text, /[\u4e00-\u9fff]/, 'doc has no Chinese');
        assert.match(text, /## (English|Description)/i, 'doc has no English section');
      });
      it('has descriptions and every message in zh and en', () => {
        assert.ok(rule.meta.description.zh && rule.meta.description.en);
        assert.ok(SEVERITY_SETTINGS.includes(rule.meta.defaultSeverity));
        for (const [messageId, spec] of Object.entries(rule.meta.messages)) {
          assert.ok(spec.zh && spec.en, `${messageId} lacks a translation`);
          const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
          assert.deepEqual(names(spec.zh), names(spec.en), `${messageId}: placeholders differ between zh and en`);
        }
      });
    });
  }
});
