import { renderTable } from '../../src/output/table';

describe('renderTable', () => {
  it('aligns columns, right-aligns numbers and shows missing cells as -', () => {
    expect(renderTable(['TOPIC', 'PARTITION', 'LEADER'], [['orders', 0, 1], ['payments-eu', 12, null]])).toBe(
      'TOPIC        PARTITION  LEADER\norders               0       1\npayments-eu         12  -\n',
    );
  });
});
