/**
 * Every input the fuzz script ever saved (test/fixtures/fuzz/*.json), under every property: a
 * failure found once stays a test.
 */
import { strict as assert } from 'node:assert';
import { caseOf, fixtureName, loadFixtures } from './fixtures';
import { PROPERTIES, propertyByName } from './properties';

describe('fuzz regressions', () => {
  for (const { file, fixture } of loadFixtures()) {
    describe(`${file} (found by ${fixture.property})`, () => {
      it('is a well-formed fixture', () => {
        assert.ok(propertyByName(fixture.property), `unknown property ${fixture.property}`);
        assert.ok(fixture.format === 'text' || fixture.format === 'markdown');
        assert.ok(fixture.rules === 'default' || fixture.rules === 'all');
        assert.equal(typeof fixture.text, 'string');
        assert.equal(fixtureName(fixture), file, 'the file name is the hash of the input');
      });
      for (const property of PROPERTIES) {
        it(property.name, () => property.check(caseOf(fixture)));
      }
    });
  }
});
