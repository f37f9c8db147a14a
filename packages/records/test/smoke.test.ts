import * as r from '@kz/records';
test('loads', () => { expect(typeof r).toBe('object'); });
